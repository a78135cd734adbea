import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import {
  bool,
  channelsLast,
  num,
  unsupportedSetting,
  withActivation,
} from '../../../io/import/mapping-support';
import type { TopologyLayer } from '../../../io/import/topology';
import type { Result } from '../../../result';

/** `3` or `[3]` → `[3]`, as the catalog's one-entry list params hold it. */
function single(config: TopologyLayer['config'], key: string, fallback: number): number[] {
  const v = config[key];
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number') return [v[0]];
  return [num(config, key, fallback)];
}

export function importConv1d(layer: TopologyLayer): Result<Params, ImportError> {
  if (!channelsLast(layer)) return unsupportedSetting(layer, 'channels_first data');
  const c = layer.config;
  const padding = String(c['padding'] ?? 'valid');
  if (padding !== 'valid' && padding !== 'same')
    return unsupportedSetting(layer, `padding "${padding}" (LayerLab's Conv1D pads valid or same)`);
  return withActivation(layer, {
    filters: num(c, 'filters', 1),
    kernelSize: single(c, 'kernel_size', 3),
    strides: single(c, 'strides', 1),
    padding,
    dilationRate: single(c, 'dilation_rate', 1),
    useBias: bool(c, 'use_bias', true),
  });
}
