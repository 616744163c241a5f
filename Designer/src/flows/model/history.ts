/**
 * Undo/redo over whole graph states. Snapshots are the immutable arrays the canvas already holds, so a step costs
 * one array reference, not a copy of the flow.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

export const LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function record<T>(history: History<T>, next: T): History<T> {
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  if (past.length > LIMIT) past.shift();
  return { past, present: next, future: [] };
}

export function undo<T>(history: History<T>): History<T> {
  if (!history.past.length) return history;
  const present = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (!history.future.length) return history;
  const [present, ...future] = history.future;
  return { past: [...history.past, history.present], present, future };
}
