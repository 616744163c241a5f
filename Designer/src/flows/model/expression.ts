import type { Expression, Json } from './types';

export const isExpression = (value: Json | undefined): value is Json & Expression =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'expression' in value &&
  !!value.expression && typeof value.expression === 'object' && !Array.isArray(value.expression);

export const expressionOf = (value: Json | undefined): string | undefined =>
  isExpression(value) ? String((value as unknown as Expression).expression.value ?? '') : undefined;

export const toExpression = (script: string): Json => ({ expression: { type: 'JavaScript', value: script } });

/**
 * Parses (never runs) a JavaScript expression the way the engine evaluates it, returning the parser's message or
 * null. `$case` and `vars` are parameters so that the names the engine provides do not look undefined.
 */
export function checkSyntax(script: string): string | null {
  if (!script.trim()) return null;
  try {
    new Function('$case', 'vars', `"use strict"; return (\n${script}\n);`);
    return null;
  } catch (first) {
    // A statement list (e.g. with `;` or `if`) is legal too; only if both forms fail is the script wrong.
    try {
      new Function('$case', 'vars', `"use strict";\n${script}\n`);
      return null;
    } catch {
      return first instanceof Error ? first.message : String(first);
    }
  }
}
