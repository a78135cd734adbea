import type { EpochMetrics, HeadEpochMetrics } from '@core';

/** What a head chart shows: the head's loss, or its metric (accuracy or IoU). */
export type HeadQuantity = 'loss' | 'value';

/** One output head as the charts list it: its name and what its metric measures. */
export interface HeadSeriesInfo {
  readonly name: string;
  readonly metric: HeadEpochMetrics['metric'];
}

/** The heads of a run (from its latest epoch); empty for a network with one output. */
export function headsOfRun(epochs: readonly EpochMetrics[]): HeadSeriesInfo[] {
  const last = epochs[epochs.length - 1];
  return (last?.heads ?? []).map((h) => ({ name: h.name, metric: h.metric }));
}

/**
 * uPlot's aligned columns for one quantity of every head: x is the epoch
 * number (1-based, where the epoch ends), then per head its training and its
 * validation values (null where absent).
 */
export function headChartColumns(
  epochs: readonly EpochMetrics[],
  heads: readonly HeadSeriesInfo[],
  quantity: HeadQuantity,
): (number | null)[][] {
  const x = epochs.map((e) => e.epoch + 1);
  const columns: (number | null)[][] = [x];
  heads.forEach((head) => {
    const of = (e: EpochMetrics) => e.heads?.find((h) => h.name === head.name);
    columns.push(epochs.map((e) => finiteOrNull(quantity === 'loss' ? of(e)?.loss : of(e)?.value)));
    columns.push(
      epochs.map((e) => finiteOrNull(quantity === 'loss' ? of(e)?.valLoss : of(e)?.valValue)),
    );
  });
  return columns;
}

const finiteOrNull = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;
