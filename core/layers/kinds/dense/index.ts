import type { LayerKind } from '../../capabilities';
import { denseFlops, planDense } from './engine';
import { importDense } from './import';
import { denseToTorch } from './pytorch';
import { denseToOnnx } from './onnx';
import { denseSpec } from './spec';

export const denseKind: LayerKind = {
  spec: denseSpec,
  tfjs: { supported: true, classNames: ['Dense'] },
  engine: { supported: true, plan: planDense, forwardFlops: denseFlops },
  pytorch: { supported: true, convert: denseToTorch },
  onnx: { supported: true, convert: denseToOnnx },
  import: { supported: true, classNames: ['Dense'], map: importDense },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'linear-twin',
    receptiveField: { rule: 'by-shape' },
  },
};
