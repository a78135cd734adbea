import { f32, need, TorchUnsupported } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';

/** `BatchNormTF` (model.py) over the last axis, with the moving statistics as running ones. */
export function batchNormalizationToTorch(layer: TopologyLayer, weights: Weights): TorchLayer {
  const axis = layer.config['axis'];
  if (!(
    axis === undefined ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  )) {
    throw new TorchUnsupported(
      layer.name,
      `normalisation over axis ${JSON.stringify(axis)} is not supported (only the last axis)`,
    );
  }
  const mean = need(layer, weights, 'moving_mean');
  const variance = need(layer, weights, 'moving_variance');
  const n = mean.values.length;
  const gamma = weights.get('gamma')?.values ?? new Float32Array(n).fill(1);
  const beta = weights.get('beta')?.values ?? new Float32Array(n);
  const eps = Number(layer.config['epsilon'] ?? 0.001);
  return {
    module: `BatchNormTF(${n}, eps=${eps})`,
    call: ([x], self) => `${self}(${x})`,
    state: {
      weight: f32(gamma, [n]),
      bias: f32(beta, [n]),
      running_mean: f32(mean.values, [n]),
      running_var: f32(variance.values, [n]),
      num_batches_tracked: { dtype: 'int64', shape: [], values: new BigInt64Array(1) },
    },
  };
}
