import { createContext, useContext } from 'react';
import type { FlowLabels } from '../labels';
import type { CaseTrace } from '../model/caseTrace';
import type { ActivityDiff } from '../model/diff';
import type { ProblemMarks } from '../model/problems';
import type { ActivityDescriptor } from '../model/types';

/**
 * What nodes are decorated with. It lives in a context rather than in each node's data so that a new problem list
 * or diff does not rebuild the node array (and so the canvas) of a large flow.
 */
export interface CanvasDecorations {
  descriptors: Map<string, ActivityDescriptor>;
  marks?: Map<string, ProblemMarks>;
  diff?: Map<string, ActivityDiff>;
  trace?: CaseTrace;
  highlighted?: string;
}

export const DecorationsContext = createContext<CanvasDecorations>({ descriptors: new Map() });
export const useDecorations = () => useContext(DecorationsContext);

export const LabelsContext = createContext<FlowLabels | null>(null);

/** The canvas's labels (CanvasContext provides them). */
export function useCanvasLabels(): FlowLabels {
  const labels = useContext(LabelsContext);
  if (!labels) throw new Error('a node is drawn outside CanvasContext');
  return labels;
}
