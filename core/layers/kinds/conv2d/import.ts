import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import type { Result } from '../../../result';
import {
  bool,
  channelsLast,
  num,
  pair,
  unsupportedSetting,
  withActivation,
} from '../../../io/import/mapping-support';

export function importConv2d(layer: TopologyLayer): Result<Params, ImportError> {
  if (!channelsLast(layer)) return unsupportedSetting(layer, 'channels_first data');
  const c = layer.config;
  return withActivation(layer, {
    filters: num(c, 'filters', 1),
    kernelSize: pair(c, 'kernel_size', [3, 3]),
    strides: pair(c, 'strides', [1, 1]),
    padding: String(c['padding'] ?? 'valid'),
    dilationRate: pair(c, 'dilation_rate', [1, 1]),
    useBias: bool(c, 'use_bias', true),
  });
}
