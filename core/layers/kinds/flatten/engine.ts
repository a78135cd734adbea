import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { flattenOp } from '../../../engine/ops/simple';

/** A view of its input: no copy, no kernel. */
export function planFlatten({ name }: PlannableLayer, inShape: readonly number[]): PlannedLayer {
  return { op: flattenOp(name, inShape), activation: null };
}
