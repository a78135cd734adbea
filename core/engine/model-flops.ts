import type * as tf from '@tensorflow/tfjs';

/**
 * FLOPs of one training example (forward + backward ≈ 3 × the forward
 * multiply-adds × 2) of the conv, dense and recurrent layers: the work that
 * decides whether a batch is worth splitting across workers, and what the
 * benchmarks' GFLOP/s figures are measured against (pooling, activations and
 * the optimizer excluded).
 */
export function trainingFlopsPerExample(model: tf.LayersModel): number {
  let forward = 0;
  for (const layer of model.layers) {
    const config = layer.getConfig() as Record<string, unknown>;
    const out = layer.outputShape as number[];
    const input = layer.input;
    if (Array.isArray(input)) continue; // merges do no multiply-adds
    const inShape = input.shape;
    const cin = Number(inShape[inShape.length - 1]);
    const name = layer.getClassName();
    if (name === 'Conv2D') {
      const [kh, kw] = config.kernelSize as number[];
      forward += 2 * out[1]! * out[2]! * out[3]! * kh! * kw! * cin;
    } else if (name === 'Dense') {
      forward += 2 * cin * out[out.length - 1]!;
    } else if (name === 'LSTM' || name === 'GRU' || name === 'SimpleRNN') {
      const gates = name === 'LSTM' ? 4 : name === 'GRU' ? 3 : 1;
      const units = Number(config.units);
      const steps = Number(inShape[1]);
      forward += 2 * steps * gates * units * (cin + units);
    }
  }
  return 3 * forward;
}
