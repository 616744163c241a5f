import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EnvironmentOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useCase, useGrids, useOrgNames } from '../api/reference';
import { useHasRole } from '../app/auth';
import { CaseFlowView } from '../flows/CaseFlowView';
import { GridMap } from '../shared/GridMap';
import { ProblemAlert } from '../shared/ProblemAlert';
import { SlaTag } from '../shared/SlaTag';
import { TimeLimit } from '../shared/TimeLimit';
import { AttachmentGallery } from './AttachmentGallery';
import { CaseTimeline } from './CaseTimeline';
import { ReopenButton } from './ReopenButton';
import { CasePartsCard } from './CasePartsCard';
import { useMayWhistle, WhistleButton } from './WhistleButton';
import { WorkItemPanel } from './WorkItemPanel';
import { DuplicatePanel, MergeLinks } from '../repeats/DuplicatePanel';

const LOOP = ['Accept', 'Dispatch', 'Handle', 'Verify', 'Close', 'Evaluate', 'Done'];

/** 案件详情: header, the work that is open now, the timeline beside the flow diagram, photos and the grid drawing. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const c = useCase(id);
  const grids = useGrids();
  const names = useOrgNames();
  const [selected, setSelected] = useState<string>();
  const supervisor = useHasRole('Supervisor');
  const mayWhistle = useMayWhistle(c.data);

  if (c.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (c.error) {
    const status = c.error instanceof ApiError ? c.error.status : 0;
    if (status === 404 || status === 403)
      return <Result status={status === 404 ? '404' : '403'} title={t(status === 404 ? 'cases.notFound' : 'cases.forbidden')} extra={<Button onClick={() => navigate(-1)}>{t('cases.back')}</Button>} />;
    return <ProblemAlert error={c.error} />;
  }
  const d = c.data!;
  const stageIndex = LOOP.indexOf(d.stage === 'Assess' ? 'Close' : d.stage);
  const gridName = names.get(d.gridCode);
  const caseGrid = grids.data?.find((g) => g.code === d.gridCode);
  const community = grids.data?.filter((g) => g.parentCode === caseGrid?.parentCode) ?? [];
  const marker = d.location.lat != null && d.location.lng != null ? { lat: d.location.lat, lng: d.location.lng } : null;

  return (
    <div data-testid="case-detail">
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 8 } }}>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <div>
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>{t('cases.back')}</Button>
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="case-title">{d.title}</Typography.Title>
            <Space wrap size={6}>
              <Typography.Text copyable code data-testid="case-number">{d.number}</Typography.Text>
              <Tag color={d.status === 'Open' ? 'processing' : d.status === 'Closed' ? 'success' : 'default'}>{t(`status.${d.status}`)}</Tag>
              <Tag color="blue">{t(`stage.${d.stage}`)}</Tag>
              {d.resolution && <Tag>{t(`resolution.${d.resolution}`, { defaultValue: d.resolution })}</Tag>}
              {/* A summons' lateness is the summoned department's, not the case's: it shows with the parts below. */}
              {d.openWorkItems.filter((w) => w.kind !== 'Summons').map((w) => <SlaTag key={w.id} item={w} />)}
              {d.reworkCount > 0 && <Tag color="orange">{t('cases.rework', { count: d.reworkCount })}</Tag>}
              {d.returnCount > 0 && <Tag color="orange" data-testid="case-returns">{t('cases.returns', { count: d.returnCount })}</Tag>}
              {d.reopenCount > 0 && <Tag color="purple" data-testid="case-reopens">{t('cases.reopens', { count: d.reopenCount })}</Tag>}
            </Space>
          </div>
          <Space wrap>
            {mayWhistle && <WhistleButton caseDetail={d} />}
            {supervisor && d.stage === 'Done' && d.status === 'Closed' && <ReopenButton caseDetail={d} />}
          </Space>
        </Space>
        {screens.md && (
          <Steps size="small" style={{ margin: '20px 0 12px' }} current={stageIndex < 0 ? 0 : stageIndex}
            status={d.status === 'Rejected' ? 'error' : d.status === 'Closed' ? 'finish' : 'process'}
            items={LOOP.map((s) => ({ title: t(`stage.${s}`) }))} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 8 }}
          items={[
            { key: 'item', label: t('cases.item'), children: d.catalog ? `${d.catalog.itemCode} ${d.catalog.itemName}` : t('inbox.unclassified') },
            { key: 'limit', label: t('cases.limit'), children: d.catalog ? <TimeLimit value={d.catalog.timeLimit} calendar={d.catalog.calendar} /> : '—' },
            {
              key: 'dept', label: t('cases.department'),
              children: !d.departmentCode ? '—' : d.coHandlerCodes.length === 0 ? names.get(d.departmentCode) ?? d.departmentCode : (
                <span data-testid="case-departments">
                  <Tag color="geekblue">{t('workKind.Lead')}</Tag>{names.get(d.departmentCode) ?? d.departmentCode}
                  <Tag color="cyan" style={{ marginInlineStart: 8 }}>{t('workKind.CoHandler')}</Tag>{d.coHandlerCodes.map((c) => names.get(c) ?? c).join('、')}
                </span>
              ),
            },
            ...(d.responsibleLevel ? [{
              key: 'level', label: t('cases.responsibleLevel'),
              children: <span data-testid="case-responsible-level"><Tag color="purple">{t(`cases.level.${d.responsibleLevel}`)}</Tag>{d.responsibleOrgUnitCode ? names.get(d.responsibleOrgUnitCode) ?? d.responsibleOrgUnitCode : ''}</span>,
            }] : []),
            { key: 'channel', label: t('cases.channel'), children: t(`channel.${d.channel}`, { defaultValue: d.channel }) },
            { key: 'reported', label: t('cases.reportedAt'), children: dayjs(d.reportedAt).format('YYYY-MM-DD HH:mm') },
            { key: 'reporter', label: t('cases.reporter'), children: [d.reporter.name, d.reporter.phone].filter(Boolean).join(' ') || '—' },
            { key: 'where', label: t('cases.location'), children: <span><EnvironmentOutlined /> {d.location.address ?? ''} {gridName ?? d.gridCode}</span> },
            ...(d.closedAt ? [{ key: 'closed', label: t('cases.closedAt'), children: dayjs(d.closedAt).format('YYYY-MM-DD HH:mm') }] : []),
            ...(d.satisfaction ? [{ key: 'satisfaction', label: t('cases.satisfaction'), children: t(`outcome.${d.satisfaction}`, { defaultValue: d.satisfaction }) }] : []),
            ...(d.assessment ? [{ key: 'assessment', label: t('cases.assessment'), children: d.assessment.onTime ? <Tag color="green">{t('cases.onTime')}</Tag> : <Tag color="red">{t('cases.late', { count: d.assessment.lateWorkItems })}</Tag> }] : []),
          ]} />
        {d.description && <Typography.Paragraph style={{ marginTop: 8, background: '#f7f9fc', padding: 12, borderRadius: 6 }}>{d.description}</Typography.Paragraph>}
        {d.incidents.filter((i) => i.status === 'Open').map((i) => (
          <Alert key={i.id} type="error" showIcon title={t('cases.incident', { activity: i.activityId })}
            description={`${dayjs(i.at).format('YYYY-MM-DD HH:mm')} · ${i.error}`} style={{ marginBottom: 12 }} />
        ))}
        <MergeLinks caseDetail={d} />
        {d.catalog && <Alert type="info" showIcon title={t('cases.closureStandard')} description={d.catalog.closureStandard} style={{ marginBottom: 12 }} />}
      </Card>

      <DuplicatePanel caseDetail={d} />

      <CasePartsCard caseDetail={d} />

      {d.openWorkItems.length > 0 && (
        <Card title={t('cases.openWork')} style={{ marginBottom: 16 }}>
          {d.openWorkItems.map((w) => <WorkItemPanel key={w.id} item={w} caseDetail={d} />)}
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('cases.timeline')} style={{ height: '100%' }}>
            <CaseTimeline journal={d.journal} selectedActivityId={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('cases.flow')} style={{ marginBottom: 16 }}>
            <CaseFlowView
              definitionId={d.workflow.definitionId}
              version={d.workflow.version}
              journal={d.journal}
              openActivityIds={d.openWorkItems.map((w) => w.activityId)}
              selectedActivityId={selected}
              onSelectActivity={setSelected}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card title={t('cases.photos')} style={{ height: '100%' }}>
                <AttachmentGallery attachments={d.attachments} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('cases.map', { grid: gridName ?? d.gridCode })} style={{ height: '100%' }}>
                {community.length > 0
                  ? <GridMap grids={community} selected={d.gridCode} marker={marker} width={360} maxHeight={300} testId="case-map" />
                  : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}
