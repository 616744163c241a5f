import { describe, expect, it } from 'vitest';
import { hasErrors, marksByActivity, problemsFrom } from './problems';

describe('server validation → problems on nodes', () => {
  it('reads the Host ProblemDetails (activity id → "Code: message")', () => {
    const body = {
      title: '流程定义校验未通过 / the definition is invalid',
      status: 400,
      errors: {
        handle: ['MissingInput: handle: input role is required', 'BadExpression: handle.timeLimit: Line 1: Unexpected token )'],
        verify: ['UnconnectedOutcome: outcome Fail of verify leads nowhere'],
        definition: ['NoStart: every activity has an incoming connection, so nothing starts the flow'],
      },
    };
    const problems = problemsFrom(body);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatchObject({ severity: 'error', activityId: 'handle', field: 'role', code: 'MissingInput' });
    expect(problems[1]).toMatchObject({ activityId: 'handle', field: 'timeLimit', code: 'BadExpression' });
    expect(problems[2]).toMatchObject({ activityId: 'verify', port: 'Fail', code: 'UnconnectedOutcome' });
    expect(problems[2].field).toBeUndefined();
    expect(problems[3]).toMatchObject({ code: 'NoStart' });
    expect(problems[3].activityId).toBeUndefined();
    expect(hasErrors(problems)).toBe(true);
  });

  it('reads a list of problems with a severity, warnings included', () => {
    const body = {
      definitionId: 'case-lifecycle',
      warnings: [{ activityId: 'close', code: 'UnsatisfiableClosure', message: 'closure needs a photo no task asks for', severity: 'Warning' }],
      problems: [{ activityId: 'accept', code: 'BadInput', message: 'accept.scope must be one of ...', severity: 'Error', input: 'scope' }],
    };
    const problems = problemsFrom(body);
    expect(problems).toEqual([
      { severity: 'error', activityId: 'accept', code: 'BadInput', message: 'accept.scope must be one of ...', field: 'scope' },
      { severity: 'warning', activityId: 'close', code: 'UnsatisfiableClosure', message: 'closure needs a photo no task asks for' },
    ]);
    expect(hasErrors(problems.slice(1))).toBe(false);
  });

  it('reads the engine’s issues once, not again from errors and warnings', () => {
    const body = {
      title: '流程定义校验未通过 / the definition is invalid',
      errors: { handle: ['MissingInput: handle: input role is required'] },
      issues: [
        { activityId: 'handle', input: 'role', code: 'MissingInput', message: 'handle: input role is required', severity: 'Error' },
        { activityId: 'verify', input: 'extra', code: 'UnknownInput', message: 'verify: HumanTask has no input extra', severity: 'Warning' },
      ],
      warnings: [{ activityId: 'verify', input: 'extra', code: 'UnknownInput', message: 'verify: HumanTask has no input extra', severity: 'Warning' }],
    };
    expect(problemsFrom(body)).toEqual([
      { severity: 'error', activityId: 'handle', code: 'MissingInput', message: 'handle: input role is required', field: 'role' },
      { severity: 'warning', activityId: 'verify', code: 'UnknownInput', message: 'verify: HumanTask has no input extra', field: 'extra' },
    ]);
  });

  it('marks each node with its worst severity and the inputs named', () => {
    const marks = marksByActivity(problemsFrom({
      errors: { a: ['MissingInput: a: input stage is required'] },
      warnings: [{ activityId: 'a', message: 'slow', severity: 'Warning' }, { activityId: 'b', message: 'x', severity: 'Warning' }],
    }));
    expect(marks.get('a')).toMatchObject({ severity: 'error', count: 2 });
    expect([...marks.get('a')!.fields]).toEqual(['stage']);
    expect(marks.get('b')!.severity).toBe('warning');
  });

  it('finds nothing in a saved draft without problems', () => {
    expect(problemsFrom({ definitionId: 'x', root: { activities: [], connections: [] } })).toEqual([]);
  });
});
