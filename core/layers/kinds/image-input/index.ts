import type { LayerKind } from '../../capabilities';
import { importImageInput } from './import';
import { imageInputSpec } from './spec';

export const imageInputKind: LayerKind = {
  spec: imageInputSpec,
  tfjs: { supported: true, classNames: ['InputLayer'] },
  engine: { supported: true, networkInput: true },
  pytorch: { supported: true, networkInput: true },
  onnx: { supported: true, networkInput: true },
  import: { supported: true, classNames: ['InputLayer'], map: importImageInput },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'input', axes: 2 },
  },
};
