import { describe, expect, it } from 'vitest';
import { diffCounts, diffDefinitions } from './diff';
import { lifecycle } from './testData';

describe('version diff', () => {
  it('finds nothing between a version and itself, even moved around', () => {
    const moved = lifecycle();
    moved.root.activities.forEach((a) => (a.position = { x: a.position!.x + 5, y: 0 }));
    const diff = diffDefinitions(lifecycle(), moved);
    expect(diff.activities.every((a) => a.status === 'same')).toBe(true);
    expect(diff.connections.every((c) => c.status === 'same')).toBe(true);
    expect(diff.definitionChanges).toEqual([]);
  });

  it('tells added, removed and changed activities and connections apart', () => {
    const older = lifecycle();
    const newer = lifecycle();
    // A pre-check between accept and dispatch; the second dispatch goes away; handle gets a shorter limit.
    newer.root.activities.push({ id: 'precheck', type: 'Decision', name: '预审', inputs: { condition: true } });
    newer.root.activities = newer.root.activities.filter((a) => a.id !== 'secondDispatch');
    newer.root.connections = newer.root.connections.filter((c) => c.source.activity !== 'secondDispatch' && c.target.activity !== 'secondDispatch');
    const acceptToDispatch = newer.root.connections.find((c) => c.source.activity === 'accept' && c.source.port === 'Accept')!;
    acceptToDispatch.target.activity = 'precheck';
    newer.root.connections.push({ source: { activity: 'precheck', port: 'True' }, target: { activity: 'dispatch', port: 'In' } });
    const handle = newer.root.activities.find((a) => a.id === 'handle')!;
    handle.inputs = { ...handle.inputs, timeLimit: 'PT12H', warnRatio: 0.5 };
    delete handle.inputs.useCatalogTimeLimit;

    const diff = diffDefinitions(older, newer);
    const status = (id: string) => diff.activities.find((a) => a.id === id)?.status;
    expect(status('precheck')).toBe('added');
    expect(status('secondDispatch')).toBe('removed');
    expect(status('handle')).toBe('changed');
    expect(status('accept')).toBe('same');
    expect(diff.activities.find((a) => a.id === 'handle')!.changes).toEqual([
      { field: 'timeLimit', before: 'P1D', after: 'PT12H' },
      { field: 'useCatalogTimeLimit', before: true },
      { field: 'warnRatio', after: 0.5 },
    ]);
    expect(diffCounts(diff)).toEqual({ added: 1, removed: 1, changed: 1, connectionsAdded: 2, connectionsRemoved: 3 });
    const removed = diff.connections.filter((c) => c.status === 'removed').map((c) => `${c.connection.source.activity}.${c.connection.source.port}->${c.connection.target.activity}`);
    expect(removed.sort()).toEqual(['accept.Accept->dispatch', 'canRedispatch.True->secondDispatch', 'secondDispatch.Done->dispatch']);
  });

  it('notices a renamed activity and changed variables', () => {
    const newer = lifecycle();
    newer.root.activities[0].name = '受理（新）';
    newer.variables = { ...lifecycle().variables, maxDispatchRounds: 3 };
    const diff = diffDefinitions(lifecycle(), newer);
    expect(diff.activities[0].changes).toEqual([{ field: 'name', before: '受理 Accept', after: '受理（新）' }]);
    expect(diff.definitionChanges).toEqual([{ field: 'variables', before: { maxDispatchRounds: 2, arbitrationAfterReturns: 2 }, after: { maxDispatchRounds: 3, arbitrationAfterReturns: 2 } }]);
  });
});
