import { describe, expect, it } from 'vitest';
import { completionData, isAdverse, outcomeForm } from './outcomeFields';

const accept = { commentRequiredFor: ['Reject'] };

describe('outcomeForm', () => {
  it('asks for a catalog item when accepting an unclassified case, and a comment when rejecting', () => {
    expect(outcomeForm('Accept', 'Accept', accept, {})).toEqual({
      commentRequired: false,
      fields: [{ name: 'itemCode', kind: 'catalogItem', required: true, initial: undefined }],
    });
    expect(outcomeForm('Accept', 'Reject', accept, {})).toEqual({ commentRequired: true, fields: [] });
  });
  it('keeps a classified case on its item, changeable', () => {
    expect(outcomeForm('Accept', 'Accept', accept, { itemCode: '01.001' }).fields[0]).toMatchObject({ required: false, initial: '01.001' });
  });
  it('dispatches to the item owner by default and requires a department without one', () => {
    expect(outcomeForm('Dispatch', 'Dispatch', {}, { ownerDepartmentCode: 'CGJ' }).fields).toEqual([
      { name: 'departmentCode', kind: 'department', required: false, initial: 'CGJ' },
    ]);
    expect(outcomeForm('Dispatch', 'Dispatch', {}, {}).fields[0].required).toBe(true);
  });
  it('offers the lead and the co-handlers on a co-handling flow, the owner as the default lead', () => {
    expect(outcomeForm('Dispatch', 'Dispatch', {}, { ownerDepartmentCode: 'CGJ', coHandling: true }).fields).toEqual([
      { name: 'leadDepartmentCode', kind: 'department', required: false, initial: 'CGJ' },
      { name: 'coHandlerCodes', kind: 'departments', required: false, initial: [] },
    ]);
  });
  it('asks a summoned department for its response', () => {
    expect(outcomeForm('Handle', 'Reported', undefined, { kind: 'Summons' })).toEqual({ commentRequired: true, fields: [] });
  });
  it('adds the fields the flow requires for the outcome', () => {
    const inputs = { requiredFields: { Dispatch: ['departmentCode', 'note'] } };
    expect(outcomeForm('Dispatch', 'Dispatch', inputs, { ownerDepartmentCode: 'CGJ' }).fields).toEqual([
      { name: 'departmentCode', kind: 'department', required: true, initial: 'CGJ' },
      { name: 'note', kind: 'text', required: true },
    ]);
  });
  it('needs nothing for a plain outcome', () => {
    expect(outcomeForm('Handle', 'Complete', { commentRequiredFor: ['Return'] }, {})).toEqual({ commentRequired: false, fields: [] });
  });
});

describe('completionData', () => {
  it('sends only the filled fields', () => {
    const form = outcomeForm('Dispatch', 'Dispatch', { requiredFields: { Dispatch: ['note'] } }, {});
    expect(completionData(form, { departmentCode: 'ZJJ', note: '  ', other: 'x' })).toEqual({ departmentCode: 'ZJJ' });
    expect(completionData(form, {})).toBeUndefined();
  });
  it('sends the co-handlers as a list, and no list when none are chosen', () => {
    const form = outcomeForm('Dispatch', 'Dispatch', {}, { ownerDepartmentCode: 'CGJ', coHandling: true });
    expect(completionData(form, { leadDepartmentCode: 'SWJ', coHandlerCodes: ['CGJ', 'ZJJ'] })).toEqual({ leadDepartmentCode: 'SWJ', coHandlerCodes: ['CGJ', 'ZJJ'] });
    expect(completionData(form, { leadDepartmentCode: 'SWJ', coHandlerCodes: [] })).toEqual({ leadDepartmentCode: 'SWJ' });
  });
  it('marks the adverse outcomes', () => {
    expect(isAdverse('Return')).toBe(true);
    expect(isAdverse('Complete')).toBe(false);
  });
});
