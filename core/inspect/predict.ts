import * as tf from '@tensorflow/tfjs';

import { classCountOf, outputKindOf, toProbabilities } from './output-probabilities';
import type { ArrayND, InspectableModel } from './sample';
import { copyValues, sampleTensor } from './sample';

/** One bar of the predict panel. */
export interface ClassProbability {
  readonly classIndex: number;
  /** The dataset's class name, or `class N` when names are not known. */
  readonly className: string;
  readonly probability: number;
}

/** A prediction: probabilities in class order and the same sorted, most likely first. */
export interface Prediction {
  readonly probabilities: Float32Array;
  readonly ranked: readonly ClassProbability[];
}

/**
 * Class probabilities for one preprocessed sample (the caller applies the
 * same preprocessing as training: resize, colour mode, normalisation).
 * Sorted by probability, ties by class index.
 */
export function predictSample(
  model: InspectableModel,
  sample: ArrayND,
  classNames: readonly string[] = [],
): Prediction {
  const kind = outputKindOf(model);
  const probs = tf.tidy(() =>
    toProbabilities(kind, model.predict(sampleTensor(model, sample)) as tf.Tensor),
  );
  const probabilities = copyValues(probs);
  probs.dispose();
  const ranked = Array.from({ length: classCountOf(model) }, (_, classIndex) => ({
    classIndex,
    className: classNames[classIndex] ?? `class ${classIndex}`,
    probability: probabilities[classIndex] ?? 0,
  })).sort((a, b) => b.probability - a.probability || a.classIndex - b.classIndex);
  return { probabilities, ranked };
}
