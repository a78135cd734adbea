import type { NpyArray } from '../../../io/export/pytorch/npz';
import {
  activationKey,
  f32,
  need,
  py,
  requireChannelsLast,
  TorchUnsupported,
} from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import { permuteAxes } from '../../../io/export/pytorch/tensor-layout';
import type { TopologyLayer } from '../../../io/import/topology';

/** The single entry of a Conv1D list config (`kernel_size: [3]`). */
function first(layer: TopologyLayer, key: string, fallback: number): number {
  const v = layer.config[key];
  return Number((Array.isArray(v) ? v[0] : v) ?? fallback);
}

/**
 * model.py's `Conv2dTF` with a 1 × k kernel on x[N, 1, T, C] (a sequence is an
 * image one row high, NHWC), then the row axis dropped: the same arithmetic
 * and padding as TF.js's Conv1D without a Python class of its own.
 */
export function conv1dToTorch(layer: TopologyLayer, weights: Weights): TorchLayer {
  requireChannelsLast(layer);
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const [k = 1, cin = 1, cout = 1] = kernel.shape;
  // [k, in, out] → [out, in, 1, k] (OIHW with H = 1)
  const oik = permuteAxes(kernel.values, kernel.shape, [2, 1, 0]);
  const state: Record<string, NpyArray> = { weight: f32(oik.values, [cout, cin, 1, k]) };
  if (bias !== undefined) state['bias'] = f32(bias.values, bias.shape);
  const padding = String(layer.config['padding'] ?? 'valid');
  if (padding !== 'same' && padding !== 'valid')
    throw new TorchUnsupported(layer.name, `padding "${padding}" is not supported`);
  const stride = first(layer, 'strides', 1);
  const dilation = first(layer, 'dilation_rate', 1);
  return {
    module: `Conv2dTF(${cin}, ${cout}, (1, ${k}), stride=(1, ${stride}), dilation=(1, ${dilation}), padding=${py(padding)}, bias=${py(bias !== undefined)}, activation=${py(activationKey(layer))})`,
    call: ([x], self) => `${self}(${x}.unsqueeze(1)).squeeze(1)`,
    state,
  };
}
