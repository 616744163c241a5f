import { useState } from 'react';
import { Button, Card, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RepeatComplainant, RepeatMatter } from '../api/types';
import { downloadFile } from '../shared/download';
import { ProblemAlert } from '../shared/ProblemAlert';
import { usePaging } from '../shared/usePaging';

type TabKey = 'complainants' | 'matters';

function usePaged<T>(key: TabKey) {
  const { query: list, pagination } = usePaging<T>({ queryKey: ['repeats', key], path: `/api/repeat-${key}`, showTotal: false });
  return { list, pagination };
}

function Complainants() {
  const { t } = useTranslation();
  const { list, pagination } = usePaged<RepeatComplainant>('complainants');
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<RepeatComplainant>
        rowKey="phone" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={pagination} scroll={{ x: 900 }}
        onRow={() => ({ 'data-testid': 'repeat-complainant' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('repeats.col.phone'), dataIndex: 'phone', width: 150 },
          { title: t('repeats.col.name'), dataIndex: 'name', width: 110 },
          { title: t('repeats.col.cases'), dataIndex: 'cases', width: 90, render: (n: number) => <Tag color="red">{n}</Tag> },
          { title: t('repeats.col.first'), key: 'first', width: 140, render: (_, r) => dayjs(r.firstReportedAt).format('MM-DD HH:mm') },
          { title: t('repeats.col.last'), key: 'last', width: 140, render: (_, r) => dayjs(r.lastReportedAt).format('MM-DD HH:mm') },
          { title: t('repeats.col.caseNumbers'), key: 'numbers', render: (_, r) => r.caseNumbers.join('、') },
        ]}
      />
    </>
  );
}

function Matters() {
  const { t } = useTranslation();
  const { list, pagination } = usePaged<RepeatMatter>('matters');
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<RepeatMatter>
        rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={pagination} scroll={{ x: 1000 }}
        onRow={() => ({ 'data-testid': 'repeat-matter' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('repeats.col.master'), key: 'master', render: (_, m) => <div><Link to={`/cases/${m.id}`}>{m.number}</Link><div>{m.title}</div></div> },
          { title: t('repeats.col.item'), key: 'item', render: (_, m) => m.itemName ?? m.itemCode ?? '—' },
          { title: t('repeats.col.status'), key: 'status', width: 130, render: (_, m) => <span><Tag>{t(`status.${m.status}`)}</Tag>{t(`stage.${m.stage}`, { defaultValue: m.stage })}</span> },
          { title: t('repeats.col.merged'), dataIndex: 'mergedReports', width: 100, render: (n: number) => <Tag color="orange">{n}</Tag> },
          { title: t('repeats.col.lastMerged'), key: 'lastMerged', width: 140, render: (_, m) => (m.lastMergedAt ? dayjs(m.lastMergedAt).format('MM-DD HH:mm') : '—') },
          { title: t('repeats.col.caseNumbers'), key: 'numbers', render: (_, m) => m.mergedCaseNumbers.join('、') },
        ]}
      />
    </>
  );
}

/** 重复诉求: 一人多诉 (one phone, many cases) and 一事多诉 (one matter, many merged reports), each exportable. */
export default function RepeatsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('complainants');
  const [error, setError] = useState<unknown>();
  const fileName = tab === 'complainants' ? '一人多诉.xlsx' : '一事多诉.xlsx';
  return (
    <Card
      title={<span style={{ fontSize: 18 }}>{t('menu.repeats')}</span>}
      extra={<Button icon={<DownloadOutlined />} data-testid="repeats-export"
        onClick={() => downloadFile(`/api/repeat-${tab}?format=xlsx`, fileName).catch(setError)}>{t('repeats.export')}</Button>}
      styles={{ body: { paddingTop: 0 } }}
      data-testid="repeats-page"
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={[
        { key: 'complainants', label: <span data-testid="repeats-tab-complainants">{t('repeats.tab.complainants')}</span>, children: <Complainants /> },
        { key: 'matters', label: <span data-testid="repeats-tab-matters">{t('repeats.tab.matters')}</span>, children: <Matters /> },
      ]} />
    </Card>
  );
}
