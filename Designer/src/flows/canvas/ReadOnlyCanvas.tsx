import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Background, Controls, MiniMap, ReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityFlowNode, ConnectionEdge } from '../model/graph';
import { DecorationsContext, type CanvasDecorations } from './context';
import ActivityNodeView from './ActivityNodeView';

const nodeTypes = { activity: ActivityNodeView };
const defaultEdgeOptions = { markerEnd: { type: 'arrowclosed' as const, width: 16, height: 16 } };

interface Props {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
  decorations: CanvasDecorations;
  onNodeClick?: NodeMouseHandler<ActivityFlowNode>;
  minimap?: boolean;
}

/** A flow to look at: no dragging, no connecting; the decorations say what to show on it. */
function ReadOnlyCanvas({ nodes, edges, decorations, onNodeClick, minimap = true }: Props) {
  return (
    <DecorationsContext.Provider value={decorations}>
      <ReactFlow<ActivityFlowNode, ConnectionEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={!!onNodeClick}
        onNodeClick={onNodeClick}
        deleteKeyCode={null}
        onlyRenderVisibleElements={nodes.length > 120}
        minZoom={0.1}
        fitView
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
        {minimap && <MiniMap pannable zoomable />}
      </ReactFlow>
    </DecorationsContext.Provider>
  );
}

export default memo(ReadOnlyCanvas);
