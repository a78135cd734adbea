import type { LayerKind } from '../../capabilities';
import { conv2dFlops, planConv2d } from './engine';
import { importConv2d } from './import';
import { conv2dToTorch } from './pytorch';
import { conv2dToOnnx } from './onnx';
import { conv2dSpec } from './spec';

export const conv2dKind: LayerKind = {
  spec: conv2dSpec,
  tfjs: { supported: true, classNames: ['Conv2D'] },
  engine: { supported: true, plan: planConv2d, forwardFlops: conv2dFlops },
  pytorch: { supported: true, convert: conv2dToTorch },
  onnx: { supported: true, convert: conv2dToOnnx },
  import: { supported: true, classNames: ['Conv2D'], map: importConv2d },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: true,
    preActivation: 'linear-twin',
    receptiveField: { rule: 'window', axes: 2, pooling: false },
  },
};
