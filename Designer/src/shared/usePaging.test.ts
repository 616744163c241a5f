import { describe, expect, it } from 'vitest';
import { pageFor, totalOf } from './usePaging';

describe('usePaging', () => {
  it('keeps the chosen page while the filters stay, and goes back to the first when they change', () => {
    const key = JSON.stringify(['/api/cases', { stage: 'Handle' }]);
    expect(pageFor({ filterKey: key, page: 3 }, key)).toBe(3);
    expect(pageFor({ filterKey: key, page: 3 }, JSON.stringify(['/api/cases', { stage: 'Verify' }]))).toBe(1);
    expect(pageFor({ filterKey: key, page: 3 }, JSON.stringify(['/api/inbox/Done', {}]))).toBe(1);
  });
  it('reads the server total, none before the first answer', () => {
    expect(totalOf({ items: [], total: 41 })).toBe(41);
    expect(totalOf(undefined)).toBe(0);
  });
});
