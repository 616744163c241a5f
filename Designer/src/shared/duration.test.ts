import { describe, expect, it } from 'vitest';
import { durationTerms, parseIsoDuration } from './duration';

describe('ISO durations', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(parseIsoDuration('P1DT2H30M')).toEqual({ days: 1, hours: 2, minutes: 30, seconds: 0 });
    expect(durationTerms('PT30S')).toEqual([[30, 'second']]);
    expect(durationTerms('P3D')).toEqual([[3, 'day']]);
  });
  it('refuses what is not a duration', () => {
    expect(parseIsoDuration('3 days')).toBeNull();
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT')).toBeNull();
  });
});
