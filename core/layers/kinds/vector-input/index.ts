import type { LayerKind } from '../../capabilities';
import { importVectorInput } from './import';
import { vectorInputSpec } from './spec';

export const vectorInputKind: LayerKind = {
  spec: vectorInputSpec,
  tfjs: { supported: true, classNames: ['InputLayer'] },
  engine: { supported: true, networkInput: true },
  pytorch: { supported: true, networkInput: true },
  onnx: { supported: true, networkInput: true },
  import: { supported: true, classNames: ['InputLayer'], map: importVectorInput },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'input', axes: 0 },
  },
};
