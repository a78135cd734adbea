import * as tf from '@tensorflow/tfjs';

import { activationFunction, isPlottableActivation } from './activation-functions';
import { InspectError } from './inspect-error';
import { activationOf } from './model-layers';
import { withPreActivation } from './pre-activations';
import type { ArrayND, InspectableModel } from './sample';
import { checkSample, copyValues, findLayer } from './sample';

/** A histogram over equal-width bins: `counts[i]` values fell in [edges[i], edges[i+1]). */
export interface Histogram {
  readonly edges: Float32Array;
  readonly counts: Uint32Array;
}

/** Pre-activation statistics of one layer on a batch: the histogram overlaid on the f/f′ plot. */
export interface PreActivationStats {
  readonly layerName: string;
  /** The activation applied to z (TF.js name), e.g. `sigmoid`. */
  readonly activation: string;
  readonly sampleCount: number;
  /** Number of units per sample (all output positions × channels). */
  readonly unitCount: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly histogram: Histogram;
  /**
   * Share of z where |f′(z)| < 10 % of the largest |f′|: saturated sigmoid/tanh,
   * negative ReLU inputs. Gradients barely flow back through these. Null if f is not plottable.
   */
  readonly lowGradientShare: number | null;
  /** Units whose f′ is ~0 for every sample of the batch (dead ReLUs, stuck sigmoids). */
  readonly deadUnits: number | null;
}

/** Equal-width histogram of `values` over [lo, hi] with `bins` bins (values outside are clamped into the end bins). */
export function histogramOf(values: Float32Array, bins: number, lo: number, hi: number): Histogram {
  const n = Math.max(1, bins);
  const width = hi > lo ? (hi - lo) / n : 1;
  const edges = new Float32Array(n + 1).map((_, i) => lo + i * width);
  const counts = new Uint32Array(n);
  for (const v of values) {
    const bin = Math.min(n - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { edges, counts };
}

/**
 * Computes z (the input of the activation) of one layer for a batch of
 * preprocessed samples, and summarises it. See `pre-activations.ts` for how z
 * is obtained. `samples.shape` is [count, ...sampleShape].
 */
export function preActivationStats(
  model: InspectableModel,
  layerName: string,
  samples: ArrayND,
  bins = 60,
): PreActivationStats {
  const [count, ...sampleShape] = samples.shape;
  if (!count || count < 1) throw new InspectError('bad-evaluation-data', 'no samples to measure');
  checkSample(model, {
    values: samples.values.subarray(0, samples.values.length / count),
    shape: sampleShape,
  });
  const layer = findLayer(model, layerName);
  const activation = activationOf(layer);
  if (activation === null)
    throw new InspectError('no-activation', `layer "${layerName}" has no activation`);
  const values = withPreActivation(model, layerName, (z) =>
    tf.tidy(() => {
      const t = z(tf.tensor(samples.values, samples.shape as number[], 'float32'));
      return copyValues(t);
    }),
  );
  const unitCount = values.length / count;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  let lowGradientShare: number | null = null;
  let deadUnits: number | null = null;
  if (isPlottableActivation(activation)) {
    const fn = activationFunction(activation);
    // Largest |f′| over a wide grid, as the reference for "small".
    let peak = 0;
    for (let z = -10; z <= 10; z += 0.01) peak = Math.max(peak, Math.abs(fn.df(z)));
    const alive = new Uint8Array(unitCount);
    let low = 0;
    values.forEach((v, i) => {
      if (Math.abs(fn.df(v)) < 0.1 * peak) low++;
      else alive[i % unitCount] = 1;
    });
    lowGradientShare = low / values.length;
    deadUnits = alive.reduce((n, a) => n + (a === 0 ? 1 : 0), 0);
  }
  return {
    layerName,
    activation,
    sampleCount: count,
    unitCount,
    min,
    max,
    mean: sum / values.length,
    histogram: histogramOf(values, bins, min, max),
    lowGradientShare,
    deadUnits,
  };
}
