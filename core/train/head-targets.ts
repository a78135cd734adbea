import type { HeadPlan } from './heads';
import { headTargetWidth } from './heads';
import type { FillBatch } from './runner';
import type { SampleSource } from './sample-source';

/**
 * Writes the targets of the samples at `indices` for a model with output
 * heads: one row per sample, the heads side by side (`head.offset`): a class
 * head gets the class one-hot (one unit: the 0/1 label), a box head the
 * sample's box `[x, y, width, height]` normalised to [0, 1].
 */
export function encodeHeadTargets(
  samples: Pick<SampleSource, 'labels' | 'boxes'>,
  indices: ArrayLike<number>,
  heads: readonly HeadPlan[],
  out: Float32Array,
): void {
  const width = headTargetWidth(heads);
  out.fill(0, 0, indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const sample = indices[k] as number;
    const row = k * width;
    for (const head of heads) {
      const at = row + head.offset;
      if (head.target === 'box') {
        for (let j = 0; j < 4 && j < head.units; j++)
          out[at + j] = samples.boxes?.[sample * 4 + j] ?? 0;
        continue;
      }
      const c = samples.labels[sample] as number;
      if (head.units === 1) out[at] = c;
      else if (c >= 0 && c < head.units) out[at + c] = 1;
    }
  }
}

/** The `FillBatch` of a model with output heads: gathers the samples and writes every head's targets. */
export function fillHeadTargets(
  samples: SampleSource,
  heads: readonly HeadPlan[],
  gather: { readonly augment: boolean; readonly epoch: number },
): FillBatch {
  return async (indices, inputs, targets) => {
    await samples.gather(indices, inputs, gather);
    encodeHeadTargets(samples, indices, heads, targets);
  };
}
