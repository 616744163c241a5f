import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ConnectionEdge } from './graph';

export const NODE_WIDTH = 220;
/** canvas.css: borders 3 + 1, padding 6 + 4, type 18, title 20, summary 16, 2 above the ports. */
const HEADER = 70;
const PORT_ROW = 22;

/**
 * The height a node is drawn with (ActivityNodeView sets it), so that layout is computed and a large flow is drawn
 * before the canvas has measured anything.
 */
export const nodeHeight = (outcomeCount: number) => HEADER + outcomeCount * PORT_ROW;

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
  const children: ElkNode[] = flowOrder(nodes, edges).map((n) => ({
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
      // Loops back (rework, second dispatch) are the edges to reverse, not the way forward from the start.
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // A long loop would be one very wide row; wrapping folds it into rows that fit a screen.
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': '1.8',
    },
    children,
    edges: elkEdges,
  };
}

/** Top-left positions by node id from ELK's answer. */
export function positionsFrom(layout: ElkNode): Map<string, { x: number; y: number }> {
  return new Map((layout.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}

/** Nodes in the order a case meets them: breadth-first from the activities nothing leads to, the rest after. */
export function flowOrder<T extends { id: string }>(nodes: T[], edges: { source: string; target: string }[]): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incoming = new Set(edges.filter((e) => e.source !== e.target && byId.has(e.source)).map((e) => e.target));
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const order: T[] = [];
  const queue = nodes.filter((n) => !incoming.has(n.id)).map((n) => n.id);
  const visit = (start: string[]) => {
    for (const id of start) if (!seen.has(id)) { seen.add(id); queue.push(id); }
    while (queue.length) {
      const id = queue.shift()!;
      if (byId.has(id)) order.push(byId.get(id)!);
      for (const to of next.get(id) ?? []) if (!seen.has(to) && byId.has(to)) { seen.add(to); queue.push(to); }
    }
  };
  const starts = queue.splice(0);
  visit(starts);
  for (const n of nodes) if (!seen.has(n.id)) visit([n.id]);
  return order;
}
