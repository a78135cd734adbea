import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { unsupportedSetting } from '../../../io/import/mapping-support';

export function importSoftmax(layer: TopologyLayer): Result<Params, ImportError> {
  const axis = layer.config['axis'];
  const last =
    axis === undefined ||
    axis === null ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1);
  return last ? ok({}) : unsupportedSetting(layer, `softmax over axis ${JSON.stringify(axis)}`);
}
