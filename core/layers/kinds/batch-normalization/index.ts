import type { LayerKind } from '../../capabilities';
import { planBatchNormalization } from './engine';
import { importBatchNormalization } from './import';
import { batchNormalizationToTorch } from './pytorch';
import { batchNormalizationToOnnx } from './onnx';
import { batchNormalizationSpec } from './spec';

export const batchNormalizationKind: LayerKind = {
  spec: batchNormalizationSpec,
  tfjs: { supported: true, classNames: ['BatchNormalization'] },
  engine: { supported: true, plan: planBatchNormalization },
  pytorch: { supported: true, convert: batchNormalizationToTorch },
  onnx: { supported: true, convert: batchNormalizationToOnnx },
  import: { supported: true, classNames: ['BatchNormalization'], map: importBatchNormalization },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'by-shape' },
  },
};
