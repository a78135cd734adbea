import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { channelsLast, unsupportedSetting } from '../../../io/import/mapping-support';

export function importFlatten(layer: TopologyLayer): Result<Params, ImportError> {
  return channelsLast(layer) ? ok({}) : unsupportedSetting(layer, 'channels_first data');
}
