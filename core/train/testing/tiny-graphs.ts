import type { Edge, EdgeId, GraphDoc, LayerNode, NodeId, Params } from '../../graph/types';

/**
 * Builds small graphs for compile/train tests: `chain` links nodes in order;
 * `edges` adds explicit `[from, to]` links (in input order for merges).
 */
export function graphOf(
  nodes: readonly { readonly name: string; readonly kind: string; readonly params?: Params }[],
  links: readonly (readonly [string, string])[] | 'chain' = 'chain',
): GraphDoc {
  const byName = new Map<string, LayerNode>();
  nodes.forEach((n, i) =>
    byName.set(n.name, {
      id: `n-${n.name}` as NodeId,
      kind: n.kind,
      name: n.name,
      params: n.params ?? {},
      position: { x: 0, y: i * 80 },
    }),
  );
  const pairs =
    links === 'chain' ? nodes.slice(1).map((n, i) => [nodes[i]!.name, n.name] as const) : links;
  const edges: Record<EdgeId, Edge> = {};
  pairs.forEach(([from, to], i) => {
    const id = `e-${i}-${from}-${to}` as EdgeId;
    edges[id] = { id, source: byName.get(from)!.id, target: byName.get(to)!.id };
  });
  return {
    nodes: Object.fromEntries([...byName.values()].map((n) => [n.id, n])) as Record<
      NodeId,
      LayerNode
    >,
    edges,
  };
}

/** Two Gaussian-ish blobs per class in `dims` dimensions, seeded: a task any MLP learns in a few epochs. */
export function blobs(
  count: number,
  dims: number,
  classes: number,
  seed = 1,
): { values: Float32Array; labels: Int32Array } {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values = new Float32Array(count * dims);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let d = 0; d < dims; d++)
      values[i * dims + d] = (d % classes === c ? 1.5 : 0) + (rand() - 0.5);
  }
  return { values, labels };
}
