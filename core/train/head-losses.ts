import * as tf from '@tensorflow/tfjs';

import type { HeadLoss } from '../layers/kinds/output-head/head-settings';
import type { HeadPlan } from './heads';

/** Probabilities are clipped to [ε, 1 − ε] before a log, as Keras does. */
const epsilon = 1e-7;

/**
 * Mean loss of a batch: `targets` and `predictions` are `[batch, units]`.
 * - categoricalCrossentropy: −Σ y·log p per row (p normalised to sum 1);
 * - binaryCrossentropy: −(y·log p + (1−y)·log(1−p)), averaged over units;
 * - meanSquaredError: (y − p)² averaged over units;
 * - huber (smooth L1, δ = 1): ½e² where |e| ≤ 1, |e| − ½ elsewhere, averaged over units.
 */
export function headLoss(kind: HeadLoss, targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy((): tf.Scalar => {
    switch (kind) {
      case 'categoricalCrossentropy': {
        const p = tf.clipByValue(
          tf.div(predictions, tf.sum(predictions, -1, true)),
          epsilon,
          1 - epsilon,
        );
        return tf.mean(tf.neg(tf.sum(tf.mul(targets, tf.log(p)), -1))) as tf.Scalar;
      }
      case 'binaryCrossentropy': {
        const p = tf.clipByValue(predictions, epsilon, 1 - epsilon);
        const terms = tf.add(
          tf.mul(targets, tf.log(p)),
          tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, p))),
        );
        return tf.neg(tf.mean(terms)) as tf.Scalar;
      }
      case 'meanSquaredError':
        return tf.mean(tf.square(tf.sub(targets, predictions))) as tf.Scalar;
      case 'huber': {
        const e = tf.abs(tf.sub(targets, predictions));
        const quadratic = tf.minimum(e, 1);
        const linear = tf.sub(e, quadratic);
        return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), linear)) as tf.Scalar;
      }
    }
  });
}

/**
 * Share of rows whose largest prediction is the target's class (one unit:
 * prediction above ½ against a 0/1 target).
 */
export function accuracyOf(targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const units = predictions.shape[predictions.shape.length - 1] ?? 1;
    const hits =
      units === 1
        ? tf.equal(tf.greater(predictions, 0.5), tf.greater(targets, 0.5))
        : tf.equal(tf.argMax(predictions, -1), tf.argMax(targets, -1));
    return tf.mean(tf.cast(hits, 'float32'));
  });
}

/**
 * Mean intersection over union of boxes given as rows `[x, y, width, height]`
 * (top-left corner and size, any common unit); a negative predicted size
 * counts as 0, and two empty boxes have IoU 0.
 */
export function meanIou(targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const [tx, ty, tw, th] = tf.split(targets, 4, -1);
    const [px, py, pwRaw, phRaw] = tf.split(predictions, 4, -1);
    const pw = tf.relu(pwRaw!);
    const ph = tf.relu(phRaw!);
    const overlap = (a0: tf.Tensor, aSize: tf.Tensor, b0: tf.Tensor, bSize: tf.Tensor) =>
      tf.relu(tf.sub(tf.minimum(tf.add(a0, aSize), tf.add(b0, bSize)), tf.maximum(a0, b0)));
    const inter = tf.mul(overlap(tx!, tw!, px!, pw), overlap(ty!, th!, py!, ph));
    const union = tf.sub(tf.add(tf.mul(tw!, th!), tf.mul(pw, ph)), inter);
    const iou = tf.where(
      tf.greater(union, 0),
      tf.div(inter, tf.maximum(union, 1e-12)),
      tf.zerosLike(union),
    );
    return tf.mean(iou);
  });
}

/** The head's metric on a batch: accuracy for classes, mean IoU for boxes. */
export function headMetric(
  head: Pick<HeadPlan, 'target'>,
  targets: tf.Tensor,
  predictions: tf.Tensor,
): tf.Scalar {
  return head.target === 'box' ? meanIou(targets, predictions) : accuracyOf(targets, predictions);
}

/** IoU of two boxes `[x, y, width, height]` (plain numbers: tests, reports). */
export function boxIou(a: readonly number[], b: readonly number[]): number {
  const [ax = 0, ay = 0, aw = 0, ah = 0] = a;
  const [bx = 0, by = 0, bw = 0, bh = 0] = b;
  const w = Math.max(0, Math.min(ax + Math.max(0, aw), bx + Math.max(0, bw)) - Math.max(ax, bx));
  const h = Math.max(0, Math.min(ay + Math.max(0, ah), by + Math.max(0, bh)) - Math.max(ay, by));
  const inter = w * h;
  const union = Math.max(0, aw) * Math.max(0, ah) + Math.max(0, bw) * Math.max(0, bh) - inter;
  return union > 0 ? inter / union : 0;
}
