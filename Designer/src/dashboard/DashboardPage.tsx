import { useMemo } from 'react';
import { Card, Col, Empty, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useGrids } from '../api/reference';
import type { Dashboard, Rate } from '../api/types';
import { useAuth } from '../app/auth';
import { GridMap } from '../shared/GridMap';
import { ProblemAlert } from '../shared/ProblemAlert';
import { Chart } from './Chart';
import type { EChartsOption } from './echarts';

const LOOP = ['Accept', 'Dispatch', 'Handle', 'Verify', 'Evaluate', 'Done', 'Rejected'];
const BLUE = '#1d5fc1';

function RateCard({ title, rate, testId }: { title: string; rate: Rate; testId: string }) {
  const { t } = useTranslation();
  const percent = rate.rate == null ? 0 : Math.round(rate.rate * 1000) / 10;
  return (
    <Card style={{ height: '100%' }} data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Progress type="circle" size={76} percent={percent} format={() => (rate.rate == null ? '—' : `${percent}%`)}
          strokeColor={percent >= 90 ? '#389e0d' : percent >= 70 ? '#d48806' : '#cf1322'} />
        <div>
          <Typography.Text type="secondary">{title}</Typography.Text>
          <div style={{ fontSize: 13, marginTop: 4 }}>{rate.of > 0 ? t('dashboard.rateOf', { count: rate.count, of: rate.of }) : t('dashboard.noneYet')}</div>
        </div>
      </div>
    </Card>
  );
}

/** 一屏观全域: the figures of the signed-in user's scope, refreshed every minute. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const grids = useGrids();
  const data = useQuery({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('/api/dashboard'), refetchInterval: 60_000 });
  const d = data.data;

  const options = useMemo(() => {
    if (!d) return null;
    const axis = { axisLine: { lineStyle: { color: '#c5cedb' } }, axisLabel: { color: '#5b6b82' } };
    const stage: EChartsOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: LOOP.map((s) => t(`stage.${s}`)), ...axis, axisLabel: { color: '#5b6b82', interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1, ...axis },
      series: [{ type: 'bar', barMaxWidth: 36, itemStyle: { color: BLUE, borderRadius: [4, 4, 0, 0] }, data: LOOP.map((s) => d.byStage.find((b) => b.stage === s)?.count ?? 0) }],
    };
    const overdue: EChartsOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, ...axis },
      yAxis: { type: 'category', inverse: true, data: d.overdueByDepartment.slice(0, 10).map((o) => o.name), ...axis },
      series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: '#cf1322', borderRadius: [0, 4, 4, 0] }, data: d.overdueByDepartment.slice(0, 10).map((o) => o.count) }],
    };
    const trend: EChartsOption = {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dashboard.reported'), t('dashboard.closed')], top: 0 },
      grid: { left: 36, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: d.trend.map((p) => dayjs(p.date).format('MM-DD')), boundaryGap: false, ...axis },
      yAxis: { type: 'value', minInterval: 1, ...axis },
      series: [
        { name: t('dashboard.reported'), type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.12 }, itemStyle: { color: BLUE }, data: d.trend.map((p) => p.reported) },
        { name: t('dashboard.closed'), type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.12 }, itemStyle: { color: '#389e0d' }, data: d.trend.map((p) => p.closed) },
      ],
    };
    const categories: EChartsOption = {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'pie', radius: ['45%', '72%'], avoidLabelOverlap: true, label: { formatter: '{b}\n{c}' },
        data: d.topCategoriesThisWeek.map((c) => ({ name: c.name, value: c.count })),
      }],
    };
    return { stage, overdue, trend, categories };
  }, [d, t]);

  if (data.error) return <ProblemAlert error={data.error} />;
  if (!d || !options) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const counts = new Map(d.openByGrid.map((g) => [g.code, g.count]));
  const overdueTotal = d.overdueByDepartment.reduce((s, o) => s + o.count, 0);

  return (
    <div data-testid="dashboard-page">
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('menu.dashboard')} · {user?.orgUnitName}</Typography.Title>
        <Typography.Text type="secondary">{t('dashboard.asOf', { at: dayjs(d.at).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}><Card style={{ height: '100%' }}><Statistic title={t('dashboard.total')} value={d.totalCases} /></Card></Col>
        <Col xs={12} lg={6}><Card style={{ height: '100%' }}><Statistic title={t('dashboard.open')} value={d.openCases} styles={{ content: { color: BLUE } }} />
          <Typography.Text type={overdueTotal > 0 ? 'danger' : 'secondary'}>{t('dashboard.overdueNow', { count: overdueTotal })}</Typography.Text></Card></Col>
        <Col xs={24} sm={12} lg={6}><RateCard title={t('dashboard.onTime')} rate={d.onTimeClosure} testId="rate-on-time" /></Col>
        <Col xs={24} sm={12} lg={6}><RateCard title={t('dashboard.satisfaction')} rate={d.satisfaction} testId="rate-satisfaction" /></Col>

        <Col xs={24} xl={16}><Card title={t('dashboard.trend')}><Chart option={options.trend} testId="chart-trend" /></Card></Col>
        <Col xs={24} xl={8}><Card title={t('dashboard.byStage')}><Chart option={options.stage} testId="chart-stage" /></Card></Col>

        <Col xs={24} xl={10}>
          <Card title={t('dashboard.gridMap')} extra={<Typography.Text type="secondary">{t('dashboard.gridMapHint')}</Typography.Text>}>
            {grids.data ? <GridMap grids={grids.data} counts={counts} width={560}
              tooltip={(g) => t('map.openCases', { name: `${g.code} ${g.name}`, count: counts.get(g.code) ?? 0 })} testId="dashboard-map" /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Card title={t('dashboard.overdueByDepartment')} style={{ height: '100%' }}>
            {d.overdueByDepartment.length > 0 ? <Chart option={options.overdue} testId="chart-overdue" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOverdue')} />}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Card title={t('dashboard.topCategories')} style={{ height: '100%' }}>
            {d.topCategoriesThisWeek.length > 0 ? <Chart option={options.categories} testId="chart-categories" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noneThisWeek')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
