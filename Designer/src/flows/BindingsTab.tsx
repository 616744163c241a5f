import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, AutoComplete, Alert, Button, Result, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client';
import { flowKeys, useDefinitions } from './api';
import { useFlowLabels } from './labels';

export interface FlowBinding {
  channel?: string | null;
  categoryCode?: string | null;
  itemCode?: string | null;
  definitionId: string;
}

type Row = FlowBinding & { key: number };

const CHANNELS = ['Hotline12345', 'App', 'GridPatrol', 'Sensor', 'Web'];

/** The API may answer with the list itself or wrap it as {rules}; it is sent back in the shape it came in. */
type BindingsAnswer = FlowBinding[] | { rules: FlowBinding[] };
const rulesOf = (answer: BindingsAnswer) => (Array.isArray(answer) ? answer : answer.rules ?? []);

function ItemCodeInput({ value, onChange }: { value?: string | null; onChange: (v: string | undefined) => void }) {
  const labels = useFlowLabels();
  const [query, setQuery] = useState('');
  const items = useQuery({
    queryKey: ['catalog-items', query],
    queryFn: () => api<{ items: { code: string; name: string }[] }>(`/api/catalog/items?q=${encodeURIComponent(query)}&pageSize=20`),
    enabled: query.length > 0,
  });
  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={value ?? ''}
      placeholder={labels.t('flows.bindings.any')}
      options={(items.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
      onSearch={setQuery}
      onChange={(v) => onChange(v || undefined)}
      allowClear
    />
  );
}

/** 流程绑定: which flow runs for which channel, category or item; the most specific rule wins. */
export default function BindingsTab({ canEdit }: { canEdit: boolean }) {
  const labels = useFlowLabels();
  const { t } = labels;
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const bindings = useQuery({ queryKey: flowKeys.bindings, queryFn: () => api<BindingsAnswer>('/api/flow-bindings'), retry: false });
  const definitions = useDefinitions();
  const categories = useQuery({ queryKey: ['catalog-categories'], queryFn: () => api<{ code: string; name: string }[]>('/api/catalog/categories'), staleTime: 60_000 });
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  useEffect(() => {
    if (bindings.data) {
      setRows(rulesOf(bindings.data).map((r, key) => ({ ...r, key })));
      setDirty(false);
    }
  }, [bindings.data]);

  const update = (key: number, patch: Partial<FlowBinding>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };

  const save = async () => {
    setSaving(true);
    setErrors({});
    const rules = rows.map(({ key: _key, ...r }) => {
      const rule: FlowBinding = { definitionId: r.definitionId };
      if (r.channel) rule.channel = r.channel;
      if (r.categoryCode) rule.categoryCode = r.categoryCode;
      if (r.itemCode) rule.itemCode = r.itemCode;
      return rule;
    });
    try {
      const saved = await api<BindingsAnswer>('/api/flow-bindings', { method: 'PUT', json: Array.isArray(bindings.data) || !bindings.data ? rules : { rules } });
      client.setQueryData(flowKeys.bindings, saved ?? rules);
      message.success(t('flows.bindings.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setErrors(e.problem.errors ?? {});
        message.error(t('flows.bindings.invalid'));
      } else message.error(t('flows.save.failed', { detail: e instanceof ApiError ? (e.problem.title ?? e.message) : String(e) }));
    } finally {
      setSaving(false);
    }
  };

  const rowErrors = (index: number) =>
    Object.entries(errors)
      .filter(([k]) => new RegExp(`\\[${index}\\](\\.|$)`).test(k))
      .flatMap(([, v]) => v);

  const columns = useMemo(
    () => [
      {
        title: t('flows.bindings.channel'),
        dataIndex: 'channel',
        width: 170,
        render: (_: unknown, r: Row) => (
          <Select allowClear disabled={!canEdit} style={{ width: '100%' }} placeholder={t('flows.bindings.any')} value={r.channel ?? undefined} data-testid="binding-channel"
            options={CHANNELS.map((c) => ({ value: c, label: t(`flows.channel.${c}`, { defaultValue: c }) }))}
            onChange={(v) => update(r.key, { channel: v ?? null })} />
        ),
      },
      {
        title: t('flows.bindings.category'),
        dataIndex: 'categoryCode',
        width: 240,
        render: (_: unknown, r: Row) => (
          <Select allowClear showSearch optionFilterProp="label" disabled={!canEdit} style={{ width: '100%' }} placeholder={t('flows.bindings.any')} value={r.categoryCode ?? undefined}
            options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            onChange={(v) => update(r.key, { categoryCode: v ?? null })} />
        ),
      },
      {
        title: t('flows.bindings.item'),
        dataIndex: 'itemCode',
        width: 240,
        render: (_: unknown, r: Row) => <ItemCodeInput value={r.itemCode} onChange={(v) => update(r.key, { itemCode: v ?? null })} />,
      },
      {
        title: t('flows.bindings.definition'),
        dataIndex: 'definitionId',
        render: (_: unknown, r: Row, index: number) => (
          <>
            <Select disabled={!canEdit} style={{ width: '100%' }} status={!r.definitionId || rowErrors(index).length ? 'error' : undefined} value={r.definitionId || undefined} data-testid="binding-definition"
              placeholder={t('flows.bindings.pickFlow')}
              options={(definitions.data ?? []).map((d) => ({ value: d.definitionId, label: `${d.name} (${d.definitionId})` }))}
              onChange={(v) => update(r.key, { definitionId: v })} />
            {rowErrors(index).map((m) => <Typography.Text key={m} type="danger" style={{ display: 'block' }}>{m}</Typography.Text>)}
          </>
        ),
      },
      {
        title: '',
        width: 56,
        render: (_: unknown, r: Row) => canEdit && (
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('flows.delete')} onClick={() => { setRows((rs) => rs.filter((x) => x.key !== r.key)); setDirty(true); }} />
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, canEdit, categories.data, definitions.data, errors],
  );

  const generalErrors = Object.entries(errors).filter(([k]) => !/\[\d+\]/.test(k)).flatMap(([, v]) => v);

  if (bindings.isLoading) return <Spin style={{ margin: 40 }} />;
  if (bindings.error instanceof ApiError && (bindings.error.status === 404 || bindings.error.status === 405))
    return <Result status="info" title={t('flows.bindings.unavailable')} subTitle={t('flows.bindings.unavailableHelp')} data-testid="bindings-unavailable" />;
  if (bindings.error) return <Alert type="error" showIcon message={t('flows.loadFailed')} description={(bindings.error as Error).message} />;

  return (
    <div style={{ padding: 16 }} data-testid="flows-bindings">
      <Typography.Paragraph type="secondary">{t('flows.bindings.help')}</Typography.Paragraph>
      {generalErrors.length > 0 && <Alert type="error" showIcon message={generalErrors.join('；')} style={{ marginBottom: 8 }} />}
      <Table<Row> size="small" tableLayout="fixed" rowKey="key" pagination={false} dataSource={rows} columns={columns} locale={{ emptyText: t('flows.bindings.empty') }} />
      {canEdit && (
        <Space style={{ marginTop: 12 }}>
          <Button icon={<PlusOutlined />} data-testid="bindings-add" onClick={() => { setRows((rs) => [...rs, { key: Math.max(-1, ...rs.map((r) => r.key)) + 1, definitionId: '' }]); setDirty(true); }}>{t('flows.bindings.add')}</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={() => void save()} data-testid="bindings-save">{t('flows.bindings.save')}</Button>
        </Space>
      )}
    </div>
  );
}
