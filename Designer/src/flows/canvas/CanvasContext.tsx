import type { ReactNode } from 'react';
import { useFlowLabels } from '../labels';
import { DecorationsContext, LabelsContext, type CanvasDecorations } from './context';

/**
 * What every node of a canvas reads: the decorations and the labels. The labels are looked up once here, not by each
 * node: i18next's useTranslation per node was a few percent of opening a 200-activity flow.
 */
export function CanvasContext({ decorations, children }: { decorations: CanvasDecorations; children: ReactNode }) {
  const labels = useFlowLabels();
  return (
    <LabelsContext.Provider value={labels}>
      <DecorationsContext.Provider value={decorations}>{children}</DecorationsContext.Provider>
    </LabelsContext.Provider>
  );
}
