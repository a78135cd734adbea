import { activationKey, f32, need, py } from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';
import type { NpyArray } from '../../../io/export/pytorch/npz';
import { transpose2d } from '../../../io/export/pytorch/tensor-layout';

/** `DenseTF` (model.py): nn.Linear with TF.js's activation; the kernel transposed to [out, in]. */
export function denseToTorch(layer: TopologyLayer, weights: Weights): TorchLayer {
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const t = transpose2d(kernel.values, kernel.shape);
  const state: Record<string, NpyArray> = { weight: f32(t.values, t.shape) };
  if (bias !== undefined) state['bias'] = f32(bias.values, bias.shape);
  return {
    module: `DenseTF(${kernel.shape[0]}, ${kernel.shape[1]}, bias=${py(bias !== undefined)}, activation=${py(activationKey(layer))})`,
    call: ([x], self) => `${self}(${x})`,
    state,
  };
}
