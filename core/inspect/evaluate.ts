import * as tf from '@tensorflow/tfjs';

import { InspectError } from './inspect-error';
import { classCountOf, outputKindOf, toProbabilities } from './output-probabilities';
import type { InspectableModel } from './sample';
import { inputDtype, modelInputShape } from './sample';

/** A batch of preprocessed samples with their class indices. */
export interface LabelledBatch {
  /** `count × sampleSize` values, preprocessed exactly as for training (token ids for text models). */
  readonly xs: Float32Array | Int32Array;
  /** Class index per sample (0-based, the dataset's class order). */
  readonly labels: ArrayLike<number>;
}

/**
 * Where evaluation reads samples from: the validation (or test) split.
 * `readBatch(start, end)` returns samples [start, end); it may be async
 * (samples decoded on demand) or sync (arrays already in memory).
 */
export interface EvaluationSource {
  readonly count: number;
  readBatch(start: number, end: number): LabelledBatch | Promise<LabelledBatch>;
}

/** Precision, recall and F1 of one class; NaN-free (0 when undefined). */
export interface ClassMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Samples whose true class is this one. */
  readonly support: number;
}

/** One wrong prediction, for the most-confident-mistakes gallery. */
export interface Mistake {
  readonly index: number;
  readonly trueClass: number;
  readonly predictedClass: number;
  /** Probability the model gave its (wrong) answer. */
  readonly confidence: number;
  /** Probability the model gave the right class. */
  readonly trueProbability: number;
}

/** Everything the evaluation panel shows, as plain arrays. */
export interface EvaluationReport {
  readonly count: number;
  readonly classCount: number;
  readonly accuracy: number;
  /** Mean cross-entropy of the true class (Keras clips p to [1e-7, 1 − 1e-7]). */
  readonly loss: number;
  /** `classCount²` counts, row = true class, column = predicted class. */
  readonly confusion: Int32Array;
  /** The same, each row divided by its total (0 for empty rows). */
  readonly confusionRates: Float32Array;
  readonly perClass: readonly ClassMetrics[];
  /** Unweighted means over classes that occur or are predicted. */
  readonly macro: { readonly precision: number; readonly recall: number; readonly f1: number };
  /** Per sample: true class, predicted class, probability of the prediction and of the true class. */
  readonly labels: Int32Array;
  readonly predictions: Int32Array;
  readonly confidences: Float32Array;
  readonly trueProbabilities: Float32Array;
  /** Wrong predictions, most confident first (at most `mistakeLimit`). */
  readonly mistakes: readonly Mistake[];
}

/** Options for `evaluateModel`. */
export interface EvaluateOptions {
  /** Samples per forward pass. 256 keeps memory small and WASM busy. */
  readonly batchSize?: number;
  readonly mistakeLimit?: number;
  /** Called after each batch with the share done (0..1); lets the worker report progress. */
  readonly onProgress?: (done: number) => void;
}

const EPSILON = 1e-7;

/** Sample indices behind one confusion-matrix cell (true class `row`, predicted `column`). */
export function samplesInCell(
  report: Pick<EvaluationReport, 'labels' | 'predictions'>,
  row: number,
  column: number,
): number[] {
  const indices: number[] = [];
  for (let i = 0; i < report.labels.length; i++)
    if (report.labels[i] === row && report.predictions[i] === column) indices.push(i);
  return indices;
}

/** Precision/recall/F1 per class from a confusion matrix (row = truth). */
export function classMetrics(confusion: ArrayLike<number>, classCount: number): ClassMetrics[] {
  const metrics: ClassMetrics[] = [];
  for (let c = 0; c < classCount; c++) {
    let rowSum = 0;
    let colSum = 0;
    for (let k = 0; k < classCount; k++) {
      rowSum += confusion[c * classCount + k] ?? 0;
      colSum += confusion[k * classCount + c] ?? 0;
    }
    const tp = confusion[c * classCount + c] ?? 0;
    const precision = colSum > 0 ? tp / colSum : 0;
    const recall = rowSum > 0 ? tp / rowSum : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    metrics.push({ precision, recall, f1, support: rowSum });
  }
  return metrics;
}

/**
 * Runs the model over every sample of `source` in batches and builds the
 * evaluation report: accuracy, loss, confusion matrix (counts and
 * row-normalised rates), per-class precision/recall/F1, predictions per
 * sample (for "click a cell, see its samples") and the most confident
 * mistakes. Tensors are created and disposed per batch.
 */
export async function evaluateModel(
  model: InspectableModel,
  source: EvaluationSource,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const { batchSize = 256, mistakeLimit = 48, onProgress } = options;
  const count = source.count;
  if (!Number.isInteger(count) || count < 1)
    throw new InspectError('bad-evaluation-data', 'there are no samples to evaluate');
  const sampleShape = modelInputShape(model);
  const sampleSize = sampleShape.reduce((a, b) => a * b, 1);
  const kind = outputKindOf(model);
  const classCount = classCountOf(model);
  const labels = new Int32Array(count);
  const predictions = new Int32Array(count);
  const confidences = new Float32Array(count);
  const trueProbabilities = new Float32Array(count);
  const confusion = new Int32Array(classCount * classCount);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const batch = await source.readBatch(start, end);
    const n = end - start;
    if (batch.xs.length !== n * sampleSize || batch.labels.length !== n) {
      throw new InspectError(
        'bad-evaluation-data',
        `batch [${start}, ${end}) has ${batch.xs.length} values and ${batch.labels.length} labels; expected ${n * sampleSize} and ${n}`,
      );
    }
    const probs = tf.tidy(() =>
      toProbabilities(
        kind,
        model.predict(tf.tensor(batch.xs, [n, ...sampleShape], inputDtype(model))) as tf.Tensor,
      ),
    );
    const p = probs.dataSync() as Float32Array;
    probs.dispose();
    for (let i = 0; i < n; i++) {
      const label = batch.labels[i] as number;
      if (!Number.isInteger(label) || label < 0 || label >= classCount) {
        throw new InspectError(
          'bad-evaluation-data',
          `sample ${start + i} has label ${label}; the model has ${classCount} classes`,
        );
      }
      let best = 0;
      for (let c = 1; c < classCount; c++)
        if ((p[i * classCount + c] as number) > (p[i * classCount + best] as number)) best = c;
      const pTrue = p[i * classCount + label] as number;
      labels[start + i] = label;
      predictions[start + i] = best;
      confidences[start + i] = p[i * classCount + best] as number;
      trueProbabilities[start + i] = pTrue;
      confusion[label * classCount + best] = (confusion[label * classCount + best] ?? 0) + 1;
      lossSum -= Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, pTrue)));
      if (best === label) correct++;
    }
    onProgress?.(end / count);
  }
  const confusionRates = new Float32Array(classCount * classCount);
  for (let r = 0; r < classCount; r++) {
    let total = 0;
    for (let c = 0; c < classCount; c++) total += confusion[r * classCount + c] ?? 0;
    for (let c = 0; c < classCount; c++)
      confusionRates[r * classCount + c] =
        total > 0 ? (confusion[r * classCount + c] ?? 0) / total : 0;
  }
  const perClass = classMetrics(confusion, classCount);
  const seen = perClass.filter(
    (m, c) => m.support > 0 || confusion.some((v, i) => i % classCount === c && v > 0),
  );
  const mean = (f: (m: ClassMetrics) => number): number =>
    seen.length ? seen.reduce((s, m) => s + f(m), 0) / seen.length : 0;
  const mistakes: Mistake[] = [];
  for (let i = 0; i < count; i++) {
    if (predictions[i] !== labels[i]) {
      mistakes.push({
        index: i,
        trueClass: labels[i] as number,
        predictedClass: predictions[i] as number,
        confidence: confidences[i] as number,
        trueProbability: trueProbabilities[i] as number,
      });
    }
  }
  mistakes.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return {
    count,
    classCount,
    accuracy: correct / count,
    loss: lossSum / count,
    confusion,
    confusionRates,
    perClass,
    macro: {
      precision: mean((m) => m.precision),
      recall: mean((m) => m.recall),
      f1: mean((m) => m.f1),
    },
    labels,
    predictions,
    confidences,
    trueProbabilities,
    mistakes: mistakes.slice(0, mistakeLimit),
  };
}

/** An `EvaluationSource` over arrays already in memory. */
export function arraySource(
  xs: Float32Array | Int32Array,
  labels: ArrayLike<number>,
  sampleSize: number,
): EvaluationSource {
  return {
    count: labels.length,
    readBatch: (start, end) => ({
      xs: xs.subarray(start * sampleSize, end * sampleSize),
      labels: Array.from({ length: end - start }, (_, i) => labels[start + i] as number),
    }),
  };
}
