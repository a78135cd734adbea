import type { InspectCapability, LayerKind } from '../../capabilities';
import { planAdd, planConcatenate } from './engine';
import { importAdd, importConcatenate } from './import';
import { addToTorch, concatenateToTorch } from './pytorch';
import { addToOnnx, concatenateToOnnx } from './onnx';
import { addSpec, concatenateSpec } from './spec';

const inspect: InspectCapability = {
  supported: true,
  featureMaps: true,
  filters: false,
  preActivation: 'none',
  receptiveField: { rule: 'by-shape' },
};

export const addKind: LayerKind = {
  spec: addSpec,
  tfjs: { supported: true, classNames: ['Add'] },
  engine: { supported: true, merge: planAdd },
  pytorch: { supported: true, convert: addToTorch },
  onnx: { supported: true, convert: addToOnnx },
  import: { supported: true, classNames: ['Add'], map: importAdd },
  inspect,
};

export const concatenateKind: LayerKind = {
  spec: concatenateSpec,
  tfjs: { supported: true, classNames: ['Concatenate'] },
  engine: { supported: true, merge: planConcatenate },
  pytorch: { supported: true, convert: concatenateToTorch },
  onnx: { supported: true, convert: concatenateToOnnx },
  import: { supported: true, classNames: ['Concatenate'], map: importConcatenate },
  inspect,
};
