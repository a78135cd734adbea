import { EngineUnsupported, rejectConfigKeys } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { embeddingOp } from '../../../engine/ops/recurrent';

/** A table lookup of int32 token ids (the chain's first layer). */
export function planEmbedding(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (inShape.length !== 1)
    throw new EngineUnsupported(
      'unsupported-setting',
      'Embedding needs a [length] input of token ids',
      name,
    );
  if (config.maskZero === true)
    throw new EngineUnsupported('unsupported-setting', 'Embedding maskZero', name);
  rejectConfigKeys(config, name, ['embeddingsRegularizer', 'embeddingsConstraint']);
  return {
    op: embeddingOp(name, inShape[0] ?? 1, Number(config.inputDim), Number(config.outputDim)),
    activation: null,
  };
}
