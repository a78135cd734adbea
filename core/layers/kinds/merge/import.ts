import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { num } from '../../../io/import/mapping-support';

export function importAdd(): Result<Params, ImportError> {
  return ok({});
}

export function importConcatenate(layer: TopologyLayer): Result<Params, ImportError> {
  return ok({ axis: num(layer.config, 'axis', -1) });
}
