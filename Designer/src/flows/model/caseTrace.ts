import { connectionKey } from './diff';
import type { Connection } from './types';

export interface JournalItem {
  activityId?: string | null;
  event: string;
  outcome?: string | null;
  at: string;
}

export interface CaseTrace {
  /** How many times each activity ran (more than one is rework). */
  runs: Map<string, number>;
  active: Set<string>;
  /** Ran and is not active now. */
  completed: Set<string>;
  /** connectionKey of every connection the case actually went along. */
  taken: Set<string>;
}

/** Events that are about a work item's clock, not a run of its activity. */
const CLOCK_EVENTS = new Set(['ExtensionRequested', 'ExtensionApproved', 'ExtensionRejected', 'Suspended', 'Resumed', 'Urged', 'Warning', 'Overdue']);

/**
 * The case's way through a flow from its journal: a human task runs once per TaskCreated, an automatic activity
 * once per entry; a connection is taken when its source left by that port (the journal's outcome, or the only
 * port there is) and its target is the next activity the journal shows after it.
 */
export function traceCase(
  journal: JournalItem[],
  openActivityIds: string[],
  connections: Connection[],
  outcomesById: Map<string, string[]>,
): CaseTrace {
  const entries = journal
    .filter((e) => e.activityId && !CLOCK_EVENTS.has(e.event))
    .map((e, index) => ({ ...e, activityId: e.activityId!, index }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index));

  const created = new Map<string, number>();
  const other = new Map<string, number>();
  for (const e of entries) {
    const counter = e.event === 'TaskCreated' ? created : e.event === 'TaskCompleted' ? null : other;
    if (counter) counter.set(e.activityId, (counter.get(e.activityId) ?? 0) + 1);
  }
  const runs = new Map<string, number>();
  for (const id of new Set(entries.map((e) => e.activityId))) runs.set(id, created.get(id) ?? other.get(id) ?? 1);

  const active = new Set(openActivityIds);
  const completed = new Set([...runs.keys()].filter((id) => !active.has(id)));

  const bySource = new Map<string, Connection[]>();
  for (const c of connections) bySource.set(c.source.activity, [...(bySource.get(c.source.activity) ?? []), c]);

  const taken = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.event === 'TaskCreated') continue;
    const ports = outcomesById.get(e.activityId) ?? [];
    const port = e.outcome && ports.includes(e.outcome) ? e.outcome : ports.length === 1 ? ports[0] : e.outcome;
    const leaving = (bySource.get(e.activityId) ?? []).filter((c) => (c.source.port ?? '') === (port ?? ''));
    if (!leaving.length) continue;
    const targets = new Set(leaving.map((c) => c.target.activity));
    const next = entries.slice(i + 1).find((later) => later.activityId !== e.activityId && targets.has(later.activityId))
      ?? entries.slice(i + 1).find((later) => targets.has(later.activityId));
    for (const c of leaving) if (next && c.target.activity === next.activityId) taken.add(connectionKey(c));
  }
  return { runs, active, completed, taken };
}
