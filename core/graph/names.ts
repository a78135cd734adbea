import type { GraphDoc, NodeId } from './types';

/**
 * Keras's `to_snake_case` for default layer names: `Conv2D` → `conv2d`,
 * `MaxPooling2D` → `max_pooling2d`, `SimpleRNN` → `simple_rnn`.
 */
export function snakeCaseKind(kind: string): string {
  return kind
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Names in use, optionally ignoring some nodes (the one being renamed). */
export function takenNames(doc: GraphDoc, except?: ReadonlySet<NodeId>): Set<string> {
  const names = new Set<string>();
  for (const node of Object.values(doc.nodes)) if (!except?.has(node.id)) names.add(node.name);
  return names;
}

/**
 * `wanted` if free, otherwise `base_N` with the smallest free N ≥ 1, where
 * base is `wanted` without a trailing `_N` (so `dense_1` → `dense_2`).
 */
export function uniqueLayerName(wanted: string, taken: ReadonlySet<string>): string {
  if (wanted !== '' && !taken.has(wanted)) return wanted;
  const base = wanted.replace(/_\d+$/, '') || 'layer';
  for (let n = 1; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Default name for a new layer of this kind: `dense_1`, `conv2d_2`… */
export function defaultLayerName(kind: string, taken: ReadonlySet<string>): string {
  return uniqueLayerName(`${snakeCaseKind(kind)}_1`, taken);
}
