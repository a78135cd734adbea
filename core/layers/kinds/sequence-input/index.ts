import type { LayerKind } from '../../capabilities';
import { importSequenceInput } from './import';
import { sequenceInputSpec } from './spec';

export const sequenceInputKind: LayerKind = {
  spec: sequenceInputSpec,
  tfjs: { supported: true, classNames: ['InputLayer'] },
  engine: { supported: true, networkInput: true },
  pytorch: { supported: true, networkInput: true },
  onnx: { supported: true, networkInput: true },
  import: { supported: true, classNames: ['InputLayer'], map: importSequenceInput },
  inspect: {
    supported: true,
    featureMaps: false,
    filters: false,
    preActivation: 'none',
    receptiveField: { rule: 'input', axes: 1 },
  },
};
