import type { EdgeId, NodeId } from './types';

/**
 * Fresh ids of the form `n12` / `e7`: never integer-like, so record key order
 * stays insertion order (the order of merge inputs depends on it).
 * Deterministic (one past the largest numeric suffix in use) so commands stay
 * pure and tests can predict ids.
 */
export function idAllocator<T extends string>(existing: Iterable<string>, prefix: string): () => T {
  let max = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of existing) {
    const match = pattern.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return () => `${prefix}${++max}` as T;
}

export const nodeIdPrefix = 'n';
export const edgeIdPrefix = 'e';

export function nodeIdAllocator(existing: Iterable<string>): () => NodeId {
  return idAllocator<NodeId>(existing, nodeIdPrefix);
}

export function edgeIdAllocator(existing: Iterable<string>): () => EdgeId {
  return idAllocator<EdgeId>(existing, edgeIdPrefix);
}
