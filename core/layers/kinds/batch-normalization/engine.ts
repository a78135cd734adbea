import { EngineUnsupported, rejectConfigKeys } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { batchNormOp } from '../../../engine/ops/batch-norm';

/** Batch normalisation over the last axis, with center and scale. */
export function planBatchNormalization(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  const axis = Number(config.axis ?? -1);
  if (axis !== -1 && axis !== inShape.length)
    throw new EngineUnsupported(
      'unsupported-setting',
      'BatchNormalization over an axis other than the last',
      name,
    );
  if (config.center === false || config.scale === false)
    throw new EngineUnsupported(
      'unsupported-setting',
      'BatchNormalization without center or scale',
      name,
    );
  rejectConfigKeys(config, name, [
    'betaRegularizer',
    'gammaRegularizer',
    'betaConstraint',
    'gammaConstraint',
  ]);
  return {
    op: batchNormOp(name, inShape, Number(config.momentum ?? 0.99), Number(config.epsilon ?? 1e-3)),
    activation: null,
  };
}
