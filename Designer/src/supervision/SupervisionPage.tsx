import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOrgNames, useOrgUnits } from '../api/reference';
import type { ExtensionRequest, OrgUnitNode, WorkItem } from '../api/types';
import { useHasRole } from '../app/auth';
import { useListTotal, usePaging } from '../shared/usePaging';
import { useRefreshCase } from '../cases/useRefreshCase';
import { ProblemAlert } from '../shared/ProblemAlert';
import { SlaTag } from '../shared/SlaTag';
import { CaseRef } from './CaseRef';
import { SupervisionList } from './SupervisionList';

type TabKey = 'entries' | 'Overdue' | 'Warning' | 'extensions';

function toTree(nodes: OrgUnitNode[], names: (n: OrgUnitNode) => string): { value: string; title: string; children: ReturnType<typeof toTree> }[] {
  return nodes.filter((n) => n.kind !== 'Grid').map((n) => ({ value: n.code, title: names(n), children: toTree(n.children, names) }));
}

function WorkItemList({ sla, orgUnit }: { sla: 'Overdue' | 'Warning'; orgUnit?: string }) {
  const { t } = useTranslation();
  const names = useOrgNames();
  const { query: list, rows, pagination } = usePaging<WorkItem>({
    queryKey: ['supervision', 'work-items'], path: '/api/work-items', filters: { sla, orgUnit }, refetchInterval: 30_000,
  });
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<WorkItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        scroll={{ x: 900 }}
        onRow={() => ({ 'data-testid': `supervision-row-${sla}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('supervision.col.sla'), key: 'sla', width: 160, render: (_, w) => <SlaTag item={w} /> },
          { title: t('supervision.col.case'), key: 'case', render: (_, w) => <CaseRef caseId={w.caseId} /> },
          { title: t('supervision.col.stage'), key: 'stage', width: 100, render: (_, w) => <Tag color="blue">{t(`stage.${w.stage}`, { defaultValue: w.stage })}</Tag> },
          { title: t('supervision.col.unit'), key: 'unit', render: (_, w) => names.get(w.scopeOrgUnitCode) ?? w.scopeOrgUnitCode },
          { title: t('supervision.col.worker'), key: 'worker', render: (_, w) => w.assignedUser ?? <Typography.Text type="secondary">{t('supervision.unclaimed', { count: w.candidateUsers.length })}</Typography.Text> },
          { title: t('supervision.col.due'), key: 'due', width: 150, render: (_, w) => (w.dueAt ? dayjs(w.dueAt).format('MM-DD HH:mm') : '—') },
        ]}
        pagination={pagination}
      />
    </>
  );
}

function ExtensionList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refreshCase = useRefreshCase();
  const canDecide = useHasRole('Dispatcher', 'Supervisor');
  const [status, setStatus] = useState<string>('Pending');
  const [rejecting, setRejecting] = useState<ExtensionRequest | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const list = useQuery({
    queryKey: ['supervision', 'extensions', status],
    queryFn: () => api<ExtensionRequest[]>(`/api/extension-requests${status ? `?status=${status}` : ''}`),
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; approve: boolean; comment?: string }) =>
      api<ExtensionRequest>(`/api/extension-requests/${v.id}/${v.approve ? 'approve' : 'reject'}`, { method: 'POST', json: { comment: v.comment } }),
    onSuccess: (request, v) => {
      message.success(t(v.approve ? 'supervision.approved' : 'supervision.rejected'));
      setRejecting(null);
      // An approval moves the work item's due time: the case and the inboxes show it.
      return refreshCase(request.caseId);
    },
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('supervision.status')} style={{ width: 140 }} value={status} onChange={setStatus}
          options={['Pending', 'Approved', 'Rejected'].map((s) => ({ value: s, label: t(`supervision.ext.${s}`) }))} />
      </Space>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {decide.error && !rejecting ? <ProblemAlert error={decide.error} /> : null}
      <Table<ExtensionRequest>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('supervision.col.case'), key: 'case', render: (_, e) => <CaseRef caseId={e.caseId} /> },
          { title: t('supervision.col.stage'), key: 'stage', width: 90, render: (_, e) => t(`stage.${e.stage}`, { defaultValue: e.stage }) },
          { title: t('supervision.col.requestedBy'), dataIndex: 'requestedBy', width: 130 },
          { title: t('supervision.col.reason'), dataIndex: 'reason' },
          { title: t('supervision.col.dueChange'), key: 'due', width: 200, render: (_, e) => <span>{dayjs(e.currentDueAt).format('MM-DD HH:mm')} → <b>{dayjs(e.requestedDueAt).format('MM-DD HH:mm')}</b></span> },
          {
            title: t('supervision.status'), key: 'status', width: 170, render: (_, e) => e.status === 'Pending' && canDecide ? (
              <Space>
                <Button size="small" type="primary" onClick={() => decide.mutate({ id: e.id, approve: true })} loading={decide.isPending} data-testid="approve">{t('supervision.approve')}</Button>
                <Button size="small" danger onClick={() => { form.resetFields(); setRejecting(e); }}>{t('supervision.reject')}</Button>
              </Space>
            ) : <Tag color={e.status === 'Approved' ? 'green' : e.status === 'Rejected' ? 'red' : 'default'}>{t(`supervision.ext.${e.status}`, { defaultValue: e.status })}</Tag>,
          },
        ]}
        pagination={false}
      />
      <Modal open={!!rejecting} title={t('supervision.reject')} onCancel={() => setRejecting(null)} onOk={() => form.submit()} confirmLoading={decide.isPending}
        okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => rejecting && decide.mutate({ id: rejecting.id, approve: false, comment: v.comment.trim() })}>
          <Form.Item name="comment" label={t('supervision.rejectReason')} rules={[{ required: true, whitespace: true, message: t('inbox.fieldRequired') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
        {decide.error ? <ProblemAlert error={decide.error} /> : null}
      </Modal>
    </>
  );
}

function useSlaCount(sla: string, orgUnit?: string) {
  return useListTotal(['supervision', 'work-items'], '/api/work-items', { sla, orgUnit });
}

/** 督办: the supervision list with its actions, the overdue and warning work items, and the extension requests to decide. */
export default function SupervisionPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('entries');
  const [orgUnit, setOrgUnit] = useState<string>();
  const org = useOrgUnits();
  const tree = useMemo(() => toTree(org.data ?? [], (n) => n.name), [org.data]);
  const overdue = useSlaCount('Overdue', orgUnit);
  const warning = useSlaCount('Warning', orgUnit);
  const pending = useQuery({
    queryKey: ['supervision', 'extensions', 'Pending'],
    queryFn: () => api<ExtensionRequest[]>('/api/extension-requests?status=Pending'),
  }).data?.length;

  const label = (key: TabKey, n?: number, colour?: string) => (
    <span data-testid={`supervision-tab-${key}`}>{t(`supervision.tab.${key}`)}{n ? <Badge count={n} size="small" style={{ marginInlineStart: 6, background: colour }} /> : null}</span>
  );
  return (
    <Card
      title={<span style={{ fontSize: 18 }}>{t('menu.supervision')}</span>}
      extra={tab !== 'extensions' && (
        <TreeSelect allowClear treeDefaultExpandAll={false} style={{ width: 240 }} placeholder={t('supervision.orgUnit')}
          value={orgUnit} onChange={setOrgUnit} treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="org-filter" />
      )}
      styles={{ body: { paddingTop: 0 } }}
      data-testid="supervision-page"
    >
      <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={[
        { key: 'entries', label: label('entries'), children: <SupervisionList orgUnitCode={orgUnit} /> },
        { key: 'Overdue', label: label('Overdue', overdue, '#cf1322'), children: <WorkItemList sla="Overdue" orgUnit={orgUnit} /> },
        { key: 'Warning', label: label('Warning', warning, '#d48806'), children: <WorkItemList sla="Warning" orgUnit={orgUnit} /> },
        { key: 'extensions', label: label('extensions', pending, '#1d5fc1'), children: <ExtensionList /> },
      ]} />
    </Card>
  );
}
