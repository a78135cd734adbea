import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { num } from '../../../io/import/mapping-support';

export function importDropout(layer: TopologyLayer): Result<Params, ImportError> {
  const seed = layer.config['seed'];
  return ok({ rate: num(layer.config, 'rate', 0.5), seed: typeof seed === 'number' ? seed : null });
}
