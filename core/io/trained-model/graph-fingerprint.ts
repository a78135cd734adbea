import type { GraphDoc } from '../../graph/types';

/**
 * A short, stable name for what a trained model depends on in the graph:
 * every layer's kind, name and params, and every connection. Positions are
 * left out (moving a node keeps the model), layer names are kept (weights
 * are matched to layers by name). Equal fingerprints mean the saved weights
 * fit the network; a different one means the model is stale.
 *
 * Not a security hash: it only tells "same network" from "changed network".
 */
export function graphFingerprint(graph: GraphDoc): string {
  const nodes = Object.values(graph.nodes)
    .map((n) => [n.id, n.kind, n.name, sortedParams(n.params)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Edge order is merge-input order (core/graph/types.ts), so it is kept as is.
  const edges = Object.values(graph.edges).map((e) => [e.source, e.target] as const);
  return hashText(JSON.stringify({ nodes, edges }));
}

function sortedParams(params: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.keys(params)
    .sort()
    .map((k) => [k, params[k]]);
}

/** Two independent 32-bit string hashes (FNV-1a and a multiplicative one) plus the length. */
function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x12345678;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x9e3779b1) ^ (h2 >>> 15);
  }
  const hex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
  return `${hex(h1)}${hex(h2)}-${text.length.toString(36)}`;
}
