import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ConnectionEdge } from './graph';

export const NODE_WIDTH = 220;
const HEADER = 58;
const PORT_ROW = 22;

/** The height a node is drawn with, so that layout can be computed before the canvas has measured anything. */
export const nodeHeight = (outcomeCount: number) => HEADER + Math.max(outcomeCount, 1) * PORT_ROW;

export interface LayoutNode {
  id: string;
  outcomes: string[];
  width?: number;
  height?: number;
}

export const portId = (nodeId: string, port: string) => `${nodeId}::${port}`;
export const inPortId = (nodeId: string) => `${nodeId}::<in>`;

/**
 * The ELK graph for a flow: left to right, layered, one east port per outcome in the order the node draws them,
 * one west port for the way in, so that edges leave the node where the handles really are.
 */
export function toElkGraph(nodes: LayoutNode[], edges: Pick<ConnectionEdge, 'id' | 'source' | 'sourceHandle' | 'target'>[]): ElkNode {
  const ids = new Set(nodes.map((n) => n.id));
  const children: ElkNode[] = nodes.map((n) => ({
    id: n.id,
    width: n.width ?? NODE_WIDTH,
    height: n.height ?? nodeHeight(n.outcomes.length),
    layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    ports: [
      { id: inPortId(n.id), layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': '0' } },
      ...n.outcomes.map((o, i) => ({ id: portId(n.id, o), layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) } })),
    ],
  }));
  const ports = new Set(children.flatMap((c) => c.ports!.map((p) => p.id)));
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const from = e.sourceHandle ? portId(e.source, e.sourceHandle) : e.source;
      return { id: e.id, sources: [ports.has(from) ? from : e.source], targets: [inPortId(e.target)] };
    });
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children,
    edges: elkEdges,
  };
}

/** Top-left positions by node id from ELK's answer. */
export function positionsFrom(layout: ElkNode): Map<string, { x: number; y: number }> {
  return new Map((layout.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}
