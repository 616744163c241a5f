import type { Edge, Node } from '@xyflow/react';
import { NODE_WIDTH, nodeHeight, type LayoutNode } from './layout';
import { outcomesOf } from './outcomes';
import type { ActivityDescriptor, ActivityNode, Connection, WorkflowDefinition } from './types';

/** What a canvas node carries: the activity as stored, minus its position (React Flow keeps that). */
export type ActivityData = { activity: Omit<ActivityNode, 'position'> };
export type ActivityFlowNode = Node<ActivityData, 'activity'>;
/** The target port is kept so that a connection comes back exactly as it was loaded. */
export type ConnectionData = { targetPort?: string | null };
export type ConnectionEdge = Edge<ConnectionData>;

export interface Graph {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
}

export function edgeId(source: string, port: string | null | undefined, target: string, taken: Set<string>): string {
  const base = `${source}.${port ?? ''}->${target}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
  taken.add(id);
  return id;
}

/**
 * The node for an activity, with the size it will be drawn with as if already measured: React Flow then shows it, fits
 * the view and draws its connections in the first frames instead of waiting for every node's measurement to come
 * back through the canvas (a large flow's whole node array once more). The canvas still measures each node once and
 * corrects a size or port that differs.
 */
export function toNode(activity: ActivityNode, descriptor: ActivityDescriptor | undefined): ActivityFlowNode {
  const { position, ...rest } = activity;
  return {
    id: activity.id,
    type: 'activity',
    position: position ? { x: position.x, y: position.y } : { x: 0, y: 0 },
    data: { activity: rest },
    measured: { width: NODE_WIDTH, height: nodeHeight(outcomesOf(activity, descriptor).length) },
  };
}

export function toEdges(connections: Connection[], taken = new Set<string>()): ConnectionEdge[] {
  return connections.map((c) => ({
    id: edgeId(c.source.activity, c.source.port, c.target.activity, taken),
    source: c.source.activity,
    sourceHandle: c.source.port ?? null,
    target: c.target.activity,
    targetHandle: null,
    data: { targetPort: c.target.port },
  }));
}

export function definitionToGraph(definition: WorkflowDefinition, descriptors: ReadonlyMap<string, ActivityDescriptor>): Graph {
  return { nodes: definition.root.activities.map((a) => toNode(a, descriptors.get(a.type))), edges: toEdges(definition.root.connections) };
}

/** What automatic layout needs of each node: its ports in drawing order and the size it is drawn with. */
export function layoutNodes(nodes: ActivityFlowNode[], descriptors: ReadonlyMap<string, ActivityDescriptor>): LayoutNode[] {
  return nodes.map((n) => ({
    id: n.id, outcomes: outcomesOf(n.data.activity, descriptors.get(n.data.activity.type)), width: n.measured?.width, height: n.measured?.height,
  }));
}

/** True when no activity has a position yet: the only case where the designer lays a flow out by itself. */
export function hasNoPositions(definition: WorkflowDefinition): boolean {
  return definition.root.activities.length > 0 && definition.root.activities.every((a) => !a.position);
}

export function toActivity(node: ActivityFlowNode): ActivityNode {
  return { ...node.data.activity, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) } };
}

export function toConnection(edge: ConnectionEdge): Connection {
  const target: Connection['target'] = { activity: edge.target };
  if (edge.data?.targetPort !== undefined) target.port = edge.data.targetPort;
  return { source: { activity: edge.source, port: edge.sourceHandle ?? null }, target };
}

/** The definition with the canvas's activities and connections; everything else (name, variables...) from base. */
export function graphToDefinition(base: WorkflowDefinition, graph: Graph): WorkflowDefinition {
  return {
    ...base,
    root: { ...base.root, activities: graph.nodes.map(toActivity), connections: graph.edges.map(toConnection) },
  };
}

/** What the server adds beside a definition in its answers (validator findings), not part of the definition. */
const SERVER_NOTES = ['warnings', 'issues'];

export function definitionOnly(answer: WorkflowDefinition): WorkflowDefinition {
  const copy: Record<string, unknown> = { ...answer };
  for (const key of SERVER_NOTES) delete copy[key];
  return copy as WorkflowDefinition;
}
