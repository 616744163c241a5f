import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { formatTotal, pageAfterRemoval, pagingQuery } from './paging';

type Filters = Record<string, string | undefined>;

export interface PagingOptions {
  /** The list's query key without the paging; invalidating this prefix refreshes every page of it. */
  queryKey: readonly unknown[];
  /** The API path without query string, e.g. `/api/cases`. */
  path: string;
  /** The list's filters as query parameters; a change of any of them goes back to page 1. */
  filters?: Filters;
  refetchInterval?: number;
  /** Whether the table shows "共 N 条" beside the pager (default true). */
  showTotal?: boolean;
  initialPageSize?: number;
}

/** The page a list shows: the one chosen for these filters, else the first (filters changed since). */
export function pageFor(state: { filterKey: string; page: number }, filterKey: string): number {
  return state.filterKey === filterKey ? state.page : 1;
}

/**
 * How the API's total reads: an exact count, or past the server's limit (`totalIsLowerBound`) the count it stopped at.
 * The pagers, "共 N 条" (then "10,000+") and the inbox badges all take the total from here.
 */
export function totalOf(page: Page<unknown> | undefined): number {
  return page?.total ?? 0;
}

/**
 * One paged server list: page and page size, back to page 1 when the filters change, the server's total, and the
 * pagination props an antd Table takes. Every paged page of the app goes through it.
 */
export function usePaging<T>({ queryKey, path, filters = {}, refetchInterval, showTotal = true, initialPageSize = 20 }: PagingOptions) {
  const { t } = useTranslation();
  const filterKey = JSON.stringify([path, filters]);
  const [state, setState] = useState({ filterKey, page: 1 });
  const [pageSize, setPageSize] = useState(initialPageSize);
  const page = pageFor(state, filterKey);
  const setPage = (p: number | ((current: number) => number)) =>
    setState({ filterKey, page: typeof p === 'function' ? p(page) : p });

  const query = useQuery({
    queryKey: [...queryKey, filters, page, pageSize],
    queryFn: () => api<Page<T>>(`${path}?${pagingQuery(page, pageSize, filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const total = totalOf(query.data);

  const pagination: TablePaginationConfig = {
    current: page, pageSize, total, showSizeChanger: true,
    ...(showTotal ? { showTotal: (n: number) => t('common.totalOf', { total: formatTotal(n, query.data?.totalIsLowerBound) }) } : {}),
    onChange: (p, s) => { setPage(p); setPageSize(s); },
  };

  return {
    query,
    rows: query.data?.items ?? [],
    total,
    page,
    pageSize,
    setPage,
    pagination,
    /** After rows left this page (completed, claimed elsewhere): step back if the page now lies past the end. */
    removed: (count = 1) => setPage((p) => pageAfterRemoval(p, pageSize, Math.max(0, total - count))),
  };
}

/** Only the total of a list (a tab's badge, a count on a tab): one row asked for, the count read as the pagers read it. */
export function useListTotal(queryKey: readonly unknown[], path: string, filters: Filters = {}, refetchInterval?: number): number | undefined {
  const query = useQuery({
    queryKey: [...queryKey, filters, 1, 1],
    queryFn: () => api<Page<unknown>>(`${path}?${pagingQuery(1, 1, filters)}`),
    refetchInterval,
  });
  return query.data ? totalOf(query.data) : undefined;
}
