import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type NodeChange, type NodeMouseHandler } from '@xyflow/react';
import { memo, useCallback, useEffect, useState } from 'react';
import type { ActivityFlowNode, ConnectionEdge } from '../model/graph';
import { CanvasContext } from './CanvasContext';
import type { CanvasDecorations } from './context';
import { canvasDefaults, onlyVisibleAbove } from './canvasDefaults';
import { FarZoom } from './FarZoom';

const MINIMAP_COLORS = { added: '#52c41a', removed: '#ff7875', changed: '#fa8c16', same: '#91caff' } as const;

interface Props {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
  decorations: CanvasDecorations;
  onNodeClick?: NodeMouseHandler<ActivityFlowNode>;
  minimap?: boolean;
}

/** A flow to look at: no dragging, no connecting; the decorations say what to show on it. */
function ReadOnlyCanvas({ nodes: given, edges, decorations, onNodeClick, minimap = true }: Props) {
  // The canvas writes each node's measured size back through onNodesChange; the minimap draws from it.
  const [nodes, setNodes] = useState(given);
  useEffect(() => setNodes(given), [given]);
  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type === 'dimensions' || c.type === 'select'), ns)),
    [],
  );
  return (
    <CanvasContext decorations={decorations}>
      <ReactFlow<ActivityFlowNode, ConnectionEdge>
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        {...canvasDefaults}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={!!onNodeClick}
        onNodeClick={onNodeClick}
        deleteKeyCode={null}
        onlyRenderVisibleElements={onlyVisibleAbove(nodes.length)}
      >
        <Background gap={20} size={1} />
        <FarZoom />
        <Controls showInteractive={false} />
        {minimap && <MiniMap pannable zoomable style={{ width: 160, height: 110 }} nodeColor={(n) => MINIMAP_COLORS[decorations.diff?.get(n.id)?.status ?? 'same']} />}
      </ReactFlow>
    </CanvasContext>
  );
}

export default memo(ReadOnlyCanvas);
