import type { LayerKind } from '../../capabilities';
import { outputHeadSpec } from './spec';

const severalOutputs = 'models with output heads (several outputs) are trained on TF.js only';

export const outputHeadKind: LayerKind = {
  spec: outputHeadSpec,
  tfjs: { supported: true, classNames: ['OutputHead'] },
  engine: { supported: false, reason: severalOutputs },
  pytorch: {
    supported: false,
    reason: 'the PyTorch export writes models with one output; output heads are not exported yet',
  },
  onnx: {
    supported: false,
    reason: 'the ONNX export writes models with one output; output heads are not exported yet',
  },
  import: { supported: false, reason: 'output heads are not read from model files yet' },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'by-shape' },
  },
};
