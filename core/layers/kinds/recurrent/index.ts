import type { InspectCapability, LayerKind } from '../../capabilities';
import { planGatedRecurrent, planSimpleRnn, recurrentFlops } from './engine';
import { importRecurrent } from './import';
import { recurrentToTorch } from './pytorch';
import { recurrentToOnnx } from './onnx';
import { gruSpec, lstmSpec, simpleRnnSpec } from './spec';

// A recurrent step depends on every earlier step: the field is the whole sequence.
const inspect: InspectCapability = {
  supported: true,
  featureMaps: true,
  filters: false,
  preActivation: 'inside-recurrence',
  receptiveField: { rule: 'global' },
};

export const simpleRnnKind: LayerKind = {
  spec: simpleRnnSpec,
  tfjs: { supported: true, classNames: ['SimpleRNN'] },
  engine: { supported: true, plan: planSimpleRnn, forwardFlops: recurrentFlops(1) },
  pytorch: { supported: true, convert: recurrentToTorch('SimpleRNN') },
  onnx: { supported: true, convert: recurrentToOnnx('SimpleRNN') },
  import: { supported: true, classNames: ['SimpleRNN'], map: importRecurrent('SimpleRNN') },
  inspect,
};

export const lstmKind: LayerKind = {
  spec: lstmSpec,
  tfjs: { supported: true, classNames: ['LSTM'] },
  engine: { supported: true, plan: planGatedRecurrent('LSTM'), forwardFlops: recurrentFlops(4) },
  pytorch: { supported: true, convert: recurrentToTorch('LSTM') },
  onnx: { supported: true, convert: recurrentToOnnx('LSTM') },
  import: { supported: true, classNames: ['LSTM'], map: importRecurrent('LSTM') },
  inspect,
};

export const gruKind: LayerKind = {
  spec: gruSpec,
  tfjs: { supported: true, classNames: ['GRU'] },
  engine: { supported: true, plan: planGatedRecurrent('GRU'), forwardFlops: recurrentFlops(3) },
  pytorch: { supported: true, convert: recurrentToTorch('GRU') },
  onnx: { supported: true, convert: recurrentToOnnx('GRU') },
  import: { supported: true, classNames: ['GRU'], map: importRecurrent('GRU') },
  inspect,
};
