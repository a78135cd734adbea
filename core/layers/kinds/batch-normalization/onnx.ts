import { need, OnnxUnsupported } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer, Weights } from '../../../io/export/onnx/onnx-support';
import type { TopologyLayer } from '../../../io/import/topology';

/**
 * Inference-mode batch normalisation over the last axis, written as TF.js
 * computes it: (x − moving_mean) · gamma / sqrt(moving_variance + epsilon) + beta,
 * the per-channel constants broadcasting over the channels-last axis.
 */
export function batchNormalizationToOnnx(layer: TopologyLayer, weights: Weights): OnnxLayer {
  const axis = layer.config['axis'];
  if (!(
    axis === undefined ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  ))
    throw new OnnxUnsupported(
      layer.name,
      `normalisation over axis ${JSON.stringify(axis)} is not supported (only the last axis)`,
    );
  const mean = need(layer, weights, 'moving_mean');
  const variance = need(layer, weights, 'moving_variance');
  const n = mean.values.length;
  const gamma = weights.get('gamma')?.values ?? new Float32Array(n).fill(1);
  const beta = weights.get('beta')?.values ?? new Float32Array(n);
  const eps = Number(layer.config['epsilon'] ?? 0.001);
  // gamma / sqrt(var + eps) per channel, in float32 as TF.js's batchNorm kernel does.
  const scale = new Float32Array(n);
  for (let i = 0; i < n; i++)
    scale[i] = Math.fround(
      (gamma[i] as number) *
        Math.fround(1 / Math.fround(Math.sqrt(Math.fround((variance.values[i] as number) + eps)))),
    );
  return {
    emit: (g, [x]) => {
      const centred = g.node('Sub', [x!, g.floats('moving_mean', mean.values, [n])]);
      const scaled = g.node('Mul', [centred, g.floats('scale', scale, [n])]);
      return { output: g.node('Add', [scaled, g.floats('beta', beta, [n])]) };
    },
  };
}
