import type { LayerKind } from '../../capabilities';
import { planDropout } from './engine';
import { importDropout } from './import';
import { dropoutToTorch } from './pytorch';
import { dropoutToOnnx } from './onnx';
import { dropoutSpec } from './spec';

export const dropoutKind: LayerKind = {
  spec: dropoutSpec,
  tfjs: { supported: true, classNames: ['Dropout'] },
  engine: { supported: true, plan: planDropout },
  pytorch: { supported: true, convert: dropoutToTorch },
  onnx: { supported: true, convert: dropoutToOnnx },
  import: { supported: true, classNames: ['Dropout'], map: importDropout },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'by-shape' },
  },
};
