import { describe, expect, it } from 'vitest';
import { definitionOnly, definitionToGraph, graphToDefinition, hasNoPositions } from './graph';
import { stableStringify } from './json';
import { outcomesOf } from './outcomes';
import { descriptors, lifecycle } from './testData';

const byType = new Map(descriptors.map((d) => [d.type, d]));

describe('graph ↔ definition', () => {
  it('gives back the shipped lifecycle flow unchanged', () => {
    const definition = lifecycle();
    const graph = definitionToGraph(definition, byType);
    expect(graph.nodes).toHaveLength(definition.root.activities.length);
    expect(graph.edges).toHaveLength(definition.root.connections.length);
    const back = graphToDefinition(definition, graph);
    expect(stableStringify(back)).toBe(stableStringify(lifecycle()));
  });

  it('keeps a moved node where it was dropped and every other field as it was', () => {
    const definition = lifecycle();
    const graph = definitionToGraph(definition, byType);
    graph.nodes[0] = { ...graph.nodes[0], position: { x: 12.4, y: 99.6 } };
    const back = graphToDefinition(definition, graph);
    expect(back.root.activities[0].position).toEqual({ x: 12, y: 100 });
    expect(back.root.activities[0].inputs).toEqual(lifecycle().root.activities[0].inputs);
    expect(back.variables).toEqual({ maxDispatchRounds: 2, arbitrationAfterReturns: 2 });
  });

  it('gives every connection its own edge id, even a doubled one', () => {
    const definition = lifecycle();
    definition.root.connections.push(definition.root.connections[0]);
    const ids = definitionToGraph(definition, byType).edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends back no warnings the server put beside a saved draft', () => {
    const saved = { ...lifecycle(), warnings: [{ activityId: 'close', code: 'X', message: 'm', severity: 'Warning' }] };
    const back = graphToDefinition(definitionOnly(saved), definitionToGraph(saved, byType));
    expect(stableStringify(back)).toBe(stableStringify(lifecycle()));
  });

  it('lays out only a flow that has no positions at all', () => {
    const definition = lifecycle();
    expect(hasNoPositions(definition)).toBe(false);
    definition.root.activities.forEach((a) => delete a.position);
    expect(hasNoPositions(definition)).toBe(true);
  });
});

describe('outcome ports', () => {
  it('come from the outcomes input of a human task', () => {
    const accept = lifecycle().root.activities.find((a) => a.id === 'accept')!;
    expect(outcomesOf(accept, byType.get('HumanTask'))).toEqual(['Accept', 'Reject']);
  });
  it('fall back to the default of the listing input', () => {
    expect(outcomesOf({ inputs: {} }, byType.get('Fork'))).toEqual(['Branch1', 'Branch2']);
  });
  it('come from the descriptor otherwise', () => {
    expect(outcomesOf({}, byType.get('Decision'))).toEqual(['True', 'False']);
    expect(outcomesOf({}, undefined)).toEqual([]);
  });
});
