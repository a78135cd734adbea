import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import type { Result } from '../../../result';
import { bool, num, withActivation } from '../../../io/import/mapping-support';

export function importDense(layer: TopologyLayer): Result<Params, ImportError> {
  return withActivation(layer, {
    units: num(layer.config, 'units', 1),
    useBias: bool(layer.config, 'use_bias', true),
    unitsFromDataset: false,
  });
}
