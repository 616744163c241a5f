import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useGrids } from '../api/reference';
import { fieldErrors, ProblemAlert } from '../shared/ProblemAlert';

/** The alert kinds the Host ships (Alerts:Kinds); a deployment may configure more. */
const KINDS = ['Smoke', 'WaterLevel', 'ManholeCoverTilt', 'ElectricBikeCharging', 'ElevatorTrapped'];

interface Device {
  deviceId: string;
  kind: string;
  gridCode: string;
  location: { lat?: number | null; lng?: number | null; address?: string | null };
  registeredAt: string;
  registeredBy: string;
}

interface Registered {
  device: Device;
  deviceKey: string;
}

/** The form fields a 400 can name. */
const FIELDS = ['deviceId', 'kind', 'gridCode', 'address'];

interface FormValues {
  deviceId?: string;
  kind?: string;
  gridCode?: string;
  address?: string;
}

/** 感知设备: an admin registers sensors; the device key is shown once, right after registering. */
export default function DevicesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const grids = useGrids();
  const devices = useQuery({ queryKey: ['devices'], queryFn: () => api<{ items: Device[]; total: number }>('/api/devices?pageSize=200') });

  const register = useMutation({
    onMutate: () => setRegistered(null),
    mutationFn: (v: FormValues) =>
      api<Registered>('/api/devices', {
        method: 'POST',
        json: { deviceId: v.deviceId || undefined, kind: v.kind, gridCode: v.gridCode, location: { address: v.address || undefined } },
      }),
    onSuccess: (result) => {
      setRegistered(result);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
    },
    onError: (error) => form.setFields(fieldErrors<FormValues>(error, FIELDS, { 'location.address': 'address' })),
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="devices-page">
      <Card title={t('devices.register')}>
        {registered && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('devices.registered', { id: registered.device.deviceId })}
            description={
              <Space direction="vertical">
                <Typography.Text>{t('devices.keyOnce')}</Typography.Text>
                <Typography.Text code copyable data-testid="device-key">{registered.deviceKey}</Typography.Text>
              </Space>
            }
            closable
            onClose={() => setRegistered(null)}
          />
        )}
        {register.error ? <div style={{ marginBottom: 12 }}><ProblemAlert error={register.error} /></div> : null}
        <Form form={form} layout="inline" onFinish={(v) => register.mutate(v)} data-testid="device-form">
          <Form.Item name="deviceId" label={t('devices.deviceId')}>
            <Input placeholder={t('devices.deviceIdPlaceholder')} data-testid="device-id" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('devices.kind')} rules={[{ required: true, message: t('devices.kindRequired') }]}>
            <Select data-testid="device-kind" style={{ width: 180 }} options={KINDS.map((k) => ({ value: k, label: t(`devices.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="gridCode" label={t('devices.grid')} rules={[{ required: true, message: t('devices.gridRequired') }]}>
            <Select
              data-testid="device-grid"
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              options={(grids.data ?? []).map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t('devices.address')}>
            <Input data-testid="device-address" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="device-submit">{t('devices.submit')}</Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('devices.list', { count: devices.data?.total ?? 0 })}>
        <Table<Device>
          data-testid="devices-table"
          rowKey="deviceId"
          size="small"
          loading={devices.isLoading}
          dataSource={devices.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('devices.deviceId'), dataIndex: 'deviceId' },
            { title: t('devices.kind'), dataIndex: 'kind', render: (k: string) => t(`devices.kind.${k}`, { defaultValue: k }) },
            { title: t('devices.grid'), dataIndex: 'gridCode' },
            { title: t('devices.address'), render: (_, d) => d.location.address ?? '' },
            { title: t('devices.registeredAt'), dataIndex: 'registeredAt', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('devices.registeredBy'), dataIndex: 'registeredBy' },
          ]}
        />
      </Card>
    </Space>
  );
}
