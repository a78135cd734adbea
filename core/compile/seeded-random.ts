import { createRng } from '../data/random';

/**
 * Runs `build` with `Math.random` replaced by a generator seeded from `seed`,
 * and puts the original back afterwards, also when `build` throws.
 *
 * Why: TF.js layers draw their initial weights from random ops (uniform,
 * truncated normal, the orthogonal initializer's normal draw) whose seed,
 * when the initializer has none, is `Math.random()` (tfjs-core `rand_util`).
 * The catalog's layers take no seed, so without this the project's
 * `training.seed` reached the data split and shuffle but not the starting
 * weights, and two runs of the same project could end far apart (a text
 * model once underfit on an unlucky draw). Building a model is synchronous,
 * so nothing else can draw from the replaced `Math.random` meanwhile.
 */
export function withSeededMathRandom<T>(seed: number, build: () => T): T {
  const original = Math.random;
  const rng = createRng(seed);
  Math.random = rng.next;
  try {
    return build();
  } finally {
    Math.random = original;
  }
}
