import { describe, expect, it } from 'vitest';
import { traceCase } from './caseTrace';
import { makeFragment, parseFragment, placeFragment } from './clipboard';
import { connectionKey } from './diff';
import { describeDuration, parseDuration } from './duration';
import { checkSyntax, expressionOf, toExpression } from './expression';
import { record, redo, startHistory, undo } from './history';
import { outcomesOf } from './outcomes';
import { descriptors, lifecycle } from './testData';

describe('expressions', () => {
  it('accepts what the engine evaluates and reports the parser message otherwise', () => {
    expect(checkSyntax('$case.dispatchRound < vars.maxDispatchRounds')).toBeNull();
    expect(checkSyntax('')).toBeNull();
    expect(checkSyntax('$case.dispatchRound <')).toMatch(/Unexpected|unexpected|end of input/);
    expect(expressionOf(toExpression('1 + 1'))).toBe('1 + 1');
    expect(expressionOf('PT1H')).toBeUndefined();
  });
});

describe('durations', () => {
  it('reads ISO-8601 and says it in Chinese or English', () => {
    expect(parseDuration('P1DT4H')).toEqual({ weeks: 0, days: 1, hours: 4, minutes: 0, seconds: 0 });
    expect(describeDuration('PT30M', 'zh-CN')).toBe('30分钟');
    expect(describeDuration('P1DT4H', 'en')).toBe('1 day 4 hours');
    expect(describeDuration('1 day', 'zh-CN')).toBeNull();
    expect(describeDuration('PT', 'zh-CN')).toBeNull();
  });
});

describe('undo history', () => {
  it('steps back and forth and forgets the future on a new step', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = undo(undo(h));
    h = record(h, 'd');
    expect(h.past).toEqual(['a']);
    expect(h.future).toEqual([]);
    expect(undo(startHistory('x')).present).toBe('x');
  });
});

describe('copy and paste', () => {
  it('keeps only inner connections and renames clashing ids on paste', () => {
    const def = lifecycle();
    const picked = def.root.activities.filter((a) => a.id === 'verify' || a.id === 'close');
    const fragment = makeFragment(picked, def.root.connections);
    expect(fragment.connections.map(connectionKey)).toEqual([connectionKey({ source: { activity: 'verify', port: 'Pass' }, target: { activity: 'close' } })]);
    const parsed = parseFragment(JSON.stringify(fragment))!;
    const placed = placeFragment(parsed, def.root.activities.map((a) => a.id), { x: 0, y: 1000 });
    expect(placed.activities.map((a) => a.id)).toEqual(['verify1', 'close1']);
    expect(placed.activities[0].position).toEqual({ x: 0, y: 1000 });
    expect(placed.activities[1].position).toEqual({ x: 260, y: 1000 });
    expect(placed.connections[0].source.activity).toBe('verify1');
    expect(placed.connections[0].target.activity).toBe('close1');
    expect(parseFragment('{"kind":"other"}')).toBeNull();
    expect(parseFragment('not json')).toBeNull();
  });
});

describe('a case on its flow', () => {
  const def = lifecycle();
  const byType = new Map(descriptors.map((d) => [d.type, d]));
  const outcomes = new Map(def.root.activities.map((a) => [a.id, outcomesOf(a, byType.get(a.type))]));
  const at = (n: number) => `2026-11-23T10:${String(n).padStart(2, '0')}:00Z`;
  const journal = [
    { activityId: 'accept', event: 'TaskCreated', at: at(0) },
    { activityId: 'accept', event: 'TaskCompleted', outcome: 'Accept', at: at(1) },
    { activityId: 'dispatch', event: 'TaskCreated', at: at(2) },
    { activityId: 'dispatch', event: 'TaskCompleted', outcome: 'Dispatch', at: at(3) },
    // No co-handlers named: the shipped flow's check sends the case to the single handling.
    { activityId: 'coHandled', event: 'Decision', outcome: 'False', at: at(3) },
    { activityId: 'handle', event: 'TaskCreated', at: at(4) },
    { activityId: 'handle', event: 'Suspended', at: at(5) },
    { activityId: 'handle', event: 'TaskCompleted', outcome: 'Complete', at: at(6) },
    { activityId: 'verify', event: 'TaskCreated', at: at(7) },
    { activityId: 'verify', event: 'TaskCompleted', outcome: 'Fail', at: at(8) },
    { activityId: 'coHandled', event: 'Decision', outcome: 'False', at: at(8) },
    { activityId: 'handle', event: 'TaskCreated', at: at(9) },
    { activityId: null, event: 'Urged', at: at(10) },
  ];
  const trace = traceCase(journal, ['handle'], def.root.connections, outcomes);
  const key = (s: string, p: string, t: string) => connectionKey({ source: { activity: s, port: p }, target: { activity: t } });

  it('counts rework and tells active from completed', () => {
    expect(trace.runs.get('handle')).toBe(2);
    expect(trace.runs.get('accept')).toBe(1);
    expect([...trace.active]).toEqual(['handle']);
    expect([...trace.completed].sort()).toEqual(['accept', 'coHandled', 'dispatch', 'verify']);
  });

  it('draws the connections actually taken and no other', () => {
    expect([...trace.taken].sort()).toEqual([
      key('accept', 'Accept', 'dispatch'), key('dispatch', 'Dispatch', 'coHandled'), key('coHandled', 'False', 'handle'),
      key('handle', 'Complete', 'verify'), key('verify', 'Fail', 'coHandled'),
    ].sort());
  });

  it('follows an automatic activity by its only port', () => {
    const t = traceCase([
      { activityId: 'close', event: 'Closed', at: at(0) },
      { activityId: 'assess', event: 'Assessed', outcome: 'OnTime', at: at(1) },
      { activityId: 'evaluate', event: 'TaskCreated', at: at(2) },
    ], ['evaluate'], def.root.connections, outcomes);
    expect(t.taken.has(key('close', 'Done', 'assess'))).toBe(true);
    expect(t.taken.has(key('assess', 'Done', 'evaluate'))).toBe(true);
  });
});
