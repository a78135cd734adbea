import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { globalAvgPoolOp } from '../../../engine/ops/pooling';

/** [H, W, C] → [C], the mean over H·W. */
export function planGlobalAveragePooling2d(
  { name }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  return { op: globalAvgPoolOp(name, inShape), activation: null };
}
