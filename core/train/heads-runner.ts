import * as tf from '@tensorflow/tfjs';

import { setLearningRate } from '../compile/training-setup';
import { headLoss, headMetric } from './head-losses';
import { headTargetWidth, type HeadPlan } from './heads';
import type { BatchLoss, FillBatch, RunnerFactory } from './runner';
import { HostBatch, tfjsEvaluationChunk } from './host-batch';
import { restoreWeights, snapshotWeights } from './weight-snapshot';

/** The per-head scalars of one forward pass: total = Σ weight · loss. */
interface HeadTerms {
  readonly total: tf.Scalar;
  readonly losses: readonly tf.Scalar[];
  readonly metrics: readonly tf.Scalar[];
}

/**
 * Loss and metric of every head on a batch (`targets` holds the heads side by
 * side, see `encodeHeadTargets`). The per-head scalars are kept (`tf.keep`) so
 * they outlive the tidy scope of a gradient step; the caller disposes them.
 */
export function headTerms(
  heads: readonly HeadPlan[],
  targets: tf.Tensor2D,
  predictions: tf.Tensor | tf.Tensor[],
): HeadTerms {
  const outputs = Array.isArray(predictions) ? predictions : [predictions];
  const losses: tf.Scalar[] = [];
  const metrics: tf.Scalar[] = [];
  let total: tf.Scalar = tf.scalar(0);
  heads.forEach((head, i) => {
    const y = tf.slice(targets, [0, head.offset], [-1, head.units]);
    const p = tf.reshape(outputs[i]!, [-1, head.units]);
    const loss = headLoss(head.loss, y, p);
    losses.push(tf.keep(tf.clone(loss)));
    // Off the path to the total, so the gradient step never differentiates it.
    metrics.push(tf.keep(headMetric(head, y, p)));
    total = tf.add(total, tf.mul(loss, head.lossWeight));
  });
  return { total, losses, metrics };
}

/** Reads and disposes the per-head scalars: the batch's `BatchLoss`. */
async function readTerms(
  heads: readonly HeadPlan[],
  total: number,
  terms: Pick<HeadTerms, 'losses' | 'metrics'>,
): Promise<BatchLoss> {
  const losses = await Promise.all(terms.losses.map(async (t) => (await t.data())[0] as number));
  const metrics = await Promise.all(terms.metrics.map(async (t) => (await t.data())[0] as number));
  tf.dispose([...terms.losses, ...terms.metrics]);
  const firstClass = heads.findIndex((h) => h.target === 'class');
  return {
    loss: total,
    accuracy: firstClass >= 0 ? (metrics[firstClass] as number) : Number.NaN,
    heads: heads.map((_, i) => ({ loss: losses[i] as number, metric: metrics[i] as number })),
  };
}

/** Every head's loss and metric on one chunk, without training (validation, a test set). */
export async function evaluateHeadsChunk(
  model: tf.LayersModel,
  heads: readonly HeadPlan[],
  batch: HostBatch,
  indices: readonly number[],
  fill: FillBatch,
  batchSize: number,
): Promise<BatchLoss> {
  const [xs, ys] = await batch.tensors(indices, fill);
  try {
    const step: { terms: Pick<HeadTerms, 'losses' | 'metrics'> } = {
      terms: { losses: [], metrics: [] },
    };
    const totalTensor = tf.tidy(() => {
      const predictions = model.predict(xs, { batchSize }) as tf.Tensor | tf.Tensor[];
      const t = headTerms(heads, ys as tf.Tensor2D, predictions);
      step.terms = t;
      return t.total;
    });
    const total = (await totalTensor.data())[0] as number;
    totalTensor.dispose();
    return await readTerms(heads, total, step.terms);
  } finally {
    tf.dispose([xs, ys]);
  }
}

/**
 * TF.js training of a model with output heads: one optimizer step per batch
 * on the weighted sum of the heads' losses (Keras's `loss` + `loss_weights`),
 * written out rather than `model.compile`d so every head's loss and metric
 * (accuracy, IoU) comes back from the same forward pass. `tfjsRunner` hands a
 * run here when the loop found heads.
 */
export function headsRunner(heads: readonly HeadPlan[]): RunnerFactory {
  return async ({ model, samples, batchSize, optimizer }) => {
    const width = headTargetWidth(heads);
    const evaluationBatch = tfjsEvaluationChunk(batchSize);
    const training = new HostBatch(samples, batchSize, width);
    let validation: HostBatch | null = null;
    const variables = () => model.trainableWeights.map((w) => w.read() as tf.Variable);
    return {
      evaluationBatch,
      setLearningRate: (rate) => setLearningRate(optimizer, rate),
      async trainBatch(indices: readonly number[], fill: FillBatch) {
        const [xs, ys] = await training.tensors(indices, fill);
        let terms: Pick<HeadTerms, 'losses' | 'metrics'> = { losses: [], metrics: [] };
        try {
          const cost = optimizer.minimize(
            () => {
              const step = headTerms(
                heads,
                ys as tf.Tensor2D,
                model.apply(xs, { training: true }) as tf.Tensor[],
              );
              terms = step;
              return step.total;
            },
            true,
            variables(),
          );
          const total = cost ? ((await cost.data())[0] as number) : Number.NaN;
          cost?.dispose();
          return await readTerms(heads, total, terms);
        } finally {
          tf.dispose([xs, ys]);
        }
      },
      evaluateBatch(indices: readonly number[], fill: FillBatch) {
        validation ??= new HostBatch(samples, evaluationBatch, width);
        return evaluateHeadsChunk(model, heads, validation, indices, fill, batchSize);
      },
      syncModel: () => undefined,
      snapshot: (epoch) => snapshotWeights(model, epoch),
      restore: (snapshot) => restoreWeights(model, snapshot),
      dispose: () => Promise.resolve(),
    };
  };
}
