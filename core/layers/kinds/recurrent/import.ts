import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import type { Result } from '../../../result';
import { bool, num, unsupportedSetting, withActivation } from '../../../io/import/mapping-support';

/** TF.js's recurrent cells gate with hard sigmoid by default; LayerLab's catalog builds exactly that. */
const catalogRecurrentActivation = new Set(['hard_sigmoid', 'hardSigmoid']);

/** SimpleRNN, LSTM and GRU as the catalog builds them (no reverse, state or reset_after). */
export function importRecurrent(kind: 'SimpleRNN' | 'LSTM' | 'GRU') {
  return (layer: TopologyLayer): Result<Params, ImportError> => {
    const c = layer.config;
    const recurrent = c['recurrent_activation'];
    if (
      kind !== 'SimpleRNN' &&
      recurrent !== undefined &&
      !catalogRecurrentActivation.has(String(recurrent))
    ) {
      return unsupportedSetting(
        layer,
        `recurrent_activation "${String(recurrent)}" (LayerLab's recurrent layers use TF.js's hard_sigmoid)`,
      );
    }
    if (
      bool(c, 'go_backwards', false) ||
      bool(c, 'stateful', false) ||
      bool(c, 'return_state', false)
    )
      return unsupportedSetting(layer, 'go_backwards, stateful or return_state');
    if (bool(c, 'reset_after', false)) return unsupportedSetting(layer, 'reset_after=true');
    if (c['use_bias'] === false) return unsupportedSetting(layer, 'use_bias=false');
    return withActivation(layer, {
      units: num(c, 'units', 1),
      returnSequences: bool(c, 'return_sequences', false),
    });
  };
}
