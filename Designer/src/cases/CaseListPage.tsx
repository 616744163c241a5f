import { useState } from 'react';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CaseSummary, Page } from '../api/types';
import { formatTotal, pagingQuery } from '../shared/paging';
import { ProblemAlert } from '../shared/ProblemAlert';

const STAGES = ['Accept', 'Dispatch', 'Handle', 'Arbitrate', 'Verify', 'Evaluate', 'Done', 'Rejected'];
const STATUSES = ['Open', 'Closed', 'Rejected', 'Cancelled'];

/** 案件查询: the cases of the caller's scope, newest first. */
export default function CaseListPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [gridCode, setGridCode] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useQuery({
    queryKey: ['cases', stage, status, gridCode, page, pageSize],
    queryFn: () => api<Page<CaseSummary>>(`/api/cases?${pagingQuery(page, pageSize, { stage, status, gridCode })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={<span style={{ fontSize: 18 }}>{t('menu.cases')}</span>} data-testid="cases-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('cases.filterStage')} style={{ width: 150 }} value={stage} onChange={(v) => { setStage(v); setPage(1); }}
          options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
        <Select allowClear placeholder={t('cases.filterStatus')} style={{ width: 150 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Input.Search allowClear placeholder={t('cases.filterGrid')} style={{ width: 200 }} onSearch={(v) => { setGridCode(v.trim() || undefined); setPage(1); }} />
      </Space>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<CaseSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: t('cases.number'), key: 'number', width: 200, render: (_, r) => <Link to={`/cases/${r.id}`}>{r.number}</Link> },
          { title: t('cases.title'), dataIndex: 'title' },
          { title: t('cases.channel'), key: 'channel', width: 120, render: (_, r) => t(`channel.${r.channel}`, { defaultValue: r.channel }) },
          { title: t('cases.grid'), dataIndex: 'gridCode', width: 120 },
          { title: t('cases.stage'), key: 'stage', width: 110, render: (_, r) => <Tag color={r.status === 'Open' ? 'blue' : r.status === 'Closed' ? 'green' : 'default'}>{t(`stage.${r.stage}`)}</Tag> },
          { title: t('cases.reportedAt'), key: 'reportedAt', width: 150, render: (_, r) => dayjs(r.reportedAt).format('YYYY-MM-DD HH:mm') },
        ]}
        pagination={{
          current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalOf', { total: formatTotal(n, list.data?.totalIsLowerBound) }),
          onChange: (p, s) => { setPage(p); setPageSize(s); },
        }}
      />
    </Card>
  );
}
