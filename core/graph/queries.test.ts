import { describe, expect, it } from 'vitest';

import { buildChain, mustConnect } from '../fixtures/build-graph';
import { addLayer } from './commands';
import {
  findCycle,
  incomingEdges,
  isReachable,
  isolatedNodes,
  outgoingEdges,
  sinkNodes,
  topologicalOrder,
} from './queries';
import type { Edge, EdgeId, GraphDoc, NodeId } from './types';

function withEdge(doc: GraphDoc, id: string, source: NodeId, target: NodeId): GraphDoc {
  const edge: Edge = { id: id as EdgeId, source, target };
  return { nodes: doc.nodes, edges: { ...doc.edges, [id]: edge } };
}

describe('graph queries', () => {
  const { doc, ids } = buildChain(['VectorInput', 'Dense', 'Dense', 'Dense']);

  it('orders a chain from input to output', () => {
    expect(topologicalOrder(doc)).toEqual(ids);
  });

  it('finds no cycle in a DAG and reports a cycle as a closed path', () => {
    expect(findCycle(doc)).toBeNull();
    const looped = withEdge(doc, 'eLoop', ids[3]!, ids[1]!);
    const cycle = findCycle(looped)!;
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
    expect(new Set(cycle)).toEqual(new Set([ids[1], ids[2], ids[3]]));
    expect(topologicalOrder(looped)).toEqual([ids[0]]);
  });

  it('handles a 5000-layer chain without deep recursion', () => {
    const n = 5000;
    const idsLong = Array.from({ length: n }, (_, i) => `n${i + 1}` as NodeId);
    const nodes = Object.fromEntries(
      idsLong.map((id, i) => [
        id,
        {
          id,
          kind: i === 0 ? 'VectorInput' : 'Dense',
          name: id,
          params: {},
          position: { x: 0, y: 0 },
        },
      ]),
    );
    const edges = Object.fromEntries(
      idsLong
        .slice(1)
        .map((id, i) => [
          `e${i + 1}`,
          { id: `e${i + 1}` as EdgeId, source: idsLong[i]!, target: id },
        ]),
    );
    const long: GraphDoc = { nodes, edges };
    expect(topologicalOrder(long)).toHaveLength(n);
    const looped = withEdge(long, 'eBack', idsLong[n - 1]!, idsLong[1]!);
    expect(findCycle(looped)).toHaveLength(n - 1 + 1);
  });

  it('lists incoming edges in input order and outgoing edges', () => {
    const extra = addLayer(doc, { kind: 'Add', position: { x: 0, y: 0 } });
    let g = mustConnect(extra.doc, ids[3]!, extra.nodeId);
    g = mustConnect(g, ids[1]!, extra.nodeId);
    expect(incomingEdges(g, extra.nodeId).map((e) => e.source)).toEqual([ids[3], ids[1]]);
    expect(outgoingEdges(g, ids[1]!).map((e) => e.target)).toEqual([ids[2], extra.nodeId]);
    expect(sinkNodes(g)).toEqual([extra.nodeId]);
  });

  it('answers reachability and finds isolated layers', () => {
    expect(isReachable(doc, ids[0]!, ids[3]!)).toBe(true);
    expect(isReachable(doc, ids[3]!, ids[0]!)).toBe(false);
    const lone = addLayer(doc, { kind: 'Dense', position: { x: 0, y: 0 } });
    expect(isolatedNodes(lone.doc)).toEqual([lone.nodeId]);
  });

  it('ignores edges to missing nodes when indexing', () => {
    const dangling = withEdge(doc, 'eGhost', ids[0]!, 'n404' as NodeId);
    expect(outgoingEdges(dangling, ids[0]!).map((e) => e.target)).toEqual([ids[1]]);
  });
});
