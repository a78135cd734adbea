import type { Params } from '../../../graph/types';
import type { ImportError } from '../../../io/import/import-error';
import type { TopologyLayer } from '../../../io/import/topology';
import { ok } from '../../../result';
import type { Result } from '../../../result';
import { importableActivations, num, unsupportedSetting } from '../../../io/import/mapping-support';

/** Activation, and the activation layers Keras has as classes of their own (ReLU, ELU, LeakyReLU). */
export function importActivation(layer: TopologyLayer): Result<Params, ImportError> {
  switch (layer.className) {
    case 'ReLU':
      return layer.config['max_value'] == null
        ? ok({ activation: 'relu' })
        : unsupportedSetting(layer, 'max_value');
    case 'ELU':
      return num(layer.config, 'alpha', 1) === 1
        ? ok({ activation: 'elu' })
        : unsupportedSetting(layer, 'alpha ≠ 1');
    // The catalog's leakyRelu is TF.js's LeakyReLU layer with its default alpha 0.3.
    case 'LeakyReLU':
      return Math.abs(num(layer.config, 'alpha', 0.3) - 0.3) < 1e-7
        ? ok({ activation: 'leakyRelu' })
        : unsupportedSetting(layer, 'alpha ≠ 0.3');
    default: {
      const raw = String(layer.config['activation'] ?? 'linear');
      const mapped = importableActivations[raw];
      return mapped === undefined
        ? unsupportedSetting(layer, `activation "${raw}"`)
        : ok({ activation: mapped });
    }
  }
}
