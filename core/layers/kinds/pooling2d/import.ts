import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { channelsLast, pair, unsupportedSetting } from '../../../io/import/mapping-support';

/** MaxPooling2D and AveragePooling2D; strides default to the pool size. */
export function importPooling2d(layer: TopologyLayer): Result<Params, ImportError> {
  if (!channelsLast(layer)) return unsupportedSetting(layer, 'channels_first data');
  const poolSize = pair(layer.config, 'pool_size', [2, 2]);
  const strides =
    layer.config['strides'] === null || layer.config['strides'] === undefined
      ? poolSize
      : pair(layer.config, 'strides', [2, 2]);
  return ok({ poolSize, strides, padding: String(layer.config['padding'] ?? 'valid') });
}
