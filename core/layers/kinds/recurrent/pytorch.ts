import {
  activationKey,
  f32,
  need,
  py,
  TorchUnsupported,
} from '../../../io/export/pytorch/torch-support';
import type { TorchLayer, Weights } from '../../../io/export/pytorch/torch-support';
import type { TopologyLayer } from '../../../io/import/topology';
import type { NpyArray } from '../../../io/export/pytorch/npz';
import { transpose2d } from '../../../io/export/pytorch/tensor-layout';

/**
 * `RecurrentTF` (model.py) with TF.js's gate order and activations, or
 * `nn.LSTM` itself (`LSTMTF`) when the LSTM uses PyTorch's own activations.
 */
export function recurrentToTorch(cell: 'SimpleRNN' | 'LSTM' | 'GRU') {
  return (layer: TopologyLayer, weights: Weights): TorchLayer => {
    const c = layer.config;
    if (c['go_backwards'] === true || c['stateful'] === true || c['return_state'] === true) {
      throw new TorchUnsupported(
        layer.name,
        'go_backwards, stateful and return_state are not supported',
      );
    }
    if (c['reset_after'] === true)
      throw new TorchUnsupported(layer.name, 'GRU reset_after=true is not supported');
    const kernel = need(layer, weights, 'kernel');
    const recurrentKernel = need(layer, weights, 'recurrent_kernel');
    const bias = weights.get('bias');
    const [inputSize, gateUnits] = kernel.shape as [number, number];
    const units = recurrentKernel.shape[0] ?? 0;
    const ih = transpose2d(kernel.values, kernel.shape);
    const hh = transpose2d(recurrentKernel.values, recurrentKernel.shape);
    const state: Record<string, NpyArray> = {
      weight_ih_l0: f32(ih.values, ih.shape),
      weight_hh_l0: f32(hh.values, hh.shape),
      bias_ih_l0: f32(bias?.values ?? new Float32Array(gateUnits), [gateUnits]),
      bias_hh_l0: f32(new Float32Array(gateUnits), [gateUnits]),
    };
    const activation = activationKey(layer, 'activation', 'tanh');
    const recurrentActivation =
      cell === 'SimpleRNN'
        ? 'linear'
        : activationKey(layer, 'recurrent_activation', 'hard_sigmoid');
    const returnSequences = c['return_sequences'] === true;
    const exactLstm = cell === 'LSTM' && activation === 'tanh' && recurrentActivation === 'sigmoid';
    return {
      module: exactLstm
        ? `LSTMTF(${inputSize}, ${units}, return_sequences=${py(returnSequences)})`
        : `RecurrentTF(${py(cell)}, ${inputSize}, ${units}, ${py(activation)}, ${py(recurrentActivation)}, return_sequences=${py(returnSequences)})`,
      call: ([x], self, mask) => {
        if (exactLstm && mask !== null)
          throw new TorchUnsupported(layer.name, 'masking with nn.LSTM is not supported');
        return mask === null ? `${self}(${x})` : `${self}(${x}, mask=${mask})`;
      },
      state,
      mask: (_inputs, mask) => (returnSequences ? mask : null),
    };
  };
}
