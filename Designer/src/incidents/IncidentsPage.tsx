import { useState } from 'react';
import { App, Button, Card, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Incident } from '../api/types';
import { useRefreshCase } from '../cases/useRefreshCase';
import { ProblemAlert } from '../shared/ProblemAlert';
import { usePaging } from '../shared/usePaging';

type Status = 'Open' | 'Resolved';

/**
 * 流程故障: automatic steps that threw, in the admin's scope, newest first. 重试 runs the step again once its cause is
 * fixed; success resolves the incident (and every open one of that step on that case) and the case goes on, a
 * failure shows the new error and changes nothing.
 */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refreshCase = useRefreshCase();
  const [status, setStatus] = useState<Status>('Open');
  const { query: list, rows, pagination } = usePaging<Incident>({ queryKey: ['incidents'], path: '/api/incidents', filters: { status } });
  const retry = useMutation({
    mutationFn: (incident: Incident) => api<Incident>(`/api/incidents/${incident.id}/retry`, { method: 'POST' }),
    onSuccess: async (resolved) => {
      message.success(t('incidents.retried', { number: resolved.caseNumber }));
      await refreshCase(resolved.caseId, undefined, [['incidents']]);
    },
  });

  return (
    <Card title={<span style={{ fontSize: 18 }}>{t('menu.incidents')}</span>} data-testid="incidents-page"
      extra={<Segmented value={status} onChange={(v) => { retry.reset(); setStatus(v as Status); }} data-testid="incidents-status"
        options={(['Open', 'Resolved'] as const).map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))} />}>
      <Typography.Paragraph type="secondary">{t('incidents.hint')}</Typography.Paragraph>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {retry.error ? <div style={{ marginBottom: 12 }} data-testid="incident-retry-error"><ProblemAlert error={retry.error} /></div> : null}
      <Table<Incident>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        scroll={{ x: 960 }}
        onRow={(i) => ({ 'data-testid': `incident-${i.caseNumber}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('incidents.col.at'), key: 'at', width: 150, render: (_, i) => dayjs(i.at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('incidents.col.case'), key: 'case', width: 200, render: (_, i) => <Link to={`/cases/${i.caseId}`}>{i.caseNumber}</Link> },
          { title: t('incidents.col.activity'), key: 'activity', width: 140, render: (_, i) => <Typography.Text code>{i.activityId}</Typography.Text> },
          { title: t('incidents.col.error'), key: 'error', render: (_, i) => <Typography.Text type="danger" data-testid="incident-error">{i.error}</Typography.Text> },
          {
            title: t('incidents.col.status'), key: 'status', width: 210, render: (_, i) => i.status === 'Open'
              ? <Tag color="red">{t('incidents.status.Open')}</Tag>
              : <span data-testid="incident-resolved"><Tag color="green">{t('incidents.status.Resolved')}</Tag>{i.resolvedBy} {i.resolvedAt ? dayjs(i.resolvedAt).format('MM-DD HH:mm') : ''}</span>,
          },
          ...(status === 'Open' ? [{
            title: '', key: 'retry', width: 110,
            render: (_: unknown, i: Incident) => (
              <Popconfirm title={t('incidents.retryConfirm')} okText={t('incidents.retry')} cancelText={t('common.cancel')}
                onConfirm={() => retry.mutateAsync(i).catch(() => undefined)} okButtonProps={{ 'data-testid': 'incident-retry-confirm' } as never}>
                <Button size="small" type="primary" icon={<RedoOutlined />} loading={retry.isPending && retry.variables?.id === i.id} data-testid="incident-retry">
                  {t('incidents.retry')}
                </Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
        pagination={pagination}
      />
    </Card>
  );
}
