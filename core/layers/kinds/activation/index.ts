import type { LayerKind } from '../../capabilities';
import { planActivation } from './engine';
import { importActivation } from './import';
import { activationToTorch } from './pytorch';
import { activationToOnnx } from './onnx';
import { activationSpec } from './spec';

export const activationKind: LayerKind = {
  spec: activationSpec,
  // leakyRelu has no TF.js activation string: toTf builds TF.js's LeakyReLU layer for it.
  tfjs: { supported: true, classNames: ['Activation', 'LeakyReLU'] },
  engine: { supported: true, plan: planActivation },
  pytorch: { supported: true, convert: activationToTorch },
  onnx: { supported: true, convert: activationToOnnx },
  import: {
    supported: true,
    classNames: ['Activation', 'ReLU', 'ELU', 'LeakyReLU'],
    map: importActivation,
  },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'input',
    receptiveField: { rule: 'by-shape' },
  },
};
