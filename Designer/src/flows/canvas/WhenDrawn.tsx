import { useNodesInitialized } from '@xyflow/react';
import { useEffect } from 'react';

/** Nodes far off screen are never drawn (so never measured) on a large canvas; then this long is long enough. */
const AT_THE_LATEST_MS = 1500;

/**
 * Calls back once every node has been measured and the frame showing them has been painted. What the first look at a
 * large flow does not need (palette, property panel, problems, minimap) waits for it, so that it does not compete with
 * the canvas for the main thread (antd's tabs even measure the page in the middle of the canvas's first frame).
 */
export function WhenDrawn({ onDrawn }: { onDrawn: () => void }) {
  const initialized = useNodesInitialized();
  useEffect(() => {
    const latest = window.setTimeout(onDrawn, AT_THE_LATEST_MS);
    return () => clearTimeout(latest);
  }, [onDrawn]);
  useEffect(() => {
    if (!initialized) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(onDrawn)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [initialized, onDrawn]);
  return null;
}
