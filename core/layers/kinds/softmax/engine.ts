import { EngineUnsupported } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { activationOp } from '../../../engine/ops/simple';

/** Softmax over the last axis (fused with cross-entropy when it ends the chain). */
export function planSoftmax(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  const axis = config.axis ?? -1;
  if (axis !== -1 && axis !== inShape.length)
    throw new EngineUnsupported('unsupported-setting', `Softmax over axis ${String(axis)}`, name);
  return { op: activationOp(name, inShape, 'softmax'), activation: 'softmax' };
}
