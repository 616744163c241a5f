/**
 * Validation problems as the designer shows them. The Host answers an invalid draft with a ProblemDetails whose
 * `errors` maps an activity id (or "definition", "definitionId"...) to "Code: message" strings; newer servers also
 * send `issues`, every finding as `{activityId, input, code, message, severity}`, and a saved draft carries its
 * `warnings` in the same shape. All of these come in here.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  activityId?: string;
  /** The input the problem is about, when it can be told. */
  field?: string;
  /** The outcome port the problem is about (an unconnected outcome). */
  port?: string;
  code?: string;
  message: string;
}

const NON_ACTIVITY_KEYS = new Set(['definition', 'definitionId', 'name', 'root', '']);

function severityOf(value: unknown, fallback: Severity): Severity {
  if (typeof value === 'string') return /warn/i.test(value) ? 'warning' : 'error';
  if (typeof value === 'number') return value >= 2 ? 'error' : 'warning';
  return fallback;
}

/** Reads the input name and port out of the validator's English messages, e.g. "handle.timeLimit: ...". */
export function locate(activityId: string | undefined, code: string | undefined, message: string): Pick<Problem, 'field' | 'port'> {
  const out: Pick<Problem, 'field' | 'port'> = {};
  const required = /input (\w+) is required/.exec(message);
  if (required) out.field = required[1];
  else if (activityId) {
    const escaped = activityId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const dotted = new RegExp(`(?:^|\\s)${escaped}\\.(\\w+)(?=[:\\s])`).exec(message);
    if (dotted && code !== 'DuplicateConnection' && code !== 'UnknownPort') out.field = dotted[1];
  }
  const outcome = /outcome (\S+) of/.exec(message) ?? /has no outcome (\S+)/.exec(message);
  if (outcome) out.port = outcome[1];
  return out;
}

function fromString(key: string, text: string, severity: Severity): Problem {
  const match = /^([A-Za-z]+):\s*([\s\S]*)$/.exec(text);
  const code = match?.[1];
  const message = match ? match[2] : text;
  const activityId = NON_ACTIVITY_KEYS.has(key) ? undefined : key;
  const problem: Problem = { severity, message, ...locate(activityId, code, message) };
  if (activityId) problem.activityId = activityId;
  if (code) problem.code = code;
  if (!activityId && key && key !== 'definition') problem.field = key;
  return problem;
}

function fromItem(item: Record<string, unknown>, fallback: Severity): Problem {
  const activityId = (item.activityId ?? item.activity ?? item.nodeId) as string | undefined | null;
  const code = (item.code ?? undefined) as string | undefined;
  const message = String(item.message ?? item.detail ?? item.title ?? code ?? '');
  const located = locate(activityId ?? undefined, code, message);
  const field = (item.input ?? item.field ?? item.inputName ?? located.field) as string | undefined;
  const port = (item.port ?? item.outcome ?? located.port) as string | undefined;
  const problem: Problem = { severity: severityOf(item.severity ?? item.level, fallback), message };
  if (activityId) problem.activityId = activityId;
  if (code) problem.code = code;
  if (field) problem.field = field;
  if (port) problem.port = port;
  return problem;
}

function collect(container: unknown, fallback: Severity, into: Problem[]) {
  if (!container) return;
  if (Array.isArray(container)) {
    for (const item of container) {
      if (typeof item === 'string') into.push(fromString('', item, fallback));
      else if (item && typeof item === 'object') into.push(fromItem(item as Record<string, unknown>, fallback));
    }
    return;
  }
  if (typeof container === 'object') {
    for (const [key, value] of Object.entries(container as Record<string, unknown>)) {
      const list = Array.isArray(value) ? value : [value];
      for (const entry of list) {
        if (typeof entry === 'string') into.push(fromString(key, entry, fallback));
        else if (entry && typeof entry === 'object') into.push(fromItem({ activityId: NON_ACTIVITY_KEYS.has(key) ? undefined : key, ...(entry as object) }, fallback));
      }
    }
  }
}

/** Every problem in a server answer (a 400 ProblemDetails or a saved draft carrying warnings). */
export function problemsFrom(body: unknown): Problem[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as Record<string, unknown>;
  const problems: Problem[] = [];
  // A server that lists every finding with its severity under `issues` repeats them in `errors` and `warnings`.
  if (Array.isArray(b.issues)) {
    collect(b.issues, 'error', problems);
    return problems;
  }
  collect(b.errors, 'error', problems);
  collect(b.problems, 'error', problems);
  collect(b.warnings, 'warning', problems);
  collect(b.validation, 'error', problems);
  return problems;
}

export interface ProblemMarks {
  severity: Severity;
  count: number;
  fields: Set<string>;
}

/** Per activity: the worst severity, how many problems and which inputs they name. */
export function marksByActivity(problems: Problem[]): Map<string, ProblemMarks> {
  const marks = new Map<string, ProblemMarks>();
  for (const p of problems) {
    if (!p.activityId) continue;
    const mark = marks.get(p.activityId) ?? { severity: 'warning' as Severity, count: 0, fields: new Set<string>() };
    mark.count++;
    if (p.severity === 'error') mark.severity = 'error';
    if (p.field) mark.fields.add(p.field);
    marks.set(p.activityId, mark);
  }
  return marks;
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');
