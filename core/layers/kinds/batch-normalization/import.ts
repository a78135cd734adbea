import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { num, unsupportedSetting } from '../../../io/import/mapping-support';

export function importBatchNormalization(layer: TopologyLayer): Result<Params, ImportError> {
  const c = layer.config;
  const axis = c['axis'];
  if (!(
    axis === undefined ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  )) {
    // A positive axis is the last one only if it equals rank − 1, which the input shape decides; accept −1 only.
    return unsupportedSetting(
      layer,
      `normalisation over axis ${JSON.stringify(axis)} (LayerLab normalises the last axis, −1)`,
    );
  }
  if (c['center'] === false || c['scale'] === false)
    return unsupportedSetting(layer, 'center=false or scale=false');
  return ok({ momentum: num(c, 'momentum', 0.99), epsilon: num(c, 'epsilon', 0.001) });
}
