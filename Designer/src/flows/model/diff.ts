import { jsonEqual } from './json';
import type { ActivityNode, Connection, Json, WorkflowDefinition } from './types';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface InputChange {
  /** "name", "type" or the input's name. */
  field: string;
  before?: Json;
  after?: Json;
}

export interface ActivityDiff {
  id: string;
  status: DiffStatus;
  changes: InputChange[];
  /** The activity as drawn: the newer one, or the older one for a removed activity. */
  activity: ActivityNode;
}

export interface ConnectionDiff {
  status: Exclude<DiffStatus, 'changed'>;
  connection: Connection;
}

export interface DefinitionDiff {
  activities: ActivityDiff[];
  connections: ConnectionDiff[];
  /** Variables, name or description changed. */
  definitionChanges: InputChange[];
}

export const connectionKey = (c: Connection) => `${c.source.activity}\u0000${c.source.port ?? ''}\u0000${c.target.activity}`;

function activityChanges(before: ActivityNode, after: ActivityNode): InputChange[] {
  const changes: InputChange[] = [];
  if ((before.name ?? '') !== (after.name ?? '')) changes.push({ field: 'name', before: before.name ?? null, after: after.name ?? null });
  if (before.type !== after.type) changes.push({ field: 'type', before: before.type, after: after.type });
  const names = new Set([...Object.keys(before.inputs ?? {}), ...Object.keys(after.inputs ?? {})]);
  for (const name of [...names].sort()) {
    const b = before.inputs?.[name];
    const a = after.inputs?.[name];
    if (!jsonEqual(b, a)) {
      const change: InputChange = { field: name };
      if (b !== undefined) change.before = b;
      if (a !== undefined) change.after = a;
      changes.push(change);
    }
  }
  return changes;
}

/**
 * What changed from `older` to `newer`: activities by id (positions are layout, not meaning, and are ignored),
 * connections by source, port and target.
 */
export function diffDefinitions(older: WorkflowDefinition, newer: WorkflowDefinition): DefinitionDiff {
  const oldById = new Map(older.root.activities.map((a) => [a.id, a]));
  const newIds = new Set(newer.root.activities.map((a) => a.id));
  const activities: ActivityDiff[] = newer.root.activities.map((activity) => {
    const before = oldById.get(activity.id);
    if (!before) return { id: activity.id, status: 'added', changes: [], activity };
    const changes = activityChanges(before, activity);
    return { id: activity.id, status: changes.length ? 'changed' : 'same', changes, activity };
  });
  for (const activity of older.root.activities)
    if (!newIds.has(activity.id)) activities.push({ id: activity.id, status: 'removed', changes: [], activity });

  const oldKeys = new Set(older.root.connections.map(connectionKey));
  const newKeys = new Set(newer.root.connections.map(connectionKey));
  const connections: ConnectionDiff[] = newer.root.connections.map((connection) => ({
    status: oldKeys.has(connectionKey(connection)) ? 'same' : 'added',
    connection,
  }));
  for (const connection of older.root.connections)
    if (!newKeys.has(connectionKey(connection))) connections.push({ status: 'removed', connection });

  const definitionChanges: InputChange[] = [];
  for (const field of ['name', 'description', 'variables'] as const)
    if (!jsonEqual(older[field], newer[field]))
      definitionChanges.push({ field, before: (older[field] ?? null) as Json, after: (newer[field] ?? null) as Json });

  return { activities, connections, definitionChanges };
}

export function diffCounts(diff: DefinitionDiff) {
  const count = (s: DiffStatus) => diff.activities.filter((a) => a.status === s).length;
  return {
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    connectionsAdded: diff.connections.filter((c) => c.status === 'added').length,
    connectionsRemoved: diff.connections.filter((c) => c.status === 'removed').length,
  };
}
