import type { LayerKind } from '../../capabilities';
import { planFlatten } from './engine';
import { importFlatten } from './import';
import { flattenToTorch } from './pytorch';
import { flattenToOnnx } from './onnx';
import { flattenSpec } from './spec';

export const flattenKind: LayerKind = {
  spec: flattenSpec,
  tfjs: { supported: true, classNames: ['Flatten'] },
  engine: { supported: true, plan: planFlatten },
  pytorch: { supported: true, convert: flattenToTorch },
  onnx: { supported: true, convert: flattenToOnnx },
  import: { supported: true, classNames: ['Flatten'], map: importFlatten },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'global' },
  },
};
