/** Paging as the API takes it (page from 1, pageSize 1..200) and as the tables show it. */

export const MAX_PAGE_SIZE = 200;

export function clampPaging(page: number, pageSize: number): { page: number; pageSize: number } {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize) || 20));
  return { page: Math.max(1, Math.trunc(page) || 1), pageSize: size };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** After a row leaves a page (completed, claimed), the page may now lie past the end: step back to the last one. */
export function pageAfterRemoval(page: number, pageSize: number, totalAfter: number): number {
  return Math.min(page, pageCount(totalAfter, pageSize));
}

export function pagingQuery(page: number, pageSize: number, extra: Record<string, string | undefined> = {}): string {
  const p = clampPaging(page, pageSize);
  const params = new URLSearchParams({ page: String(p.page), pageSize: String(p.pageSize) });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, v);
  return params.toString();
}

/** A list's total as the table shows it: "10,000+" when the API counted only up to its limit (a lower bound). */
export function formatTotal(total: number, lowerBound?: boolean): string {
  const n = total.toLocaleString('en-US');
  return lowerBound ? `${n}+` : n;
}
