/** SLA colour and countdown, computed from the instants the API gives (dueAt, warnAt) and the clock. */

export type SlaColour = 'green' | 'gold' | 'red' | 'default';

export interface SlaInput {
  sla: string;
  dueAt?: string | null;
  warnAt?: string | null;
  suspended?: boolean;
  remainingSeconds?: number | null;
}

/**
 * Green while in time, gold from the warning instant, red once due. The server's state counts too: a timer that
 * fired is never shown greener than it was recorded. A suspended item has no running clock: grey.
 */
export function slaColour(item: SlaInput, now: number): SlaColour {
  if (item.suspended) return 'default';
  if (!item.dueAt) return 'default';
  const due = Date.parse(item.dueAt);
  if (item.sla === 'Overdue' || now >= due) return 'red';
  if (item.sla === 'Warning' || (item.warnAt && now >= Date.parse(item.warnAt))) return 'gold';
  return 'green';
}

/** Seconds until due (negative when overdue); while suspended, what was left when the clock stopped. */
export function remainingSeconds(item: SlaInput, now: number): number | null {
  if (item.suspended) return item.remainingSeconds ?? null;
  if (!item.dueAt) return null;
  return Math.round((Date.parse(item.dueAt) - now) / 1000);
}

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * A countdown a person reads at a glance: the two largest units ("2天3小时", "5分12秒"), seconds only under an
 * hour so the tag does not flicker for long deadlines. The sign is the caller's business.
 */
export function formatDuration(totalSeconds: number, units: DurationUnits, separator = ''): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const parts: [number, string][] =
    days > 0 ? [[days, units.day], [hours, units.hour]]
    : hours > 0 ? [[hours, units.hour], [minutes, units.minute]]
    : [[minutes, units.minute], [seconds, units.second]];
  const shown = parts[0][0] === 0 ? [parts[1]] : parts;
  return shown.map(([n, u]) => `${n}${u}`).join(separator);
}
