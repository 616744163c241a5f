import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

const FAR = 0.35;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR;
const domNodeOf = (s: ReactFlowState) => s.domNode;

/**
 * Marks the canvas "far" when zoomed out so far that small text cannot be read: CSS then leaves out the summaries and
 * port labels, which is most of what a large flow paints while it is panned. Nodes do not re-render for it.
 */
export function FarZoom() {
  const far = useStore(isFar);
  const dom = useStore(domNodeOf);
  useEffect(() => {
    dom?.classList.toggle('gc-far', far);
  }, [dom, far]);
  return null;
}
