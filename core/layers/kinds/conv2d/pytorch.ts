import {
  activationKey,
  f32,
  need,
  pair,
  py,
  requireChannelsLast,
  TorchUnsupported,
} from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';
import type { NpyArray } from '../../../io/export/pytorch/npz';
import { permuteAxes } from '../../../io/export/pytorch/tensor-layout';

/** `Conv2dTF` (model.py): NHWC in and out, TF.js's same/valid padding; the kernel as OIHW. */
export function conv2dToTorch(layer: TopologyLayer, weights: Weights): TorchLayer {
  requireChannelsLast(layer);
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const [kh, kw, cin, cout] = kernel.shape;
  const oihw = permuteAxes(kernel.values, kernel.shape, [3, 2, 0, 1]);
  const state: Record<string, NpyArray> = { weight: f32(oihw.values, oihw.shape) };
  if (bias !== undefined) state['bias'] = f32(bias.values, bias.shape);
  const padding = String(layer.config['padding'] ?? 'valid');
  if (padding !== 'same' && padding !== 'valid')
    throw new TorchUnsupported(layer.name, `padding "${padding}" is not supported`);
  const strides = pair(layer, 'strides', [1, 1]);
  const dilation = pair(layer, 'dilation_rate', [1, 1]);
  return {
    module: `Conv2dTF(${cin}, ${cout}, (${kh}, ${kw}), stride=(${strides.join(', ')}), dilation=(${dilation.join(', ')}), padding=${py(padding)}, bias=${py(bias !== undefined)}, activation=${py(activationKey(layer))})`,
    call: ([x], self) => `${self}(${x})`,
    state,
  };
}
