import * as tf from '@tensorflow/tfjs';

import { headLoss } from '../train/head-losses';
import type { HeadPlan } from '../train/heads';
import type { LossKind, TrainingConfig } from '../train/config';

/** Creates the optimizer the settings describe, at its base learning rate. */
export function createOptimizer(optimizer: TrainingConfig['optimizer']): tf.Optimizer {
  const lr = optimizer.learningRate;
  switch (optimizer.kind) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, optimizer.momentum ?? 0.9);
    case 'adam':
      return tf.train.adam(
        lr,
        optimizer.beta1 ?? 0.9,
        optimizer.beta2 ?? 0.999,
        optimizer.epsilon ?? 1e-7,
      );
    case 'rmsprop':
      return tf.train.rmsprop(
        lr,
        optimizer.rho ?? 0.9,
        optimizer.momentum ?? 0,
        optimizer.epsilon ?? 1e-7,
      );
    case 'adagrad':
      return tf.train.adagrad(lr);
  }
}

/** TF.js loss identifiers by LayerLab loss kind (they happen to be equal; kept explicit). */
const tfLoss: Record<LossKind, string> = {
  categoricalCrossentropy: 'categoricalCrossentropy',
  sparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
  binaryCrossentropy: 'binaryCrossentropy',
  meanSquaredError: 'meanSquaredError',
};

/**
 * Compiles `model` for training with the settings' loss and optimizer and the
 * `accuracy` metric (TF.js picks categorical, sparse or binary accuracy from
 * the loss and output shape). Returns the optimizer so the caller can decay
 * its learning rate and dispose it. A model with output heads is compiled with
 * each head's own loss (the training loop scores heads itself, see
 * core/train/heads-runner.ts), so `model.evaluate` stays usable.
 */
export function compileForTraining(
  model: tf.LayersModel,
  config: TrainingConfig,
  heads: readonly HeadPlan[] | null = null,
): tf.Optimizer {
  const optimizer = createOptimizer(config.optimizer);
  if (heads) {
    const loss = heads.map((head) => (y: tf.Tensor, p: tf.Tensor) => headLoss(head.loss, y, p));
    model.compile({ optimizer, loss });
    return optimizer;
  }
  model.compile({ optimizer, loss: tfLoss[config.loss], metrics: ['accuracy'] });
  return optimizer;
}

/**
 * The learning rate for a 0-based epoch under the settings' decay:
 * `exponential`: lr·factor^epoch; `step`: lr·factor^⌊epoch/everyEpochs⌋.
 */
export function learningRateForEpoch(config: TrainingConfig, epoch: number): number {
  const base = config.optimizer.learningRate;
  const { kind, factor, everyEpochs } = config.learningRateDecay;
  if (kind === 'exponential') return base * factor ** epoch;
  if (kind === 'step') return base * factor ** Math.floor(epoch / Math.max(1, everyEpochs));
  return base;
}

/**
 * Changes an optimizer's learning rate in place. SGD and momentum cache it as
 * a tensor (`setLearningRate`); Adam, RMSprop and Adagrad read the field on
 * every step.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const o = optimizer as unknown as {
    setLearningRate?: (lr: number) => void;
    learningRate: number;
  };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(learningRate);
  else o.learningRate = learningRate;
}
