import { useState } from 'react';
import { App, Button, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useDepartments, useOrgNames } from '../api/reference';
import type { Page, SupervisionEntry } from '../api/types';
import { useHasRole } from '../app/auth';
import { downloadFile } from '../shared/download';
import { formatTotal, pagingQuery } from '../shared/paging';
import { ProblemAlert } from '../shared/ProblemAlert';

const kinds = ['Overdue', 'Unresolved', 'Rework', 'Returns', 'SummonsUnanswered', 'Manual'] as const;
const severities = ['Critical', 'High', 'Normal'] as const;
const statuses = ['Open', 'Urged', 'Resolved', 'Closed'] as const;
const severityColour: Record<string, string> = { Critical: 'red', High: 'orange', Normal: 'blue' };
const statusColour: Record<string, string> = { Open: 'gold', Urged: 'volcano', Resolved: 'green', Closed: 'default' };

type Action = 'escalate' | 'joint' | 'resolve' | 'close';
interface ActionForm { reason?: string; result?: string; comment?: string; leadDepartmentCode?: string; coHandlerCodes?: string[]; dueAt?: Dayjs }

/** The list's filters as the API reads them; status empty means the active entries (open and urged). */
export interface SupervisionFilters { kind?: string; status?: string; severity?: string; orgUnitCode?: string }

const download = (filters: SupervisionFilters) =>
  downloadFile(`/api/supervision/export?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`, '督办清单.xlsx');

/** 督办清单: most severe first, then the oldest; supervisors urge, escalate, start joint supervision, resolve or close. */
export function SupervisionList({ orgUnitCode }: { orgUnitCode?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const names = useOrgNames();
  const departments = useDepartments();
  const canAct = useHasRole('Supervisor');
  const [filters, setFilters] = useState<SupervisionFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [acting, setActing] = useState<{ entry: SupervisionEntry; action: Action } | null>(null);
  const [form] = Form.useForm<ActionForm>();
  const query = { ...filters, orgUnitCode };
  const list = useQuery({
    queryKey: ['supervision', 'entries', query, page, pageSize],
    queryFn: () => api<Page<SupervisionEntry>>(`/api/supervision?${pagingQuery(page, pageSize, query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const act = useMutation({
    mutationFn: (v: { id: number; action: Action | 'urge'; body?: object }) =>
      api<SupervisionEntry>(`/api/supervision/${v.id}/${v.action}`, { method: 'POST', json: v.body ?? {} }),
    onSuccess: (_, v) => {
      message.success(t(`supervision.done.${v.action}`));
      setActing(null);
      return client.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  const exporting = useMutation({ mutationFn: () => download(query) });
  const filter = (key: keyof SupervisionFilters) => (value?: string) => { setFilters((f) => ({ ...f, [key]: value })); setPage(1); };

  const open = (entry: SupervisionEntry, action: Action) => {
    form.resetFields();
    act.reset();
    setActing({ entry, action });
  };
  const submit = (v: ActionForm) => {
    if (!acting) return;
    const { entry, action } = acting;
    const body = action === 'escalate' ? { reason: v.reason?.trim() }
      : action === 'joint' ? { leadDepartmentCode: v.leadDepartmentCode, coHandlerCodes: v.coHandlerCodes ?? [], dueAt: v.dueAt?.toISOString(), comment: v.comment?.trim() }
        : { result: v.result?.trim() };
    act.mutate({ id: entry.id, action, body });
  };
  const required = [{ required: true, whitespace: true, message: t('inbox.fieldRequired') }];
  const departmentOptions = departments.data.map((d) => ({ value: d.code, label: d.name }));

  return (
    <div data-testid="supervision-entries">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('supervision.kind')} style={{ width: 150 }} value={filters.kind} onChange={filter('kind')} data-testid="filter-kind"
          options={kinds.map((k) => ({ value: k, label: t(`supervision.kind.${k}`) }))} />
        <Select allowClear placeholder={t('supervision.severity')} style={{ width: 120 }} value={filters.severity} onChange={filter('severity')}
          options={severities.map((s) => ({ value: s, label: t(`supervision.severity.${s}`) }))} />
        <Select allowClear placeholder={t('supervision.activeOnly')} style={{ width: 140 }} value={filters.status} onChange={filter('status')}
          options={statuses.map((s) => ({ value: s, label: t(`supervision.state.${s}`) }))} />
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="supervision-export">
          {t('supervision.export')}
        </Button>
      </Space>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {exporting.error ? <ProblemAlert error={exporting.error} /> : null}
      {act.error && !acting ? <ProblemAlert error={act.error} /> : null}
      <Table<SupervisionEntry>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1200 }}
        onRow={(e) => ({ 'data-testid': 'supervision-entry', 'data-kind': e.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('supervision.severity'), key: 'severity', width: 96, render: (_, e) => <Tag color={severityColour[e.severity]}>{t(`supervision.severity.${e.severity}`)}</Tag> },
          { title: t('supervision.kind'), key: 'kind', width: 100, render: (_, e) => t(`supervision.kind.${e.kind}`) },
          {
            title: t('supervision.col.case'), key: 'case', width: 220, render: (_, e) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/cases/${e.caseId}`} data-testid="case-ref">{e.caseNumber}</Link>
                <div><Typography.Text ellipsis style={{ maxWidth: 200 }}>{e.caseTitle}</Typography.Text></div>
              </div>
            ),
          },
          { title: t('supervision.col.reason'), key: 'reason', render: (_, e) => <Tooltip title={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.notes}</pre>}><span>{e.reason}</span></Tooltip> },
          { title: t('supervision.col.unit'), key: 'unit', width: 140, render: (_, e) => names.get(e.responsibleOrgUnitCode) ?? e.responsibleOrgUnitCode },
          { title: t('supervision.status'), key: 'status', width: 90, render: (_, e) => <Tag color={statusColour[e.status]} data-testid="entry-status">{t(`supervision.state.${e.status}`)}</Tag> },
          { title: t('supervision.col.urges'), key: 'urges', width: 96, render: (_, e) => <span data-testid="urge-count">{e.urgeCount}</span> },
          {
            title: t('supervision.col.dueAt'), key: 'due', width: 110, render: (_, e) => (
              <Typography.Text type={e.finishedAt == null && dayjs(e.dueAt).isBefore(dayjs()) ? 'danger' : undefined}>{dayjs(e.dueAt).format('MM-DD HH:mm')}</Typography.Text>
            ),
          },
          {
            title: t('supervision.col.actions'), key: 'actions', width: 230, fixed: 'right', render: (_, e) => canAct && (e.status === 'Open' || e.status === 'Urged') ? (
              <Space size={4} wrap>
                <Button size="small" type="primary" danger loading={act.isPending && act.variables?.id === e.id && act.variables.action === 'urge'}
                  onClick={() => act.mutate({ id: e.id, action: 'urge' })} data-testid="urge">{t('supervision.urge')}</Button>
                <Button size="small" onClick={() => open(e, 'resolve')} data-testid="resolve">{t('supervision.resolve')}</Button>
                <Dropdown trigger={['click']} menu={{
                  items: (['escalate', 'joint', 'close'] as const).map((a) => ({ key: a, label: <span data-testid={a}>{t(`supervision.${a}`)}</span> })),
                  onClick: ({ key }) => open(e, key as Action),
                }}>
                  <Button size="small" data-testid="more-actions">{t('supervision.more')} <DownOutlined /></Button>
                </Dropdown>
              </Space>
            ) : e.result ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>{e.result}</Typography.Text> : null,
          },
        ]}
        pagination={{
          current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalOf', { total: formatTotal(n, list.data?.totalIsLowerBound) }),
          onChange: (p, s) => { setPage(p); setPageSize(s); },
        }}
      />
      <Modal open={!!acting} title={acting ? `${t(`supervision.${acting.action}`)} · ${acting.entry.caseNumber}` : ''} onCancel={() => setActing(null)}
        onOk={() => form.submit()} confirmLoading={act.isPending} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="supervision-action-form">
          {acting?.action === 'escalate' && (
            <Form.Item name="reason" label={t('supervision.escalateReason')} rules={required} extra={t('supervision.escalateHint')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {acting?.action === 'joint' && (
            <>
              <Form.Item name="leadDepartmentCode" label={t('supervision.lead')} rules={[{ required: true, message: t('inbox.fieldRequired') }]}>
                <Select showSearch optionFilterProp="label" options={departmentOptions} />
              </Form.Item>
              <Form.Item name="coHandlerCodes" label={t('supervision.coHandlers')} rules={[{ required: true, message: t('inbox.fieldRequired') }]}>
                <Select mode="multiple" showSearch optionFilterProp="label" options={departmentOptions} />
              </Form.Item>
              <Form.Item name="dueAt" label={t('supervision.jointDue')} rules={[{ required: true, message: t('inbox.fieldRequired') }]}>
                <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="comment" label={t('supervision.comment')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {(acting?.action === 'resolve' || acting?.action === 'close') && (
            <Form.Item name="result" label={t('supervision.result')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
        {act.error ? <ProblemAlert error={act.error} /> : null}
      </Modal>
    </div>
  );
}
