import type { LayerKind } from '../../capabilities';
import { planSoftmax } from './engine';
import { importSoftmax } from './import';
import { softmaxToTorch } from './pytorch';
import { softmaxToOnnx } from './onnx';
import { softmaxSpec } from './spec';

export const softmaxKind: LayerKind = {
  spec: softmaxSpec,
  tfjs: { supported: true, classNames: ['Softmax'] },
  engine: { supported: true, plan: planSoftmax },
  pytorch: { supported: true, convert: softmaxToTorch },
  onnx: { supported: true, convert: softmaxToOnnx },
  import: { supported: true, classNames: ['Softmax'], map: importSoftmax },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'input',
    receptiveField: { rule: 'by-shape' },
  },
};
