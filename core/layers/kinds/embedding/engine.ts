import { EngineUnsupported, rejectConfigKeys } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import type { StepMask } from '../../../engine/ops/op';
import { embeddingOp } from '../../../engine/ops/recurrent';

/** A table lookup of int32 token ids (the chain's first layer); with maskZero, id 0 marks padding for the LSTM after it. */
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
  rejectConfigKeys(config, name, ['embeddingsRegularizer', 'embeddingsConstraint']);
  const length = inShape[0] ?? 1;
  const mask: StepMask | undefined =
    config.maskZero === true ? { steps: length, keep: new Uint8Array(0) } : undefined;
  return {
    op: embeddingOp(name, length, Number(config.inputDim), Number(config.outputDim), mask),
    activation: null,
    ...(mask ? { outMask: mask } : {}),
  };
}
