import type { LayerKind } from '../../capabilities';
import { importReshape } from './import';
import { reshapeToTorch } from './pytorch';
import { reshapeToOnnx } from './onnx';
import { reshapeSpec } from './spec';

export const reshapeKind: LayerKind = {
  spec: reshapeSpec,
  tfjs: { supported: true, classNames: ['Reshape'] },
  engine: { supported: false, reason: 'Reshape layers are not in the engine yet' },
  pytorch: { supported: true, convert: reshapeToTorch },
  onnx: { supported: true, convert: reshapeToOnnx },
  import: { supported: true, classNames: ['Reshape'], map: importReshape },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'none' },
  },
};
