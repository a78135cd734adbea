import type { AugmentationOptions } from '../../../data/augment';
import type { TrainingConfig } from '../../../train/config';
import type { Topology } from '../../import/topology';
import type { NamedWeight } from '../../import/weights';
import { attributeNames } from './model-py';
import { traceTorchState } from './torch-state-map';

/**
 * How the project trains, for the exported `train.py`: the settings, the
 * validation files LayerLab held out (so a run elsewhere validates on the same
 * files), and the augmentation. The Export panel and the CLI fill it from the
 * project; without it the export has no train.py.
 */
export interface TrainScriptSetup {
  readonly training: TrainingConfig;
  /** Sample keys (relative paths, `path#line` for line samples) of the validation split; null: re-split by seed. */
  readonly validationKeys: readonly string[] | null;
  readonly augmentation: AugmentationOptions | null;
}

/** Epochs already trained into the exported weights: train.py continues the decay and shuffles from there. */
export type EpochsTrained = number;

/**
 * `train-config.json`, read by train.py. JSON only: every user string
 * (class names, file names) stays data, never Python source. Beside the
 * settings it lists the state_dict entries TF.js has no weight for (`frozen`:
 * train.py keeps them as exported, so the result loads back into LayerLab)
 * and each BatchNormalization's Keras momentum by model.py attribute.
 */
export function buildTrainConfig(
  topology: Topology,
  weights: readonly NamedWeight[],
  setup: TrainScriptSetup,
  epochsTrained: EpochsTrained,
): string {
  const trace = traceTorchState(topology, weights) ?? {};
  const frozen = Object.entries(trace)
    .filter(([, s]) => s.constant !== null && s.weight.every((w) => w < 0))
    .map(([key]) => key);
  const attrs = attributeNames(topology.layers.map((l) => l.name));
  const batchNormMomentum: Record<string, number> = {};
  for (const layer of topology.layers)
    if (layer.className === 'BatchNormalization')
      batchNormMomentum[attrs.get(layer.name) ?? layer.name] = Number(
        layer.config['momentum'] ?? 0.99,
      );
  const config = {
    format: 'layerlab-train-config',
    version: 1,
    training: setup.training,
    split: {
      seed: setup.training.seed,
      validationShare: setup.training.validationShare,
      validationKeys: setup.validationKeys,
    },
    image: setup.augmentation === null ? null : { augmentation: setup.augmentation },
    epochsTrained,
    frozen,
    batchNormMomentum,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
