import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useDepartments, useOrgNames } from '../api/reference';
import type { Arbitration } from '../api/types';
import { usePaging } from '../shared/usePaging';
import { useRefreshCase } from '../cases/useRefreshCase';
import { ProblemAlert } from '../shared/ProblemAlert';

const BASIS_KINDS = ['Statutory', 'Agreed', 'Designated'] as const;

interface Ruling {
  ownerDepartmentCode?: string;
  basisKind?: string;
  basis?: string;
  writeBackToCatalog?: boolean;
}

/** 指定: the arbitrator names the owner with a basis; the API's field errors show in the alert above the form. */
function DecideDialog({ arbitration, onClose }: { arbitration: Arbitration; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const refreshCase = useRefreshCase();
  const [form] = Form.useForm<Ruling>();
  const decide = useMutation({
    mutationFn: (ruling: Ruling) => api<Arbitration>(`/api/arbitrations/${arbitration.id}/decide`, { method: 'POST', json: ruling }),
    onSuccess: async () => {
      message.success(t('arbitration.decided'));
      await refreshCase(arbitration.caseId, undefined, [['arbitrations']]);
      onClose();
    },
  });
  const returned = new Set(arbitration.returns.map((r) => r.departmentCode));
  return (
    <Modal open title={t('arbitration.decideTitle', { number: arbitration.caseNumber })} onCancel={onClose}
      okText={t('arbitration.decide')} okButtonProps={{ loading: decide.isPending, 'data-testid': 'arbitration-submit' } as ButtonProps}
      onOk={() => decide.mutate(form.getFieldsValue())} destroyOnHidden>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ basisKind: 'Designated', writeBackToCatalog: false }}>
        <Form.Item name="ownerDepartmentCode" label={t('arbitration.owner')}>
          <Select showSearch optionFilterProp="label" data-testid="arbitration-owner"
            options={departments.data.map((d) => ({ value: d.code, label: `${d.name}${returned.has(d.code) ? ` (${t('arbitration.returnedIt')})` : ''}` }))} />
        </Form.Item>
        <Form.Item name="basisKind" label={t('arbitration.basisKind')}>
          <Segmented options={BASIS_KINDS.map((k) => ({ value: k, label: t(`arbitration.basisKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="basis" label={t('arbitration.basis')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="arbitration-basis" />
        </Form.Item>
        <Form.Item name="writeBackToCatalog" valuePropName="checked" extra={arbitration.itemCode ? `${arbitration.itemCode} ${arbitration.itemName ?? ''}` : undefined}>
          <Checkbox disabled={!arbitration.itemCode} data-testid="arbitration-writeback">{t('arbitration.writeBack')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 三定仲裁清单: cases returned twice, with each department's reason; open ones first. */
export default function ArbitrationPage() {
  const { t } = useTranslation();
  const names = useOrgNames();
  const [status, setStatus] = useState<'Open' | 'Decided'>('Open');
  const [deciding, setDeciding] = useState<Arbitration>();
  const { query: list, rows, pagination } = usePaging<Arbitration>({ queryKey: ['arbitrations'], path: '/api/arbitrations', filters: { status } });
  const dept = (code?: string | null) => (code ? names.get(code) ?? code : '—');
  return (
    <Card title={t('arbitration.title')} data-testid="arbitration-page"
      extra={<Segmented value={status} onChange={(v) => setStatus(v as 'Open' | 'Decided')}
        options={(['Open', 'Decided'] as const).map((s) => ({ value: s, label: t(`arbitration.status.${s}`) }))} />}>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<Arbitration>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        scroll={{ x: 960 }}
        onRow={() => ({ 'data-testid': 'arbitration-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('arbitration.col.case'), key: 'case', width: 220,
            render: (_, a) => (
              <div>
                <Link to={`/cases/${a.caseId}`}>{a.caseNumber}</Link>
                <div><Typography.Text ellipsis style={{ maxWidth: 200 }}>{a.caseTitle}</Typography.Text></div>
              </div>
            ),
          },
          { title: t('arbitration.col.item'), key: 'item', render: (_, a) => (a.itemCode ? `${a.itemCode} ${a.itemName ?? ''}` : '—') },
          {
            title: t('arbitration.col.returns'), key: 'returns',
            render: (_, a) => (
              <Space direction="vertical" size={2}>
                {a.returns.map((r, i) => (
                  <Typography.Text key={i}><Tag color="orange">{dept(r.departmentCode)}</Tag>{r.reason}</Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t('arbitration.col.opened'), key: 'opened', width: 130, render: (_, a) => dayjs(a.openedAt).format('MM-DD HH:mm') },
          {
            title: status === 'Open' ? '' : t('arbitration.col.decision'), key: 'action', width: 240,
            render: (_, a) => a.status === 'Open'
              ? <Button type="primary" onClick={() => setDeciding(a)} data-testid="arbitration-decide">{t('arbitration.decide')}</Button>
              : (
                <div data-testid="arbitration-decision">
                  <Tag color="green">{dept(a.ownerDepartmentCode)}</Tag>
                  {a.basisKind && <Tag>{t(`arbitration.basisKind.${a.basisKind}`)}</Tag>}
                  <div><Typography.Text type="secondary">{a.basis}</Typography.Text></div>
                  {a.catalogItemVersion != null && <Tag color="blue">{t('arbitration.writtenBack', { code: a.catalogItemCode, version: a.catalogItemVersion })}</Tag>}
                </div>
              ),
          },
        ]}
        pagination={pagination}
      />
      {deciding && <DecideDialog arbitration={deciding} onClose={() => setDeciding(undefined)} />}
    </Card>
  );
}
