import type { LayerKind } from '../../capabilities';
import { planGlobalAveragePooling2d } from './engine';
import { importGlobalAveragePooling2d } from './import';
import { globalAveragePooling2dToTorch } from './pytorch';
import { globalAveragePooling2dToOnnx } from './onnx';
import { globalAveragePooling2dSpec } from './spec';

export const globalAveragePooling2dKind: LayerKind = {
  spec: globalAveragePooling2dSpec,
  tfjs: { supported: true, classNames: ['GlobalAveragePooling2D'] },
  engine: { supported: true, plan: planGlobalAveragePooling2d },
  pytorch: { supported: true, convert: globalAveragePooling2dToTorch },
  onnx: { supported: true, convert: globalAveragePooling2dToOnnx },
  import: {
    supported: true,
    classNames: ['GlobalAveragePooling2D'],
    map: importGlobalAveragePooling2d,
  },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'global' },
  },
};
