import type { ActivityDescriptor, ActivityNode, Json } from './types';

const asStringList = (value: Json | undefined): string[] | undefined =>
  Array.isArray(value) ? value.map((v) => (v == null ? '' : String(v))) : undefined;

/**
 * The outcome ports of an activity: the descriptor's, or for activities such as HumanTask and Fork the values
 * of the input that lists them (falling back to that input's default), as the server's validator reads them.
 */
export function outcomesOf(activity: Pick<ActivityNode, 'inputs'>, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return [];
  const from = descriptor.outcomesFromInput;
  if (from) {
    const listed = asStringList(activity.inputs?.[from]);
    if (listed) return listed;
    const fallback = asStringList(descriptor.inputs.find((i) => i.name === from)?.defaultValue);
    if (fallback) return fallback;
  }
  return descriptor.outcomes;
}
