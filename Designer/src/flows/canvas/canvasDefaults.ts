import ActivityNodeView from './ActivityNodeView';

/** What every GridCase canvas (editor, diff, a case's diagram) shares; module constants, so React Flow never re-reads them. */
export const canvasDefaults = {
  nodeTypes: { activity: ActivityNodeView },
  defaultEdgeOptions: { type: 'default', markerEnd: { type: 'arrowclosed' as const, width: 16, height: 16 }, interactionWidth: 12 },
  fitViewOptions: { padding: 0.04 },
  minZoom: 0.1,
  fitView: true,
};

/** Above this many activities only what is on screen is drawn. */
export const onlyVisibleAbove = (count: number) => count > 120;
