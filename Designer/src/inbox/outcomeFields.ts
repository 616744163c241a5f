/**
 * What a person fills in to complete a work item with an outcome. The flow's HumanTask says which outcomes need a
 * comment (`commentRequiredFor`) and which data fields (`requiredFields`); the stages add the fields their
 * outcome handlers read: accepting may classify the case (itemCode), dispatching names the department (default:
 * the item's owner) and, on a flow that hands work to several departments (a ParallelTasks step), the lead
 * (主办, data.leadDepartmentCode) and co-handlers (协办, data.coHandlerCodes); a summons (报到) always needs the
 * department's response as its comment.
 */

export type FieldKind = 'catalogItem' | 'department' | 'departments' | 'text';

export interface OutcomeField {
  name: string;
  kind: FieldKind;
  required: boolean;
  initial?: string | string[];
}

export interface OutcomeForm {
  commentRequired: boolean;
  fields: OutcomeField[];
}

export interface CaseFacts {
  itemCode?: string | null;
  ownerDepartmentCode?: string | null;
  /** The flow opens work for several departments at once (主办/协办). */
  coHandling?: boolean;
  /** The work item's kind: Task, Lead, CoHandler or Summons. */
  kind?: string;
}

const kindOf = (name: string): FieldKind => (name === 'itemCode' ? 'catalogItem' : name === 'departmentCode' ? 'department' : 'text');

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function outcomeForm(stage: string, outcome: string, inputs: Record<string, unknown> | undefined, facts: CaseFacts): OutcomeForm {
  const commentRequired = facts.kind === 'Summons' || stringList(inputs?.commentRequiredFor).includes(outcome);
  const requiredByFlow = inputs?.requiredFields && typeof inputs.requiredFields === 'object'
    ? stringList((inputs.requiredFields as Record<string, unknown>)[outcome])
    : [];
  const fields = new Map<string, OutcomeField>();
  if (stage === 'Accept' && outcome === 'Accept')
    fields.set('itemCode', { name: 'itemCode', kind: 'catalogItem', required: !facts.itemCode, initial: facts.itemCode ?? undefined });
  if (stage === 'Dispatch' && outcome === 'Dispatch' && facts.kind !== 'Summons') {
    const department = facts.coHandling ? 'leadDepartmentCode' : 'departmentCode';
    fields.set(department, {
      name: department, kind: 'department', required: !facts.ownerDepartmentCode, initial: facts.ownerDepartmentCode ?? undefined,
    });
    if (facts.coHandling) fields.set('coHandlerCodes', { name: 'coHandlerCodes', kind: 'departments', required: false, initial: [] });
  }
  for (const name of requiredByFlow) {
    const existing = fields.get(name);
    fields.set(name, { ...(existing ?? { name, kind: kindOf(name) }), required: true });
  }
  return { commentRequired, fields: [...fields.values()] };
}

/** The `data` object of the completion: only the fields that have a value (a list only when it has entries). */
export function completionData(form: OutcomeForm, values: Record<string, unknown>): Record<string, string | string[]> | undefined {
  const data: Record<string, string | string[]> = {};
  for (const f of form.fields) {
    const v = values[f.name];
    if (typeof v === 'string' && v.trim() !== '') data[f.name] = v.trim();
    else if (Array.isArray(v) && v.length > 0) data[f.name] = v.filter((x): x is string => typeof x === 'string');
  }
  return Object.keys(data).length > 0 ? data : undefined;
}

/** Outcomes that send work back or end it unfavourably are shown as danger buttons. */
export function isAdverse(outcome: string): boolean {
  return ['Reject', 'Return', 'Fail', 'Unsatisfied'].includes(outcome);
}
