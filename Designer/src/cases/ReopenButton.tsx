import { useState } from 'react';
import { App, Button, Form, Input, Modal, Segmented, type ButtonProps } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { ProblemAlert } from '../shared/ProblemAlert';
import { useRefreshCase } from './useRefreshCase';

const KINDS = ['ClosedNotSolved', 'SolvedForNow'] as const;

/** 案结事未了: a supervisor reopens a finished case for another round of dispatch; the API says when it is too late. */
export function ReopenButton({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refreshCase = useRefreshCase();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: string; reason?: string }>();
  const reopen = useMutation({
    mutationFn: (body: { kind: string; reason?: string }) => api<CaseDetail>(`/api/cases/${caseDetail.id}/reopen`, { method: 'POST', json: body }),
    onSuccess: async (updated) => {
      message.success(t('cases.reopened', { round: updated.dispatchRound }));
      setOpen(false);
      await refreshCase(caseDetail.id, updated);
    },
  });
  return (
    <>
      <Button icon={<RedoOutlined />} onClick={() => { reopen.reset(); setOpen(true); }} data-testid="case-reopen">{t('cases.reopen')}</Button>
      <Modal open={open} title={t('cases.reopenTitle')} onCancel={() => setOpen(false)} okText={t('cases.reopen')}
        okButtonProps={{ loading: reopen.isPending, 'data-testid': 'case-reopen-submit' } as ButtonProps}
        onOk={() => reopen.mutate(form.getFieldsValue())} destroyOnHidden>
        {reopen.error ? <ProblemAlert error={reopen.error} /> : null}
        <Form form={form} layout="vertical" initialValues={{ kind: 'ClosedNotSolved' }}>
          <Form.Item name="kind" label={t('cases.reopenKind')}>
            <Segmented options={KINDS.map((k) => ({ value: k, label: t(`cases.reopenKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('cases.reopenReason')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-reopen-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
