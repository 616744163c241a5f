import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, List, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { BulbOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useGrids } from '../api/reference';
import type { CaseDetail, CatalogSuggestion } from '../api/types';
import { useAuth } from '../app/auth';
import { GridMap } from '../shared/GridMap';
import { fieldErrors, ProblemAlert } from '../shared/ProblemAlert';
import { useDebounced } from '../shared/useDebounced';
import { useRefreshCase } from '../cases/useRefreshCase';

const CHANNELS = ['Hotline12345', 'App', 'GridPatrol', 'Web', 'Sensor'];

interface IntakeForm {
  channel: string;
  title: string;
  description?: string;
  itemCode?: string;
  gridCode: string;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** 受理登记: a hotline agent writes down the call; the catalog suggests the item as they type; the grid comes from the drawing or its code. */
export default function IntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refreshCase = useRefreshCase();
  const { user } = useAuth();
  const [form] = Form.useForm<IntakeForm>();
  const grids = useGrids();
  const [error, setError] = useState<unknown>();
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const itemCode = Form.useWatch('itemCode', form);
  const gridCode = Form.useWatch('gridCode', form);
  const text = useDebounced(`${title} ${description}`.trim(), 300);
  const suggestions = useQuery({
    queryKey: ['catalog-suggest', text],
    queryFn: () => api<CatalogSuggestion[]>(`/api/catalog/suggest?text=${encodeURIComponent(text)}`),
    enabled: text.length >= 2,
    staleTime: 60_000,
  });
  const report = useMutation({
    mutationFn: (v: IntakeForm) => api<CaseDetail>('/api/cases', {
      method: 'POST',
      json: {
        channel: v.channel, title: v.title.trim(), description: v.description?.trim() ?? '', itemCode: v.itemCode || undefined,
        location: { gridCode: v.gridCode.trim(), address: v.address?.trim() || undefined },
        reporter: v.reporterName || v.reporterPhone ? { name: v.reporterName?.trim() || undefined, phone: v.reporterPhone?.trim() || undefined } : undefined,
      },
    }),
  });
  const isGridWorker = user?.roles.includes('GridWorker') && !user.roles.includes('Acceptor');
  const knownGrid = grids.data?.find((g) => g.code === gridCode?.trim());
  const top = Math.max(0.0001, ...(suggestions.data ?? []).map((s) => s.score));

  const submit = async (v: IntakeForm) => {
    setError(undefined);
    try {
      const created = await report.mutateAsync(v);
      message.success(t('intake.created', { number: created.number }));
      await refreshCase(created.id, created);
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(e);
      form.setFields(fieldErrors<IntakeForm>(e, ['title', 'description', 'channel', 'itemCode', 'gridCode', 'address'], {
        'location.gridCode': 'gridCode', 'location.address': 'address',
      }));
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="intake-page">
      <Col xs={24} xl={14}>
        <Card title={<span style={{ fontSize: 18 }}>{t('menu.intake')}</span>}>
          <Form form={form} layout="vertical" onFinish={submit}
            initialValues={{ channel: isGridWorker ? 'GridPatrol' : 'Hotline12345', gridCode: user?.orgUnitCode.match(/G\d+$/) ? user.orgUnitCode : undefined }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="title" label={t('intake.title')} rules={[{ required: true, whitespace: true, message: t('intake.titleRequired') }]}>
                  <Input maxLength={200} placeholder={t('intake.titlePlaceholder')} data-testid="intake-title" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label={t('intake.description')}>
              <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('intake.descriptionPlaceholder')} data-testid="intake-description" />
            </Form.Item>
            <Form.Item name="itemCode" hidden><Input /></Form.Item>
            <Form.Item label={t('intake.item')} required={false}>
              <Card size="small" styles={{ body: { padding: 8 } }} data-testid="suggestions">
                <Typography.Text type="secondary"><BulbOutlined /> {t('intake.suggestHint')}</Typography.Text>
                {text.length < 2 ? null : (suggestions.data ?? []).length === 0 && !suggestions.isFetching
                  ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.noSuggestion')} />
                  : (
                    <List
                      size="small"
                      loading={suggestions.isFetching}
                      dataSource={suggestions.data ?? []}
                      renderItem={(s, i) => (
                        <List.Item
                          onClick={() => form.setFieldValue('itemCode', itemCode === s.code ? undefined : s.code)}
                          style={{ cursor: 'pointer', background: itemCode === s.code ? '#e6f0ff' : undefined, borderRadius: 6, paddingInline: 8 }}
                          data-testid={`suggestion-${i}`}
                        >
                          <Space style={{ flex: 1, minWidth: 0 }}>
                            {itemCode === s.code ? <CheckOutlined style={{ color: '#1d5fc1' }} /> : <span style={{ width: 14, display: 'inline-block' }}>{i + 1}</span>}
                            <Typography.Text code>{s.code}</Typography.Text>
                            <Typography.Text ellipsis>{s.name}</Typography.Text>
                          </Space>
                          <div style={{ width: 150, flex: 'none', display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
                            <Progress percent={Math.round((s.score / top) * 100)} showInfo={false} size="small" status="normal" strokeColor="#1d5fc1" style={{ flex: 1, margin: 0 }} />
                            <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>{s.score.toFixed(2)}</Typography.Text>
                          </div>
                        </List.Item>
                      )}
                    />
                  )}
                {itemCode && <div style={{ marginTop: 6 }}><Tag color="blue" closable onClose={() => form.setFieldValue('itemCode', undefined)}>{t('intake.chosen', { code: itemCode })}</Tag></div>}
              </Card>
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="gridCode" label={t('intake.grid')} rules={[{ required: true, whitespace: true, message: t('intake.gridRequired') }]}
                  extra={knownGrid ? knownGrid.name : gridCode ? t('intake.unknownGrid') : t('intake.gridHint')}>
                  <Input placeholder="JB0101G01" data-testid="intake-grid" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="address" label={t('intake.address')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="reporterName" label={t('intake.reporterName')}><Input maxLength={50} /></Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="reporterPhone" label={t('intake.reporterPhone')}><Input maxLength={30} /></Form.Item>
              </Col>
            </Row>
            {error ? <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div> : null}
            <Space>
              <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="intake-submit">{t('intake.submit')}</Button>
              <Button onClick={() => { form.resetFields(); setError(undefined); }}>{t('common.reset')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('intake.mapTitle')} extra={<Typography.Text type="secondary">{t('intake.mapHint')}</Typography.Text>}>
          {grids.data
            ? <GridMap grids={grids.data} selected={knownGrid?.code} onSelect={(code) => form.setFieldsValue({ gridCode: code })} width={520}
                tooltip={(g) => `${g.code} ${g.name}`} testId="intake-map" />
            : <Empty />}
        </Card>
      </Col>
    </Row>
  );
}
