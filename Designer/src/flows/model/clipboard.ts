import type { ActivityNode, Connection } from './types';

/** A piece of a flow on the system clipboard, so that it can be pasted into another flow or another tab. */
export interface FlowFragment {
  kind: 'gridcase.flow-fragment';
  version: 1;
  activities: ActivityNode[];
  connections: Connection[];
}

export function makeFragment(activities: ActivityNode[], connections: Connection[]): FlowFragment {
  const ids = new Set(activities.map((a) => a.id));
  return {
    kind: 'gridcase.flow-fragment',
    version: 1,
    activities,
    connections: connections.filter((c) => ids.has(c.source.activity) && ids.has(c.target.activity)),
  };
}

export function parseFragment(text: string): FlowFragment | null {
  try {
    const value = JSON.parse(text);
    if (value?.kind !== 'gridcase.flow-fragment' || !Array.isArray(value.activities) || !Array.isArray(value.connections)) return null;
    if (!value.activities.every((a: ActivityNode) => a && typeof a.id === 'string' && typeof a.type === 'string')) return null;
    return value as FlowFragment;
  } catch {
    return null;
  }
}

export function uniqueId(base: string, taken: Set<string>): string {
  const stem = base.replace(/\d+$/, '') || 'activity';
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

/**
 * The fragment's activities and connections ready to add to a flow holding `existingIds`: clashing ids get a fresh
 * number, positions move so that the pasted piece's top-left lands at `at` (or 40px down-right of where it was).
 */
export function placeFragment(fragment: FlowFragment, existingIds: Iterable<string>, at?: { x: number; y: number }) {
  const taken = new Set(existingIds);
  const rename = new Map<string, string>();
  for (const a of fragment.activities) {
    const id = uniqueId(a.id, taken);
    taken.add(id);
    rename.set(a.id, id);
  }
  const xs = fragment.activities.map((a) => a.position?.x ?? 0);
  const ys = fragment.activities.map((a) => a.position?.y ?? 0);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const dx = at ? at.x - minX : 40;
  const dy = at ? at.y - minY : 40;
  const activities: ActivityNode[] = fragment.activities.map((a) => ({
    ...a,
    id: rename.get(a.id)!,
    position: { x: Math.round((a.position?.x ?? 0) + dx), y: Math.round((a.position?.y ?? 0) + dy) },
  }));
  const connections: Connection[] = fragment.connections.map((c) => ({
    source: { ...c.source, activity: rename.get(c.source.activity)! },
    target: { ...c.target, activity: rename.get(c.target.activity)! },
  }));
  return { activities, connections };
}
