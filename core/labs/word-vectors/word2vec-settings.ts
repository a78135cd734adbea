/**
 * The settings of a word2vec run, named and defaulted as in the reference C
 * word2vec (`-size 100 -window 5 -negative 5 -min-count 5 -sample 1e-3 -iter 5`,
 * `-alpha` 0.025 for skip-gram and 0.05 for CBOW).
 */

export type Word2VecArchitecture = 'skip-gram' | 'cbow';

export interface Word2VecTrainingSettings {
  readonly architecture: Word2VecArchitecture;
  /** Largest distance of a context word; each centre draws its own window 1..window, as in C. */
  readonly window: number;
  readonly dimension: number;
  readonly epochs: number;
  /** Starting learning rate; it falls linearly to 0.0001 × itself over the whole run. */
  readonly learningRate: number;
  /** Negative samples per positive pair, drawn from unigram counts ^ 0.75. */
  readonly negatives: number;
  /** Words seen fewer times are dropped from the vocabulary. */
  readonly minCount: number;
  /** Subsampling threshold t of frequent words (0 keeps every word). */
  readonly subsample: number;
  readonly seed: number;
}

export const defaultWord2VecTrainingSettings: Word2VecTrainingSettings = {
  architecture: 'skip-gram',
  window: 5,
  dimension: 100,
  epochs: 5,
  learningRate: 0.025,
  negatives: 5,
  minCount: 5,
  subsample: 1e-3,
  seed: 1,
};

/** The reference's starting learning rate for an architecture. */
export function defaultLearningRate(architecture: Word2VecArchitecture): number {
  return architecture === 'cbow' ? 0.05 : 0.025;
}

/** Bounds the UI and the worker both enforce (a bad number never reaches the inner loop). */
export const word2VecLimits = {
  window: [1, 20],
  dimension: [2, 500],
  epochs: [1, 100],
  learningRate: [1e-5, 1],
  negatives: [1, 30],
  minCount: [1, 1000],
  subsample: [0, 0.1],
} as const satisfies Record<string, readonly [number, number]>;

export type Word2VecTrainingSettingsProblem = {
  readonly code: 'word2vec-setting-out-of-range';
  readonly setting: keyof typeof word2VecLimits;
  readonly min: number;
  readonly max: number;
};

/** The first setting outside its bounds (or not a finite number), or null. */
export function checkWord2VecTrainingSettings(
  settings: Word2VecTrainingSettings,
): Word2VecTrainingSettingsProblem | null {
  for (const [key, [min, max]] of Object.entries(word2VecLimits) as [
    keyof typeof word2VecLimits,
    readonly [number, number],
  ][]) {
    const value = settings[key];
    if (!Number.isFinite(value) || value < min || value > max)
      return { code: 'word2vec-setting-out-of-range', setting: key, min, max };
  }
  return null;
}
