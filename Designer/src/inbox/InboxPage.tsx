import { useEffect, useState } from 'react';
import { Badge, Button, Card, Descriptions, Drawer, Empty, Grid, List, Pagination, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useCase } from '../api/reference';
import type { InboxEntry, Page } from '../api/types';
import { WorkItemPanel } from '../cases/WorkItemPanel';
import { formatTotal, pageAfterRemoval, pagingQuery } from '../shared/paging';
import { ProblemAlert } from '../shared/ProblemAlert';
import { SlaTag } from '../shared/SlaTag';

type View = 'Mine' | 'Claimable' | 'Done';
const VIEWS: View[] = ['Mine', 'Claimable', 'Done'];

function useInbox(view: View, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['inbox', view, page, pageSize],
    queryFn: () => api<Page<InboxEntry>>(`/api/inbox/${view}?${pagingQuery(page, pageSize)}`),
    placeholderData: keepPreviousData,
    // Someone else may claim or complete meanwhile: the list follows without a reload. Own completions refresh it at once.
    refetchInterval: 120_000,
  });
}

export default function InboxPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [view, setView] = useState<View>('Mine');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<InboxEntry | null>(null);
  const list = useInbox(view, page, pageSize);
  const counts = {
    Mine: useInbox('Mine', 1, 1).data?.total,
    Claimable: useInbox('Claimable', 1, 1).data?.total,
  };
  // First visit: with nothing claimed yet but work waiting to be claimed, show that instead of an empty tab.
  const [picked, setPicked] = useState(false);
  useEffect(() => {
    if (picked || counts.Mine === undefined || counts.Claimable === undefined) return;
    setPicked(true);
    if (counts.Mine === 0 && counts.Claimable > 0) setView('Claimable');
  }, [picked, counts.Mine, counts.Claimable]);
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const done = view === 'Done';

  const afterCompletion = () => {
    setOpen(null);
    setPage((p) => pageAfterRemoval(p, pageSize, Math.max(0, total - 1)));
  };

  const columns = [
    ...(!done ? [{ title: t('inbox.col.sla'), key: 'sla', width: 150, render: (_: unknown, r: InboxEntry) => <SlaTag item={r.workItem} /> }] : []),
    {
      title: t('inbox.col.case'), key: 'case', render: (_: unknown, r: InboxEntry) => (
        <div>
          <Link to={`/cases/${r.workItem.caseId}`} data-testid="case-link">{r.caseNumber}</Link>
          <div style={{ fontWeight: 500 }}>{r.caseTitle}</div>
        </div>
      ),
    },
    { title: t('inbox.col.stage'), key: 'stage', width: 110, render: (_: unknown, r: InboxEntry) => <Tag color="blue">{t(`stage.${r.workItem.stage}`, { defaultValue: r.workItem.stage })}</Tag> },
    { title: t('inbox.col.item'), key: 'item', render: (_: unknown, r: InboxEntry) => r.itemName ?? <Typography.Text type="secondary">{t('inbox.unclassified')}</Typography.Text> },
    { title: t('inbox.col.grid'), key: 'grid', width: 130, render: (_: unknown, r: InboxEntry) => <span>{r.gridCode}</span> },
    done
      ? { title: t('inbox.col.outcome'), key: 'outcome', width: 120, render: (_: unknown, r: InboxEntry) => r.completedOutcome ? <Tag>{t(`outcome.${r.completedOutcome}`, { defaultValue: r.completedOutcome })}</Tag> : null }
      : { title: t('inbox.col.due'), key: 'due', width: 150, render: (_: unknown, r: InboxEntry) => r.workItem.dueAt ? dayjs(r.workItem.dueAt).format('MM-DD HH:mm') : '—' },
    done
      ? { title: t('inbox.col.completedAt'), key: 'completedAt', width: 150, render: (_: unknown, r: InboxEntry) => r.completedAt ? dayjs(r.completedAt).format('MM-DD HH:mm') : '' }
      : {
        title: '', key: 'actions', width: 100, render: (_: unknown, r: InboxEntry) => (
          <Button type="primary" size="small" onClick={() => setOpen(r)} data-testid="work-on">{t('inbox.workOn')}</Button>
        ),
      },
  ];

  const tabLabel = (v: View) => (
    <span data-testid={`tab-${v}`}>
      {t(`inbox.view.${v}`)}
      {v !== 'Done' && counts[v] ? <Badge count={counts[v]} size="small" style={{ marginInlineStart: 6, background: v === 'Mine' ? '#1d5fc1' : '#8c8c8c' }} /> : null}
    </span>
  );

  return (
    <Card
      title={<Space><span style={{ fontSize: 18 }}>{t('menu.inbox')}</span></Space>}
      extra={<Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching} aria-label={t('inbox.refresh')} />}
      styles={{ body: { paddingTop: 0 } }}
      data-testid="inbox-page"
    >
      <Tabs activeKey={view} onChange={(k) => { setPicked(true); setView(k as View); setPage(1); }} items={VIEWS.map((v) => ({ key: v, label: tabLabel(v) }))} />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {narrow ? (
        <>
          {list.isLoading ? <Skeleton active /> : rows.length === 0 ? <Empty description={t(`inbox.empty.${view}`)} /> : (
            <List
              dataSource={rows}
              rowKey={(r) => r.workItem.id}
              renderItem={(r) => (
                <Card size="small" style={{ marginBottom: 10 }} data-testid="inbox-row" onClick={() => !done && setOpen(r)}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 6 }}>
                    <Tag color="blue">{t(`stage.${r.workItem.stage}`, { defaultValue: r.workItem.stage })}</Tag>
                    {done ? (r.completedOutcome && <Tag>{t(`outcome.${r.completedOutcome}`, { defaultValue: r.completedOutcome })}</Tag>) : <SlaTag item={r.workItem} />}
                  </div>
                  <div style={{ fontWeight: 600, fontSize: 15 }}>{r.caseTitle}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Link to={`/cases/${r.workItem.caseId}`} onClick={(e) => e.stopPropagation()}>{r.caseNumber}</Link> · <EnvironmentOutlined /> {r.address || r.gridCode}
                  </Typography.Text>
                </Card>
              )}
            />
          )}
          {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={setPage} style={{ textAlign: 'center' }} />}
        </>
      ) : (
        <Table<InboxEntry>
          rowKey={(r) => r.workItem.id}
          dataSource={rows}
          columns={columns}
          loading={list.isLoading}
          locale={{ emptyText: <Empty description={t(`inbox.empty.${view}`)} /> }}
          onRow={() => ({ 'data-testid': 'inbox-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.totalOf', { total: formatTotal(n, list.data?.totalIsLowerBound) }),
            onChange: (p, s) => { setPage(p); setPageSize(s); },
          }}
        />
      )}
      <WorkDrawer entry={open} onClose={() => setOpen(null)} onCompleted={afterCompletion} narrow={narrow} />
    </Card>
  );
}

function WorkDrawer({ entry, onClose, onCompleted, narrow }: { entry: InboxEntry | null; onClose: () => void; onCompleted: () => void; narrow: boolean }) {
  const { t } = useTranslation();
  const c = useCase(entry?.workItem.caseId);
  const item = c.data?.openWorkItems.find((w) => w.id === entry?.workItem.id);
  return (
    <Drawer
      open={!!entry}
      onClose={onClose}
      size={narrow ? '100%' : 620}
      title={entry ? <span>{entry.caseTitle} <Typography.Text type="secondary" style={{ fontSize: 13 }}>{entry.caseNumber}</Typography.Text></span> : null}
      extra={entry && <Link to={`/cases/${entry.workItem.caseId}`}>{t('inbox.openCase')}</Link>}
      destroyOnHidden
      data-testid="work-drawer"
    >
      {c.isLoading || !c.data ? <Skeleton active /> : (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}
            items={[
              { key: 'item', label: t('cases.item'), children: c.data.itemName ? `${c.data.itemCode} ${c.data.itemName}` : t('inbox.unclassified') },
              { key: 'desc', label: t('cases.description'), children: c.data.description || '—' },
              { key: 'where', label: t('cases.location'), children: `${c.data.location.address ?? ''} (${c.data.gridCode})` },
              ...(c.data.catalog ? [{ key: 'standard', label: t('cases.closureStandard'), children: c.data.catalog.closureStandard }] : []),
            ]} />
          {item ? <WorkItemPanel item={item} caseDetail={c.data} onCompleted={onCompleted} />
            : <Empty description={t('inbox.itemGone')} />}
        </>
      )}
    </Drawer>
  );
}
