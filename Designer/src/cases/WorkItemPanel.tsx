import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Divider, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, WorkItem } from '../api/types';
import { useDepartments } from '../api/reference';
import { useDefinition } from '../flows/api';
import { useAuth } from '../app/auth';
import { CatalogItemSelect } from '../catalog/CatalogItemSelect';
import { completionData, isAdverse, outcomeForm } from '../inbox/outcomeFields';
import { fieldErrors, ProblemAlert } from '../shared/ProblemAlert';
import { SlaTag } from '../shared/SlaTag';
import { WorkKindTag } from '../shared/WorkKindTag';
import { PhotoUpload } from './PhotoUpload';
import { useCaseActions } from './useCaseActions';

/** Everything a worker does with one open work item: claim, the outcome with its fields, photos, extension, suspension. */
export function WorkItemPanel({ item, caseDetail, onCompleted }: { item: WorkItem; caseDetail: CaseDetail; onCompleted?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const actions = useCaseActions(caseDetail.id);
  const definition = useDefinition(caseDetail.workflow.definitionId, caseDetail.workflow.version, true);
  const departments = useDepartments();
  const [form] = Form.useForm();
  const [outcome, setOutcome] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [dialog, setDialog] = useState<'extension' | 'suspend' | null>(null);

  const inputs = definition.data?.root.activities.find((a) => a.id === item.activityId)?.inputs;
  // A flow with a ParallelTasks step opens work for the lead and each co-handler: its dispatch may name them.
  const coHandling = !!definition.data?.root.activities.some((a) => a.type === 'ParallelTasks');
  const facts = { itemCode: caseDetail.itemCode, ownerDepartmentCode: caseDetail.catalog?.ownerDepartmentCode, coHandling, kind: item.kind };
  const spec = useMemo(() => (outcome ? outcomeForm(item.stage, outcome, inputs, facts) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcome, item.stage, inputs, caseDetail.itemCode, caseDetail.catalog?.ownerDepartmentCode, coHandling, item.kind]);
  const summons = item.kind === 'Summons';
  const lead = Form.useWatch('leadDepartmentCode', form) as string | undefined;
  const mine = !!user && (item.candidateUsers.includes(user.userName) || item.assignedUser === user.userName);
  const claimedByOther = !!item.assignedUser && item.assignedUser !== user?.userName;
  const requirements = caseDetail.catalog?.closureRequirements ?? [];
  const has = (kind: string) => caseDetail.attachments.some((a) => a.kind === kind);
  // A summons answers with a response, not with photos of the work.
  const photos = !summons && (item.stage === 'Handle' || item.stage === 'Verify');

  const choose = (o: string) => {
    setOutcome(o);
    setError(undefined);
    // Back to each field's initial value (Form.Item initialValue below).
    form.resetFields();
  };

  const submit = async (values: Record<string, unknown>) => {
    if (!outcome || !spec) return;
    setError(undefined);
    try {
      await actions.complete.mutateAsync({
        workItemId: item.id, outcome, comment: (values.comment as string | undefined)?.trim() || undefined, data: completionData(spec, values),
      });
      message.success(t('inbox.completed', { outcome: t(`outcome.${outcome}`, { defaultValue: outcome }) }));
      setOutcome(undefined);
      form.resetFields();
      onCompleted?.();
    } catch (e) {
      setError(e);
      const names = spec.fields.map((f) => f.name);
      // Without a lead the API names data.departmentCode (the case has no owner to default to).
      form.setFields(fieldErrors(e, ['comment', ...names], names.includes('leadDepartmentCode') ? { departmentCode: 'leadDepartmentCode' } : {}));
    }
  };

  return (
    <div data-testid="work-item-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <WorkKindTag item={item} />
        <Typography.Text strong>{item.name}</Typography.Text>
        <SlaTag item={item} />
        {item.assignedUser
          ? <Typography.Text type="secondary">{t('inbox.claimedBy', { user: item.assignedUser })}</Typography.Text>
          : <Typography.Text type="secondary">{t('inbox.unclaimed')}</Typography.Text>}
      </Space>

      {!mine && <Typography.Paragraph type="secondary">{t('inbox.notYours', { role: t(`role.${item.role}`) })}</Typography.Paragraph>}

      {mine && !item.assignedUser && (
        <Button onClick={() => actions.claim.mutate(item.id, { onError: setError })} loading={actions.claim.isPending} style={{ marginBottom: 12 }} data-testid="claim">
          {t('inbox.claim')}
        </Button>
      )}

      {photos && mine && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{t('cases.photos')}</Typography.Text>
          <Space wrap>
            <PhotoUpload caseId={caseDetail.id} kind="Before" done={has('Before')} />
            <PhotoUpload caseId={caseDetail.id} kind="After" done={has('After')} />
          </Space>
          {requirements.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="closure-requirements">
              <Typography.Text type="secondary">{t('cases.closureNeeds')} </Typography.Text>
              {requirements.map((r) => {
                const met = (r === 'BeforePhoto' && has('Before')) || (r === 'AfterPhoto' && has('After'));
                return <Tag key={r} icon={met ? <CheckCircleFilled /> : undefined} color={met ? 'success' : 'default'}>{t(`requirement.${r}`)}</Tag>;
              })}
            </div>
          )}
        </div>
      )}

      {mine && !claimedByOther && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{t('inbox.chooseOutcome')}</Typography.Text>
          <Radio.Group value={outcome} onChange={(e) => choose(e.target.value)} optionType="button" buttonStyle="solid" style={{ marginBottom: 12 }}>
            {item.outcomes.map((o) => (
              <Radio.Button key={o} value={o} style={isAdverse(o) && outcome !== o ? { color: '#cf1322' } : undefined}>
                <span data-testid={`outcome-${o}`}>{t(`outcome.${o}`, { defaultValue: o })}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
          {item.suspended && <Typography.Paragraph type="warning">{t('inbox.suspendedHint')}</Typography.Paragraph>}
          {spec && (
            <Form form={form} layout="vertical" onFinish={submit} data-testid="outcome-form" onValuesChange={(changed) => {
              // The API's message on a field holds until that field changes.
              setError(undefined);
              form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
            }}>
              {spec.fields.map((f) => (
                // The initial value sits on the field, not set once on choosing: a field that appears later (the flow's
                // definition arriving after the outcome was chosen turns 派往部门 into 主办/协办) gets its default too.
                <Form.Item key={f.name} name={f.name} label={t(`inbox.field.${f.name}`, { defaultValue: f.name })} initialValue={f.initial}
                  rules={f.required ? [{ required: true, message: t('inbox.fieldRequired') }] : []}
                  extra={f.kind === 'department' && f.initial ? t('inbox.defaultOwner') : f.kind === 'departments' ? t('inbox.coHandlersHint') : undefined}>
                  {f.kind === 'catalogItem' ? <CatalogItemSelect suggestFor={`${caseDetail.title} ${caseDetail.description}`} testId="field-itemCode" />
                    : f.kind === 'department' ? (
                      <Select showSearch={{ optionFilterProp: 'label' }} data-testid={`field-${f.name}`}
                        options={departments.data.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
                    ) : f.kind === 'departments' ? (
                      <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} data-testid={`field-${f.name}`}
                        placeholder={t('inbox.coHandlersPlaceholder')}
                        options={departments.data.filter((d) => d.code !== lead).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
                    ) : <Input />}
                </Form.Item>
              ))}
              <Form.Item name="comment" label={t('inbox.comment')}
                rules={spec.commentRequired ? [{ required: true, whitespace: true, message: t('inbox.commentRequired') }] : []}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('inbox.commentPlaceholder')} data-testid="comment" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={actions.complete.isPending} danger={isAdverse(outcome!)} data-testid="complete">
                {t('inbox.confirm', { outcome: t(`outcome.${outcome}`, { defaultValue: outcome }) })}
              </Button>
            </Form>
          )}
          {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
          {!summons && <Divider style={{ margin: '16px 0 12px' }} />}
          {!summons && <Space wrap>
            <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('extension')} disabled={!item.dueAt} data-testid="request-extension">{t('inbox.requestExtension')}</Button>
            {item.suspended
              ? <Button icon={<PlayCircleOutlined />} onClick={() => actions.resume.mutate(item.id, { onError: setError })} loading={actions.resume.isPending}>{t('inbox.resume')}</Button>
              : <Button icon={<PauseCircleOutlined />} onClick={() => setDialog('suspend')} data-testid="suspend">{t('inbox.suspend')}</Button>}
          </Space>}
        </>
      )}

      <ExtensionDialog open={dialog === 'extension'} item={item} onClose={() => setDialog(null)}
        onSubmit={async (reason, newDueAt) => {
          await actions.requestExtension.mutateAsync({ workItemId: item.id, reason, newDueAt });
          message.success(t('inbox.extensionRequested'));
          setDialog(null);
        }} />
      <SuspendDialog open={dialog === 'suspend'} onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          await actions.suspend.mutateAsync({ workItemId: item.id, reason });
          message.success(t('inbox.suspended'));
          setDialog(null);
        }} />
    </div>
  );
}

function ExtensionDialog({ open, item, onClose, onSubmit }: {
  open: boolean; item: WorkItem; onClose: () => void; onSubmit: (reason: string, newDueAt: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; newDueAt: Dayjs }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={t('inbox.requestExtension')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      okText={t('common.submit')} cancelText={t('common.cancel')}>
      <Typography.Paragraph type="secondary">{t('inbox.currentDue', { due: item.dueAt ? dayjs(item.dueAt).format('YYYY-MM-DD HH:mm') : '—' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={async (v) => {
        setBusy(true);
        setError(undefined);
        try {
          await onSubmit(v.reason.trim(), v.newDueAt.toISOString());
        } catch (e) {
          setError(e);
          form.setFields(fieldErrors(e, ['reason', 'newDueAt']));
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item name="newDueAt" label={t('inbox.newDueAt')} rules={[{ required: true, message: t('inbox.fieldRequired') }]}
          initialValue={item.dueAt ? dayjs(item.dueAt).add(1, 'day') : undefined}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('inbox.reason')} rules={[{ required: true, whitespace: true, message: t('inbox.fieldRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
    </Modal>
  );
}

function SuspendDialog({ open, onClose, onSubmit }: { open: boolean; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={t('inbox.suspend')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      okText={t('common.submit')} cancelText={t('common.cancel')}>
      <Typography.Paragraph type="secondary">{t('inbox.suspendHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={async (v) => {
        setBusy(true);
        setError(undefined);
        try {
          await onSubmit(v.reason.trim());
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item name="reason" label={t('inbox.reason')} rules={[{ required: true, whitespace: true, message: t('inbox.fieldRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
    </Modal>
  );
}
