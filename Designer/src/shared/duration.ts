/** ISO-8601 durations as the catalog and flows write them (P3D, PT4H, PT30M, P1DT2H). */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseIsoDuration(text: string): DurationParts | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text.trim());
  if (!m || text === 'P' || text.endsWith('T')) return null;
  return { days: +(m[1] ?? 0), hours: +(m[2] ?? 0), minutes: +(m[3] ?? 0), seconds: +(m[4] ?? 0) };
}

/** "P3D" → [[3, 'day']], for labels such as 3 天 / 3 day(s). */
export function durationTerms(text: string): [number, 'day' | 'hour' | 'minute' | 'second'][] | null {
  const p = parseIsoDuration(text);
  if (!p) return null;
  const terms: [number, 'day' | 'hour' | 'minute' | 'second'][] = [];
  if (p.days) terms.push([p.days, 'day']);
  if (p.hours) terms.push([p.hours, 'hour']);
  if (p.minutes) terms.push([p.minutes, 'minute']);
  if (p.seconds) terms.push([p.seconds, 'second']);
  return terms;
}
