import { describe, expect, it } from 'vitest';
import { clampPaging, formatTotal, pageAfterRemoval, pageCount, pagingQuery } from './paging';

describe('paging', () => {
  it('shows a total counted only up to the limit as a lower bound', () => {
    expect(formatTotal(10000, true)).toBe('10,000+');
    expect(formatTotal(9999, false)).toBe('9,999');
    expect(formatTotal(3)).toBe('3');
  });
  it('keeps page and size inside what the API accepts', () => {
    expect(clampPaging(0, 0)).toEqual({ page: 1, pageSize: 20 });
    expect(clampPaging(3, 500)).toEqual({ page: 3, pageSize: 200 });
    expect(clampPaging(-2, 10)).toEqual({ page: 1, pageSize: 10 });
  });
  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
  it('steps back when the last row of the last page is gone', () => {
    expect(pageAfterRemoval(3, 20, 40)).toBe(2);
    expect(pageAfterRemoval(2, 20, 40)).toBe(2);
    expect(pageAfterRemoval(1, 20, 0)).toBe(1);
  });
  it('writes the query with the filters that are set', () => {
    expect(pagingQuery(2, 50, { sla: 'Overdue', orgUnit: undefined, q: '' })).toBe('page=2&pageSize=50&sla=Overdue');
  });
});
