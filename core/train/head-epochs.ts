import { headMetricOf, type HeadPlan } from './heads';
import type { HeadEpochMetrics } from './metrics';
import type { BatchLoss } from './runner';
import type { SampleSource } from './sample-source';
import { TrainingError } from './training-error';

/**
 * Refuses a run whose samples cannot feed the heads: a class head narrower
 * than the class count, or a box head on samples without boxes.
 */
export function checkHeadsFitSamples(
  heads: readonly HeadPlan[],
  samples: Pick<SampleSource, 'numClasses' | 'boxes'>,
): void {
  for (const head of heads) {
    if (head.target === 'class' && head.units > 1 && samples.numClasses > head.units)
      throw new TrainingError(
        'label-mismatch',
        `The dataset has ${samples.numClasses} classes but head ${head.name} has ${head.units} units`,
      );
    if (head.target === 'box' && !samples.boxes)
      throw new TrainingError(
        'missing-boxes',
        `Head ${head.name} learns boxes but the dataset has no boxes`,
      );
  }
}

/** Each head's epoch numbers from the epoch's training mean and its validation (null without one). */
export function headEpochMetrics(
  heads: readonly HeadPlan[],
  trained: BatchLoss,
  validated: BatchLoss | null,
): HeadEpochMetrics[] {
  return heads.map((head, i) => ({
    name: head.name,
    metric: headMetricOf(head),
    loss: trained.heads?.[i]?.loss ?? Number.NaN,
    value: trained.heads?.[i]?.metric ?? Number.NaN,
    valLoss: validated?.heads?.[i]?.loss ?? null,
    valValue: validated?.heads?.[i]?.metric ?? null,
  }));
}
