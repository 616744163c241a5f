import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CatalogItem, CatalogSuggestion, Page } from '../api/types';
import { useDebounced } from '../shared/useDebounced';

/** Picks a catalog item by typing: the search of the catalog, and the suggestions for the case's text before one types. */
export function CatalogItemSelect({ value, onChange, suggestFor, testId }: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  suggestFor?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const found = useQuery({
    queryKey: ['catalog-items', 'select', q],
    queryFn: () => api<Page<CatalogItem>>(`/api/catalog/items?pageSize=20&q=${encodeURIComponent(q)}`),
    enabled: q.trim().length > 0,
  });
  const suggested = useQuery({
    queryKey: ['catalog-suggest', suggestFor],
    queryFn: () => api<CatalogSuggestion[]>(`/api/catalog/suggest?text=${encodeURIComponent(suggestFor!)}`),
    enabled: !!suggestFor && q.trim().length === 0,
    staleTime: 60_000,
  });
  const current = useQuery({
    queryKey: ['catalog-item', value],
    queryFn: () => api<CatalogItem>(`/api/catalog/items/${encodeURIComponent(value!)}`),
    enabled: !!value,
    staleTime: 60_000,
  });
  const options = (q.trim() ? found.data?.items ?? [] : suggested.data ?? []).map((i) => ({
    value: i.code,
    label: (
      <span>
        <Typography.Text code>{i.code}</Typography.Text> {i.name}
        {'score' in i && <Typography.Text type="secondary" style={{ float: 'right' }}>{(i as CatalogSuggestion).score.toFixed(2)}</Typography.Text>}
      </span>
    ),
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: <span><Typography.Text code>{value}</Typography.Text> {current.data?.name ?? ''}</span> });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={t('catalog.selectPlaceholder')}
      loading={found.isFetching || suggested.isFetching}
      notFoundContent={t('common.none')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
