import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CaseDetail, DuplicateCandidate } from '../api/types';
import { useAuth } from '../app/auth';
import { ProblemAlert } from '../shared/ProblemAlert';
import { useRefreshCase } from '../cases/useRefreshCase';

/** 疑似重复 on a case waiting for acceptance, with 并案 for whoever may work its Accept task. */
export function DuplicatePanel({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const refreshCase = useRefreshCase();
  const [master, setMaster] = useState<DuplicateCandidate | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const accept = caseDetail.openWorkItems.find((w) => w.stage === 'Accept');
  const canMerge = !!user && !!accept && user.roles.includes('Acceptor') && accept.candidateUsers.includes(user.userName);
  const merge = useMutation({
    mutationFn: (v: { masterCaseId: string; reason?: string }) =>
      api<CaseDetail>(`/api/cases/${caseDetail.id}/merge`, { method: 'POST', json: v }),
    onSuccess: async (updated, v) => {
      message.success(t('repeats.merged', { number: master?.number }));
      setMaster(null);
      await refreshCase(caseDetail.id, updated, [['case', v.masterCaseId], ['repeats']]);
    },
  });
  if (caseDetail.duplicateCandidates.length === 0) return null;

  return (
    <Card title={<span>{t('repeats.candidates')} <Tag color="orange">{caseDetail.duplicateCandidates.length}</Tag></span>}
      style={{ marginBottom: 16 }} data-testid="duplicate-candidates">
      <Typography.Paragraph type="secondary">{t('repeats.candidatesHint')}</Typography.Paragraph>
      <Table<DuplicateCandidate>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 800 }}
        dataSource={caseDetail.duplicateCandidates}
        onRow={(c) => ({ 'data-testid': `duplicate-${c.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('repeats.col.case'), key: 'case', render: (_, c) => <div><Link to={`/cases/${c.id}`}>{c.number}</Link><div>{c.title}</div></div> },
          { title: t('repeats.col.item'), key: 'item', render: (_, c) => <span>{c.itemName ?? c.itemCode}{c.sameItem ? null : <Tag style={{ marginInlineStart: 6 }}>{t('repeats.sameCategory')}</Tag>}</span> },
          { title: t('repeats.col.distance'), key: 'distance', width: 110, render: (_, c) => (c.distanceMetres != null ? t('repeats.metres', { m: Math.round(c.distanceMetres) }) : t('repeats.sameGrid')) },
          { title: t('repeats.col.status'), key: 'status', width: 130, render: (_, c) => <span><Tag>{t(`status.${c.status}`)}</Tag>{t(`stage.${c.stage}`, { defaultValue: c.stage })}</span> },
          { title: t('repeats.col.reportedAt'), key: 'reportedAt', width: 140, render: (_, c) => dayjs(c.reportedAt).format('MM-DD HH:mm') },
          ...(canMerge ? [{
            title: '', key: 'merge', width: 110,
            render: (_: unknown, c: DuplicateCandidate) => (
              <Button size="small" onClick={() => { form.resetFields(); merge.reset(); setMaster(c); }} data-testid="merge">{t('repeats.merge')}</Button>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!master} title={t('repeats.mergeInto', { number: master?.number })} onCancel={() => setMaster(null)} onOk={() => form.submit()}
        confirmLoading={merge.isPending} okText={t('repeats.merge')} cancelText={t('common.cancel')} destroyOnHidden okButtonProps={{ 'data-testid': 'merge-confirm' } as never}>
        <Alert type="info" showIcon title={t('repeats.mergeHint')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(v) => master && merge.mutate({ masterCaseId: master.id, reason: v.reason?.trim() || undefined })}>
          <Form.Item name="reason" label={t('repeats.reason')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="merge-reason" />
          </Form.Item>
        </Form>
        {merge.error ? <ProblemAlert error={merge.error} /> : null}
      </Modal>
    </Card>
  );
}

/** The other ends of merges: the master a report joined, or the reports merged into this case. */
export function MergeLinks({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const m = caseDetail.mergedInto;
  if (!m && caseDetail.mergedReports.length === 0) return null;
  return (
    <div data-testid="merge-links" style={{ marginBottom: 12 }}>
      {m && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }}
          title={<span>{t('repeats.mergedInto')} <Link to={`/cases/${m.id}`} data-testid="merged-into">{m.number}</Link> {m.title}</span>}
          description={t('repeats.mergedIntoHint')} />
      )}
      {caseDetail.mergedReports.length > 0 && (
        <Alert type="info" showIcon
          title={t('repeats.mergedReports', { count: caseDetail.mergedReports.length })}
          description={<span data-testid="merged-reports">{caseDetail.mergedReports.map((r, i) => (
            <span key={r.id}>{i > 0 ? '、' : ''}<Link to={`/cases/${r.id}`}>{r.number}</Link></span>
          ))}</span>} />
      )}
    </div>
  );
}
