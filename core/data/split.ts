/**
 * Stratified, seeded train/validation split.
 *
 * Why not TF.js `validationSplit`: it takes the *last* samples before
 * shuffling, which for class-ordered folders is the last class. Why not Keras's
 * `int(share·N)`: classroom classes have 5–30 images and it can round to zero.
 * Here every class with at least 2 samples keeps at least 1 for validation and
 * at least 1 for training; a class of 1 goes to training only.
 */
import { createRng, deriveSeed, shuffleInPlace } from './random';

/** Indices into the sample list, each list in ascending order. */
export interface SplitIndices {
  readonly train: readonly number[];
  readonly validation: readonly number[];
}

/**
 * Splits samples per class. `labels[i]` is sample i's class index. The result
 * depends only on the labels' order, the seed and the share, so the same
 * folder (samples sorted by path) gives the same split on every machine.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  options: { seed: number; validationShare: number },
): SplitIndices {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    let list = byClass.get(c);
    if (list === undefined) byClass.set(c, (list = []));
    list.push(i);
  }
  const train: number[] = [];
  const validation: number[] = [];
  for (const [classIndex, members] of byClass) {
    const count = validationCountFor(members.length, options.validationShare);
    shuffleInPlace(members, createRng(deriveSeed(options.seed, classIndex)));
    validation.push(...members.slice(0, count));
    train.push(...members.slice(count));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}

/** How many of a class's `n` samples go to validation for a given share. */
export function validationCountFor(n: number, share: number): number {
  if (share <= 0 || n < 2) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * share)));
}

/**
 * Re-applies a split stored in the project: samples whose path is listed go to
 * validation, all others (including files added since) to training, so an old
 * run's validation set is never leaked into training.
 */
export function splitFromValidationPaths(
  paths: readonly string[],
  validationPaths: readonly string[],
): SplitIndices {
  const held = new Set(validationPaths);
  const train: number[] = [];
  const validation: number[] = [];
  paths.forEach((p, i) => (held.has(p) ? validation : train).push(i));
  return { train, validation };
}
