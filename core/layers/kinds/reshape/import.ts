import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { unsupportedSetting } from '../../../io/import/mapping-support';

export function importReshape(layer: TopologyLayer): Result<Params, ImportError> {
  const target = layer.config['target_shape'];
  if (!Array.isArray(target) || !target.every((d) => typeof d === 'number' && d > 0))
    return unsupportedSetting(layer, 'a target shape with -1 or unknown sizes');
  return ok({ targetShape: target as number[] });
}
