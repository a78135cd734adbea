import type { InspectCapability, LayerKind, Unsupported } from '../../capabilities';
import { importAdd, importConcatenate } from './import';
import { addToTorch, concatenateToTorch } from './pytorch';
import { addToOnnx, concatenateToOnnx } from './onnx';
import { addSpec, concatenateSpec } from './spec';

// The engine trains chains; a merge joins branches.
const engine: Unsupported = {
  supported: false,
  reason: 'the engine trains chains of layers; merges are not in it yet',
};

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
  engine,
  pytorch: { supported: true, convert: addToTorch },
  onnx: { supported: true, convert: addToOnnx },
  import: { supported: true, classNames: ['Add'], map: importAdd },
  inspect,
};

export const concatenateKind: LayerKind = {
  spec: concatenateSpec,
  tfjs: { supported: true, classNames: ['Concatenate'] },
  engine,
  pytorch: { supported: true, convert: concatenateToTorch },
  onnx: { supported: true, convert: concatenateToOnnx },
  import: { supported: true, classNames: ['Concatenate'], map: importConcatenate },
  inspect,
};
