import type { RunSeries } from './training-store';

/**
 * Turns runs into uPlot's aligned columns. x is in epochs: batch k of epoch e
 * sits at e + (k+1)/batchesPerEpoch, so an epoch's summary point (x = e+1)
 * lands on its last batch. Long runs are thinned for display only (every
 * n-th batch); the stored series stay complete.
 */
export type Metric = 'loss' | 'accuracy';

export interface ChartColumns {
  readonly x: number[];
  /** Per run: smoothed batch values, epoch train values, epoch validation values (null where absent). */
  readonly series: {
    readonly runId: number;
    readonly batch: (number | null)[];
    readonly epoch: (number | null)[];
    readonly validation: (number | null)[];
  }[];
}

const maxPoints = 1500;

function runPoints(
  run: RunSeries,
  metric: Metric,
): Map<number, { batch: number | null; epoch: number | null; validation: number | null }> {
  const points = new Map<
    number,
    { batch: number | null; epoch: number | null; validation: number | null }
  >();
  const values = metric === 'loss' ? run.smoothLoss : run.smoothAccuracy;
  const perEpoch =
    run.epochs.length > 0 && run.steps.length > 0
      ? Math.max(
          1,
          Math.round(
            run.steps[run.steps.length - 1]! / (run.epochs[run.epochs.length - 1]!.epoch + 1),
          ),
        )
      : null;
  const batchesPerEpoch = perEpoch ?? Math.max(1, run.steps.length);
  const stride = Math.max(1, Math.ceil(run.steps.length / maxPoints));
  run.steps.forEach((step, i) => {
    if (i % stride !== 0 && i !== run.steps.length - 1) return;
    const x = Math.round((step / batchesPerEpoch) * 1e6) / 1e6;
    points.set(x, { batch: values[i] ?? null, epoch: null, validation: null });
  });
  for (const e of run.epochs) {
    const x = e.epoch + 1;
    const p = points.get(x) ?? { batch: null, epoch: null, validation: null };
    p.epoch = metric === 'loss' ? e.loss : e.accuracy;
    p.validation = metric === 'loss' ? e.valLoss : e.valAccuracy;
    points.set(x, p);
  }
  return points;
}

export function chartColumns(runs: readonly RunSeries[], metric: Metric): ChartColumns {
  const perRun = runs.map((run) => ({ runId: run.runId, points: runPoints(run, metric) }));
  const xs = [...new Set(perRun.flatMap((r) => [...r.points.keys()]))].sort((a, b) => a - b);
  return {
    x: xs,
    series: perRun.map((r) => ({
      runId: r.runId,
      batch: xs.map((x) => r.points.get(x)?.batch ?? null),
      epoch: xs.map((x) => r.points.get(x)?.epoch ?? null),
      validation: xs.map((x) => r.points.get(x)?.validation ?? null),
    })),
  };
}
