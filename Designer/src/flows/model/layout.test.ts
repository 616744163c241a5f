import { describe, expect, it } from 'vitest';
import { definitionToGraph, layoutNodes } from './graph';
import { inPortId, nodeHeight, portId, positionsFrom, toElkGraph } from './layout';
import { descriptors, lifecycle } from './testData';

describe('layout input', () => {
  const byType = new Map(descriptors.map((d) => [d.type, d]));
  const graph = definitionToGraph(lifecycle(), byType);
  const nodes = layoutNodes(graph.nodes, byType);
  const elk = toElkGraph(nodes, graph.edges);

  it('is a left-to-right layered graph with every activity as a child', () => {
    expect(elk.layoutOptions?.['elk.algorithm']).toBe('layered');
    expect(elk.layoutOptions?.['elk.direction']).toBe('RIGHT');
    expect(elk.children!.map((c) => c.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  });

  it('lists activities in the order a case meets them, so loops back are the edges ELK reverses', () => {
    const order = elk.children!.map((c) => c.id);
    expect(order.slice(0, 4)).toEqual(['accept', 'dispatch', 'rejected', 'coHandled']);
    expect(order.indexOf('coHandled')).toBeLessThan(order.indexOf('handle'));
    expect(order.indexOf('verify')).toBeLessThan(order.indexOf('close'));
    expect(order.indexOf('evaluate')).toBeLessThan(order.indexOf('canRedispatch'));
  });

  it('gives each outcome an east port in drawing order and one west port for the way in', () => {
    const evaluate = elk.children!.find((c) => c.id === 'evaluate')!;
    expect(evaluate.ports!.map((p) => p.id)).toEqual([inPortId('evaluate'), portId('evaluate', 'Satisfied'), portId('evaluate', 'BasicallySatisfied'), portId('evaluate', 'Unsatisfied')]);
    expect(evaluate.ports!.slice(1).map((p) => p.layoutOptions!['elk.port.side'])).toEqual(['EAST', 'EAST', 'EAST']);
    expect(evaluate.height).toBe(nodeHeight(3));
  });

  it('routes each connection from its outcome port to the target’s way in', () => {
    expect(elk.edges).toHaveLength(graph.edges.length);
    const edge = elk.edges!.find((e) => e.id === graph.edges.find((g) => g.source === 'verify' && g.sourceHandle === 'Fail')!.id)!;
    expect(edge.sources).toEqual([portId('verify', 'Fail')]);
    expect(edge.targets).toEqual([inPortId('coHandled')]);
  });

  it('leaves out connections to activities that are not there and reads positions back', () => {
    const partial = toElkGraph(nodes.slice(0, 2), graph.edges);
    expect(partial.edges!.every((e) => e.sources[0].startsWith('accept') || e.sources[0].startsWith('rejected'))).toBe(true);
    const positions = positionsFrom({ id: 'root', children: [{ id: 'a', x: 10.6, y: 3.2 }] });
    expect(positions.get('a')).toEqual({ x: 11, y: 3 });
  });
});
