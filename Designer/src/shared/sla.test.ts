import { describe, expect, it } from 'vitest';
import { formatDuration, remainingSeconds, slaColour } from './sla';

const now = Date.parse('2026-03-02T10:00:00+08:00');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const zh = { day: '天', hour: '小时', minute: '分', second: '秒' };
const en = { day: 'd', hour: 'h', minute: 'm', second: 's' };

describe('slaColour', () => {
  it('is green before the warning instant', () => {
    expect(slaColour({ sla: 'Normal', warnAt: at(10), dueAt: at(60) }, now)).toBe('green');
  });
  it('turns gold at the warning instant, before any timer fired', () => {
    expect(slaColour({ sla: 'Normal', warnAt: at(0), dueAt: at(60) }, now)).toBe('gold');
    expect(slaColour({ sla: 'Warning', warnAt: at(10), dueAt: at(60) }, now)).toBe('gold');
  });
  it('turns red once due, or when the server recorded it overdue', () => {
    expect(slaColour({ sla: 'Warning', warnAt: at(-30), dueAt: at(-1) }, now)).toBe('red');
    expect(slaColour({ sla: 'Overdue', warnAt: at(10), dueAt: at(60) }, now)).toBe('red');
  });
  it('is grey while suspended or without a deadline', () => {
    expect(slaColour({ sla: 'Overdue', dueAt: at(-1), suspended: true }, now)).toBe('default');
    expect(slaColour({ sla: 'Normal' }, now)).toBe('default');
  });
});

describe('remainingSeconds', () => {
  it('counts to dueAt, negative once overdue', () => {
    expect(remainingSeconds({ sla: 'Normal', dueAt: at(2) }, now)).toBe(120);
    expect(remainingSeconds({ sla: 'Overdue', dueAt: at(-1) }, now)).toBe(-60);
  });
  it('stands still while suspended', () => {
    expect(remainingSeconds({ sla: 'Normal', dueAt: at(-100), suspended: true, remainingSeconds: 3600 }, now)).toBe(3600);
  });
});

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(2 * 86400 + 3 * 3600 + 59, zh)).toBe('2天3小时');
    expect(formatDuration(3 * 3600 + 5 * 60 + 7, zh)).toBe('3小时5分');
    expect(formatDuration(5 * 60 + 12, en, ' ')).toBe('5m 12s');
  });
  it('drops a leading zero unit and ignores the sign', () => {
    expect(formatDuration(42, zh)).toBe('42秒');
    expect(formatDuration(-(3600 + 60), zh)).toBe('1小时1分');
    expect(formatDuration(0, en)).toBe('0s');
  });
});
