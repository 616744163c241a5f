import { useState } from 'react';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useDepartments } from '../api/reference';
import type { CatalogCategory, CatalogItem } from '../api/types';
import { fieldErrors, ProblemAlert } from '../shared/ProblemAlert';

const REQUIREMENTS = ['BeforePhoto', 'AfterPhoto', 'HandlerComment', 'VerificationPass', 'ResidentCallback'];
const FIELDS = ['code', 'name', 'categoryCode', 'filingCondition', 'closureStandard', 'closureRequirements', 'timeLimit', 'calendar', 'urgency',
  'ownerDepartmentCode', 'coHandlerDepartmentCodes', 'responsibilityBasis', 'basisText', 'keywords', 'version'];

/**
 * A catalog item as a policy admin writes it. The checks are the API's own: its 400 names each bad field and the
 * message appears under that field; a 409 (someone saved another version meanwhile) shows above the buttons.
 */
export function CatalogItemForm({ item, categories, onSaved }: { item?: CatalogItem; categories: CatalogCategory[]; onSaved: (saved: CatalogItem) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CatalogItem>();
  const departments = useDepartments().data.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
  const [error, setError] = useState<unknown>();
  const save = useMutation({
    mutationFn: (v: CatalogItem) => item
      ? api<CatalogItem>(`/api/catalog/items/${encodeURIComponent(item.code)}`, { method: 'PUT', json: { ...v, code: item.code, version: item.version } })
      : api<CatalogItem>('/api/catalog/items', { method: 'POST', json: v }),
  });
  const submit = async (v: CatalogItem) => {
    setError(undefined);
    try {
      onSaved(await save.mutateAsync(v));
    } catch (e) {
      setError(e);
      form.setFields(fieldErrors<CatalogItem>(e, FIELDS));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="catalog-form"
      initialValues={item ?? { calendar: 'Working', urgency: 'Normal', responsibilityBasis: 'Statutory', closureRequirements: ['AfterPhoto', 'VerificationPass'], coHandlerDepartmentCodes: [], keywords: [] }}>
      <Row gutter={16}>
        <Col span={8}><Form.Item name="code" label={t('catalog.code')}><Input disabled={!!item} placeholder="01.101" /></Form.Item></Col>
        <Col span={16}><Form.Item name="name" label={t('catalog.name')}><Input /></Form.Item></Col>
        <Col span={12}>
          <Form.Item name="categoryCode" label={t('catalog.category')}>
            <Select options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="urgency" label={t('catalog.urgency')}>
            <Select options={['Normal', 'Urgent', 'Critical'].map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="filingCondition" label={t('catalog.filingCondition')}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="closureStandard" label={t('catalog.closureStandard')}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="closureRequirements" label={t('catalog.requirements')}>
        <Select mode="multiple" options={REQUIREMENTS.map((r) => ({ value: r, label: t(`requirement.${r}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="timeLimit" label={t('catalog.limit')} extra={t('catalog.limitHint')}>
            <Input placeholder="P3D / PT4H" data-testid="catalog-timeLimit" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="calendar" label={t('catalog.calendar')}>
            <Select options={['Working', 'Natural'].map((c) => ({ value: c, label: t(`calendar.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerDepartmentCode" label={t('catalog.owner')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="coHandlerDepartmentCodes" label={t('catalog.coHandlers')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={departments} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="responsibilityBasis" label={t('catalog.basisKind')}>
            <Select options={['Statutory', 'Designated', 'Agreed'].map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
          </Form.Item>
        </Col>
        <Col span={16}><Form.Item name="basisText" label={t('catalog.basis')}><Input /></Form.Item></Col>
      </Row>
      <Form.Item name="keywords" label={t('catalog.keywords')}><Select mode="tags" tokenSeparators={[',', '，', ' ']} /></Form.Item>
      {error ? <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="catalog-save">{t('common.save')}</Button>
    </Form>
  );
}
