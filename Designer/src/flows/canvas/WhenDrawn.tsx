import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

/** Nodes far off screen are never drawn (so never measured) on a large canvas; then this long is long enough. */
const AT_THE_LATEST_MS = 1500;

/**
 * Nodes come with their size (toNode), so React Flow counts them initialized at once; their connections are drawn only
 * when the canvas has found where each node's ports are, which is what this waits for.
 */
const portsFound = (s: ReactFlowState) => {
  if (s.nodeLookup.size === 0) return false;
  for (const node of s.nodeLookup.values()) if (!node.hidden && !node.internals.handleBounds) return false;
  return true;
};

/**
 * Calls back once every node and connection has been drawn and that frame painted. What the first look at a large flow
 * does not need (palette, property panel, problems, minimap) waits for it, so that it does not compete with the canvas
 * for the main thread (antd's tabs even measure the page in the middle of the canvas's first frame).
 */
export function WhenDrawn({ onDrawn }: { onDrawn: () => void }) {
  const drawn = useStore(portsFound);
  useEffect(() => {
    const latest = window.setTimeout(onDrawn, AT_THE_LATEST_MS);
    return () => clearTimeout(latest);
  }, [onDrawn]);
  useEffect(() => {
    if (!drawn) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(onDrawn)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, onDrawn]);
  return null;
}
