import type { Edge, GraphDoc, LayerNode, NodeId } from '../graph/types';

/**
 * Nodes in a deterministic topological order (Kahn's algorithm, ties broken
 * by the document's node order) and each node's incoming edges in input order
 * (edge insertion order, which fixes the operand order of merges).
 * Returns null for a cyclic graph; validation reports cycles, compile only refuses.
 */
export function compileOrder(
  graph: GraphDoc,
): { order: LayerNode[]; inputsOf: Map<NodeId, Edge[]> } | null {
  const nodes = Object.values(graph.nodes);
  const inputsOf = new Map<NodeId, Edge[]>(nodes.map((n) => [n.id, []]));
  const outDegree = new Map<NodeId, NodeId[]>(nodes.map((n) => [n.id, []]));
  for (const edge of Object.values(graph.edges)) {
    if (!inputsOf.has(edge.source) || !inputsOf.has(edge.target)) continue;
    inputsOf.get(edge.target)?.push(edge);
    outDegree.get(edge.source)?.push(edge.target);
  }
  const pending = new Map<NodeId, number>(
    nodes.map((n) => [n.id, inputsOf.get(n.id)?.length ?? 0]),
  );
  const order: LayerNode[] = [];
  const placed = new Set<NodeId>();
  while (order.length < nodes.length) {
    const next = nodes.find((n) => !placed.has(n.id) && pending.get(n.id) === 0);
    if (!next) return null;
    placed.add(next.id);
    order.push(next);
    for (const target of outDegree.get(next.id) ?? [])
      pending.set(target, (pending.get(target) ?? 0) - 1);
  }
  return { order, inputsOf };
}

/** Nodes no edge leaves from: the model's outputs, in document order. */
export function outputNodes(graph: GraphDoc): LayerNode[] {
  const sources = new Set(Object.values(graph.edges).map((e) => e.source));
  return Object.values(graph.nodes).filter((n) => !sources.has(n.id));
}
