import { useRef, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Drawer, Dropdown, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOrgNames } from '../api/reference';
import type { CatalogCategory, CatalogItem } from '../api/types';
import { useAuth } from '../app/auth';
import { canEditCatalog } from '../app/menus';
import { downloadFile } from '../shared/download';
import { usePaging } from '../shared/usePaging';
import { ProblemAlert } from '../shared/ProblemAlert';
import { TimeLimit } from '../shared/TimeLimit';
import { useDebounced } from '../shared/useDebounced';
import { CatalogItemForm } from './CatalogItemForm';

const urgencyColour: Record<string, string> = { Normal: 'default', Urgent: 'orange', Critical: 'red' };

const download = (format: 'csv' | 'xlsx') => downloadFile(`/api/catalog/export?format=${format}`, `catalog.${format}`);

/** 事项清单: the 828 items by category and search, each with its standards, limit and owners; policy admins edit and import. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const { user } = useAuth();
  const names = useOrgNames();
  const editor = canEditCatalog(user?.roles ?? []);
  const [category, setCategory] = useState<string>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [shown, setShown] = useState<CatalogItem | null>(null);
  const [editing, setEditing] = useState<CatalogItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const categories = useQuery({ queryKey: ['catalog-categories'], queryFn: () => api<CatalogCategory[]>('/api/catalog/categories'), staleTime: 60_000 });
  const { query: items, rows, pagination } = usePaging<CatalogItem>({ queryKey: ['catalog-items'], path: '/api/catalog/items', filters: { categoryCode: category, q } });
  const categoryName = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
  const total = (categories.data ?? []).reduce((s, c) => s + c.itemCount, 0);
  const dept = (code: string) => names.get(code) ?? code;

  const importFile = async (file: File) => {
    setImporting(true);
    try {
      const body = new FormData();
      body.set('file', file);
      const r = await api<{ rows: number; created: number; updated: number; unchanged: number }>('/api/catalog/import', { method: 'POST', body });
      message.success(t('catalog.imported', r));
      await client.invalidateQueries({ queryKey: ['catalog-items'] });
      await client.invalidateQueries({ queryKey: ['catalog-categories'] });
    } catch (e) {
      modal.error({ title: t('catalog.importFailed'), content: <ProblemAlert error={e} />, width: 640 });
    } finally {
      setImporting(false);
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="catalog-page">
      <Col xs={24} lg={6}>
        <Card title={t('catalog.categories')} styles={{ body: { padding: 0, maxHeight: 'calc(100vh - 200px)', overflow: 'auto' } }}>
          <List
            size="small"
            loading={categories.isLoading}
            dataSource={[{ code: '', name: t('catalog.allCategories'), itemCount: total }, ...(categories.data ?? [])]}
            renderItem={(c) => (
              <List.Item
                onClick={() => setCategory(c.code || undefined)}
                style={{ cursor: 'pointer', paddingInline: 16, background: (category ?? '') === c.code ? '#e6f0ff' : undefined }}
                extra={<Typography.Text type="secondary">{c.itemCount}</Typography.Text>}
              >
                <span>{c.code && <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>{c.code}</Typography.Text>}{c.name}</span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={18}>
        <Card
          title={<span style={{ fontSize: 18 }}>{t('menu.catalog')}</span>}
          extra={
            <Space wrap>
              <Dropdown menu={{ items: [
                { key: 'xlsx', label: 'XLSX', onClick: () => download('xlsx').catch((e) => message.error(String(e))) },
                { key: 'csv', label: 'CSV (UTF-8)', onClick: () => download('csv').catch((e) => message.error(String(e))) },
              ] }}>
                <Button icon={<DownloadOutlined />}>{t('catalog.export')}</Button>
              </Dropdown>
              {editor && (
                <>
                  <input ref={fileInput} type="file" accept=".csv,.xlsx" style={{ display: 'none' }}
                    onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
                  <Button icon={<UploadOutlined />} loading={importing} onClick={() => fileInput.current?.click()}>{t('catalog.import')}</Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('catalog.new')}</Button>
                </>
              )}
            </Space>
          }
        >
          <Input.Search allowClear placeholder={t('catalog.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 16, maxWidth: 420 }} data-testid="catalog-search" />
          {items.error ? <ProblemAlert error={items.error} /> : null}
          <Table<CatalogItem>
            rowKey="code"
            size="middle"
            loading={items.isLoading}
            dataSource={rows}
            scroll={{ x: 1000 }}
            onRow={(r) => ({ onClick: () => setShown(r), style: { cursor: 'pointer' }, 'data-testid': 'catalog-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('catalog.code'), dataIndex: 'code', width: 90 },
              { title: t('catalog.name'), dataIndex: 'name' },
              { title: t('catalog.limit'), key: 'limit', width: 170, render: (_, i) => <TimeLimit value={i.timeLimit} calendar={i.calendar} /> },
              { title: t('catalog.urgency'), key: 'urgency', width: 80, render: (_, i) => <Tag color={urgencyColour[i.urgency]}>{t(`urgency.${i.urgency}`, { defaultValue: i.urgency })}</Tag> },
              { title: t('catalog.owner'), key: 'owner', width: 160, render: (_, i) => dept(i.ownerDepartmentCode) },
              { title: t('catalog.requirements'), key: 'req', width: 250, render: (_, i) => i.closureRequirements.map((r) => <Tag key={r} style={{ marginBottom: 2 }}>{t(`requirement.${r}`, { defaultValue: r })}</Tag>) },
            ]}
            pagination={pagination}
          />
        </Card>
      </Col>
      <Drawer open={!!shown} onClose={() => setShown(null)} size={640} title={shown ? `${shown.code} ${shown.name}` : ''}
        extra={editor && shown && <Button icon={<EditOutlined />} onClick={() => { setEditing(shown); setShown(null); }} data-testid="catalog-edit">{t('catalog.edit')}</Button>}>
        {shown && (
          <Descriptions column={1} bordered size="small" items={[
            { key: 'cat', label: t('catalog.category'), children: `${shown.categoryCode} ${categoryName.get(shown.categoryCode) ?? ''}` },
            { key: 'filing', label: t('catalog.filingCondition'), children: shown.filingCondition },
            { key: 'closure', label: t('catalog.closureStandard'), children: shown.closureStandard },
            { key: 'req', label: t('catalog.requirements'), children: shown.closureRequirements.map((r) => <Tag key={r}>{t(`requirement.${r}`, { defaultValue: r })}</Tag>) },
            { key: 'limit', label: t('catalog.limit'), children: <span><TimeLimit value={shown.timeLimit} calendar={shown.calendar} /> <Typography.Text type="secondary" code>{shown.timeLimit}</Typography.Text></span> },
            { key: 'urgency', label: t('catalog.urgency'), children: t(`urgency.${shown.urgency}`, { defaultValue: shown.urgency }) },
            { key: 'owner', label: t('catalog.owner'), children: dept(shown.ownerDepartmentCode) },
            { key: 'co', label: t('catalog.coHandlers'), children: shown.coHandlerDepartmentCodes.map(dept).join('、') || '—' },
            { key: 'basis', label: t('catalog.basis'), children: <span><Tag>{t(`basis.${shown.responsibilityBasis}`, { defaultValue: shown.responsibilityBasis })}</Tag>{shown.basisText}</span> },
            { key: 'kw', label: t('catalog.keywords'), children: shown.keywords.map((k) => <Tag key={k}>{k}</Tag>) },
            { key: 'v', label: t('catalog.version'), children: shown.version },
          ]} />
        )}
      </Drawer>
      <Drawer open={!!editing} onClose={() => setEditing(null)} size={720} title={editing === 'new' ? t('catalog.new') : editing ? `${t('catalog.edit')} ${editing.code}` : ''} destroyOnHidden>
        {editing && (
          <CatalogItemForm
            item={editing === 'new' ? undefined : editing}
            categories={categories.data ?? []}
            onSaved={async (saved) => {
              message.success(t('catalog.saved', { code: saved.code, version: saved.version }));
              setEditing(null);
              await client.invalidateQueries({ queryKey: ['catalog-items'] });
              await client.invalidateQueries({ queryKey: ['catalog-categories'] });
              client.setQueryData(['catalog-item', saved.code], saved);
            }}
          />
        )}
      </Drawer>
    </Row>
  );
}
