import type { LayerKind } from '../../capabilities';
import { planEmbedding } from './engine';
import { importEmbedding } from './import';
import { embeddingToTorch } from './pytorch';
import { embeddingToOnnx } from './onnx';
import { embeddingSpec } from './spec';

export const embeddingKind: LayerKind = {
  spec: embeddingSpec,
  tfjs: { supported: true, classNames: ['Embedding'] },
  engine: { supported: true, plan: planEmbedding },
  pytorch: { supported: true, convert: embeddingToTorch },
  onnx: { supported: true, convert: embeddingToOnnx },
  import: { supported: true, classNames: ['Embedding'], map: importEmbedding },
  inspect: {
    supported: true,
    featureMaps: true,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'by-shape' },
  },
};
