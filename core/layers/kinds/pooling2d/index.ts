import type { InspectCapability, LayerKind } from '../../capabilities';
import { planPooling2d } from './engine';
import { importPooling2d } from './import';
import { pooling2dToTorch } from './pytorch';
import { pooling2dToOnnx } from './onnx';
import { averagePooling2dSpec, maxPooling2dSpec } from './spec';

const inspect: InspectCapability = {
  supported: true,
  featureMaps: true,
  filters: false,
  preActivation: 'none',
  receptiveField: { rule: 'window', axes: 2, pooling: true },
};

export const maxPooling2dKind: LayerKind = {
  spec: maxPooling2dSpec,
  tfjs: { supported: true, classNames: ['MaxPooling2D'] },
  engine: { supported: true, plan: planPooling2d('max') },
  pytorch: { supported: true, convert: pooling2dToTorch('max') },
  onnx: { supported: true, convert: pooling2dToOnnx('max') },
  import: { supported: true, classNames: ['MaxPooling2D'], map: importPooling2d },
  inspect,
};

export const averagePooling2dKind: LayerKind = {
  spec: averagePooling2dSpec,
  tfjs: { supported: true, classNames: ['AveragePooling2D'] },
  engine: { supported: true, plan: planPooling2d('avg') },
  pytorch: { supported: true, convert: pooling2dToTorch('avg') },
  onnx: { supported: true, convert: pooling2dToOnnx('avg') },
  import: { supported: true, classNames: ['AveragePooling2D'], map: importPooling2d },
  inspect,
};
