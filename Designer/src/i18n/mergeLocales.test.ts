import { describe, expect, it } from 'vitest';
import { mergeLocales } from './mergeLocales';

describe('mergeLocales', () => {
  it('merges feature tables', () => {
    expect(mergeLocales({ a: { 'x.a': '甲' }, b: { 'y.b': '乙' } })).toEqual({ 'x.a': '甲', 'y.b': '乙' });
  });
  it('refuses a key defined twice', () => {
    expect(() => mergeLocales({ a: { k: '1' }, b: { k: '2' } })).toThrow(/twice/);
  });
});
