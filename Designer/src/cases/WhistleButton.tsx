import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { flattenOrg, useDepartments, useOrgUnits } from '../api/reference';
import type { CaseDetail } from '../api/types';
import { useAuth } from '../app/auth';
import { fieldErrors, ProblemAlert } from '../shared/ProblemAlert';
import { useRefreshCase } from './useRefreshCase';

/** How long a summoned department has to report; the API takes up to three days (natural time). */
const LIMITS = ['PT1H', 'PT2H', 'PT4H', 'PT8H', 'P1D', 'P3D'] as const;

interface WhistleForm { departments?: string[]; reason?: string; responseLimit: string }

/**
 * Whether the signed-in user may whistle on this case, as POST /api/cases/{id}/whistle decides: a supervisor or
 * dispatcher of a subdistrict or a community, on a case that is still open.
 */
export function useMayWhistle(caseDetail: CaseDetail | undefined): boolean {
  const { user } = useAuth();
  const org = useOrgUnits();
  if (!user || caseDetail?.status !== 'Open') return false;
  if (!user.roles.some((r) => r === 'Supervisor' || r === 'Dispatcher')) return false;
  const kind = flattenOrg(org.data ?? []).find((u) => u.code === user.orgUnitCode)?.kind;
  return kind === 'Subdistrict' || kind === 'Community';
}

/** 吹哨: the subdistrict or community summons departments to report on the case within a limit. */
export function WhistleButton({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const refreshCase = useRefreshCase();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<WhistleForm>();
  const whistle = useMutation({
    mutationFn: (body: WhistleForm) => api<CaseDetail>(`/api/cases/${caseDetail.id}/whistle`, { method: 'POST', json: body }),
    onSuccess: async (updated, body) => {
      message.success(t('whistle.done', { count: body.departments?.length ?? 0 }));
      setOpen(false);
      await refreshCase(caseDetail.id, updated);
    },
    onError: (e) => form.setFields(fieldErrors<WhistleForm>(e, ['departments', 'reason', 'responseLimit'])),
  });
  const submit = (v: WhistleForm) =>
    whistle.mutate({ departments: v.departments ?? [], reason: v.reason?.trim() ?? '', responseLimit: v.responseLimit });

  return (
    <>
      <Button danger icon={<SoundOutlined />} onClick={() => { whistle.reset(); form.resetFields(); setOpen(true); }} data-testid="case-whistle">
        {t('whistle.button')}
      </Button>
      <Modal open={open} title={t('whistle.title')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden
        okText={t('whistle.submit')} cancelText={t('common.cancel')}
        okButtonProps={{ loading: whistle.isPending, danger: true, 'data-testid': 'whistle-submit' } as ButtonProps}>
        <Alert type="info" showIcon title={t('whistle.hint')} style={{ marginBottom: 12 }} />
        {/* No rules of its own: the API checks the whistle and its messages show under the fields. */}
        <Form form={form} layout="vertical" initialValues={{ responseLimit: 'PT2H' }} onFinish={submit}
          onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof WhistleForm, errors: [] })))}>
          <Form.Item name="departments" label={t('whistle.departments')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="whistle-departments"
              placeholder={t('whistle.departmentsPlaceholder')}
              options={departments.data.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('whistle.reason')}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('whistle.reasonPlaceholder')} data-testid="whistle-reason" />
          </Form.Item>
          <Form.Item name="responseLimit" label={t('whistle.limit')} extra={t('whistle.limitHint')}>
            <Select data-testid="whistle-limit" options={LIMITS.map((l) => ({ value: l, label: t(`whistle.limit.${l}`) }))} />
          </Form.Item>
        </Form>
        {whistle.error && fieldErrors(whistle.error, ['departments', 'reason', 'responseLimit']).length === 0
          ? <ProblemAlert error={whistle.error} /> : null}
      </Modal>
    </>
  );
}
