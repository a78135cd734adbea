import { maxLayerNameLength, type LayerNode, type NodeId } from '@core';

/** Why a layer name cannot be used, as an i18n key suffix; null when it is fine. */
export type NameProblem = 'empty' | 'tooLong' | 'duplicate' | 'invalid';

/**
 * Layer names become TF.js layer names and Keras config keys: unique in the
 * graph, non-empty, and made of letters, digits, `_`, `-`, `.`, `/` (TF.js
 * scope characters). CJK letters are allowed: they are letters.
 */
export function checkLayerName(
  name: string,
  selfId: NodeId,
  nodes: Readonly<Record<NodeId, LayerNode>>,
): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if ([...trimmed].length > maxLayerNameLength) return 'tooLong';
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}_.\-/]*$/u.test(trimmed)) return 'invalid';
  for (const other of Object.values(nodes)) {
    if (other.id !== selfId && other.name === trimmed) return 'duplicate';
  }
  return null;
}
