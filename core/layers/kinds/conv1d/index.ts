import type { LayerKind } from '../../capabilities';
import { conv1dFlops, planConv1d } from './engine';
import { importConv1d } from './import';
import { conv1dToTorch } from './pytorch';
import { conv1dToOnnx } from './onnx';
import { conv1dSpec } from './spec';

export const conv1dKind: LayerKind = {
  spec: conv1dSpec,
  tfjs: { supported: true, classNames: ['Conv1D'] },
  engine: { supported: true, plan: planConv1d, forwardFlops: conv1dFlops },
  pytorch: { supported: true, convert: conv1dToTorch },
  onnx: { supported: true, convert: conv1dToOnnx },
  import: { supported: true, classNames: ['Conv1D'], map: importConv1d },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: true,
    preActivation: 'linear-twin',
    receptiveField: { rule: 'window', axes: 1, pooling: false },
  },
};
