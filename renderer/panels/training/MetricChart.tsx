import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { chartColumns, type Metric } from './chart-data';
import { runLabelText } from './run-label';
import type { RunSeries } from './training-store';

/** Tick steps of the epoch axis: integers only (uPlot would put ticks at 1.2, 1.4, …). */
const EPOCH_TICK_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

interface MetricChartProps {
  readonly metric: Metric;
  /** The current run first, then runs overlaid for comparison. */
  readonly runs: readonly RunSeries[];
  readonly revision: number;
}

/**
 * Per run, the training colour and the validation colour, from the Okabe–Ito
 * palette (told apart with the common colour-vision deficiencies). Validation
 * is also dashed, so the two curves differ without colour too.
 */
const palette: readonly { readonly train: string; readonly validation: string }[] = [
  { train: '#0072b2', validation: '#d55e00' },
  { train: '#56b4e9', validation: '#e69f00' },
  { train: '#009e73', validation: '#cc79a7' },
];
const validationDash = [6, 3];

/**
 * One uPlot chart (loss or accuracy): per run a smoothed per-batch line,
 * per-epoch training points and a validation line; the best epoch of the
 * current run is marked with a vertical line. The legend shows values under
 * the cursor. Data is replaced with `setData` (cheap on canvas) at most once
 * per animation frame.
 */
export function MetricChart({ metric, runs, revision }: MetricChartProps) {
  const { t } = useTranslation('training');
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = runs.map((r) => r.runId).join(',');
  const bestRef = useRef<number | null>(null);
  bestRef.current = runs[0]?.bestEpoch ?? null;

  useEffect(() => {
    const el = host.current;
    if (!el || runs.length === 0) return;
    const series: uPlot.Series[] = [
      { label: t('charts.epoch'), value: (_u, v) => (v == null ? '' : v.toFixed(2)) },
    ];
    runs.forEach((run, i) => {
      const colors = palette[i % palette.length] ?? palette[0]!;
      const prefix = runs.length > 1 ? `${runLabelText(t, run.label)} ` : '';
      // Runs compared with the current one are drawn thinner.
      const width = i === 0 ? 2 : 1;
      series.push({
        label: `${prefix}${t('charts.trainBatch')}`,
        stroke: `${colors.train}88`,
        width: 1,
        spanGaps: true,
      });
      series.push({
        label: `${prefix}${t('charts.trainEpoch')}`,
        stroke: colors.train,
        width: 0,
        points: { show: true, size: 6, fill: colors.train },
      });
      series.push({
        label: `${prefix}${t('charts.validation')}`,
        stroke: colors.validation,
        width,
        spanGaps: true,
        points: { show: true, size: 7, stroke: colors.validation, fill: colors.validation },
        dash: validationDash,
      });
    });
    const markBest = (u: uPlot): void => {
      const best = bestRef.current;
      if (best === null) return;
      const x = Math.round(u.valToPos(best + 1, 'x', true));
      const { ctx } = u;
      ctx.save();
      ctx.strokeStyle = '#2b8a3e';
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    };
    const width = Math.max(240, el.clientWidth || 320);
    const opts: uPlot.Options = {
      width,
      height: 180,
      title: metric === 'loss' ? t('charts.loss') : t('charts.accuracy'),
      scales: { x: { time: false }, ...(metric === 'accuracy' ? { y: { range: [0, 1] } } : {}) },
      // Epochs are whole numbers: ticks only at integers (batch points still sit between them).
      axes: [{ label: t('charts.epoch'), incrs: EPOCH_TICK_STEPS }, {}],
      series,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: { draw: [markBest] },
    };
    const u = new uPlot(opts, [[]], el);
    plot.current = u;
    const resize = new ResizeObserver(() =>
      u.setSize({ width: Math.max(240, el.clientWidth), height: 180 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuilt only when the set of runs (and so of series) changes; data flows in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, metric, t]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const u = plot.current;
      if (!u) return;
      const cols = chartColumns(runs, metric);
      u.setData([
        cols.x,
        ...cols.series.flatMap((s) => [s.batch, s.epoch, s.validation]),
      ] as uPlot.AlignedData);
    });
    return () => cancelAnimationFrame(frame);
  }, [revision, runs, metric]);

  return (
    <div
      ref={host}
      className="training-chart"
      data-testid={`training-chart-${metric}`}
      data-points={runs[0]?.steps.length ?? 0}
    />
  );
}
