/** ISO-8601 durations as the catalog and flows write them (PT1H, P1D, P3DT4H30M). */
export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string): DurationParts | null {
  const value = text.trim().toUpperCase();
  const m = PATTERN.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return null;
  const n = (s?: string) => (s ? Number(s) : 0);
  return { weeks: n(m[1]), days: n(m[2]), hours: n(m[3]), minutes: n(m[4]), seconds: n(m[5]) };
}

const UNITS: [keyof DurationParts, string, string, string][] = [
  ['weeks', '周', 'week', 'weeks'],
  ['days', '天', 'day', 'days'],
  ['hours', '小时', 'hour', 'hours'],
  ['minutes', '分钟', 'minute', 'minutes'],
  ['seconds', '秒', 'second', 'seconds'],
];

/** "1天 4小时" or "1 day 4 hours"; null when the text is not a duration. */
export function describeDuration(text: string, language: string): string | null {
  const parts = parseDuration(text);
  if (!parts) return null;
  const zh = language.startsWith('zh');
  const pieces = UNITS.filter(([key]) => parts[key] > 0).map(([key, cn, one, many]) =>
    zh ? `${parts[key]}${cn}` : `${parts[key]} ${parts[key] === 1 ? one : many}`,
  );
  if (!pieces.length) return zh ? '0分钟' : '0 minutes';
  return pieces.join(zh ? '' : ' ');
}
