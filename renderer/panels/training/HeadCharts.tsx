import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { headChartColumns, headsOfRun, type HeadQuantity } from './head-chart-data';
import type { RunSeries } from './training-store';

/** Okabe–Ito colours per head; validation is also dashed, so curves differ without colour. */
const headColors = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
const validationDash = [6, 3];

interface HeadChartProps {
  readonly run: RunSeries;
  readonly quantity: HeadQuantity;
  readonly revision: number;
}

/** One chart of every output head's loss (or metric) per epoch, training and validation. */
function HeadChart({ run, quantity, revision }: HeadChartProps) {
  const { t } = useTranslation('training');
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const heads = headsOfRun(run.epochs);
  const shape = heads.map((h) => `${h.name}:${h.metric}`).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el || heads.length === 0) return;
    const series: uPlot.Series[] = [{ label: t('charts.epoch') }];
    heads.forEach((head, i) => {
      const color = headColors[i % headColors.length]!;
      // Head names are user data: uPlot writes labels as text, never as markup.
      const metric = quantity === 'loss' ? t('heads.loss') : t(`heads.metric.${head.metric}`);
      series.push({
        label: `${head.name} · ${metric} · ${t('charts.trainEpoch')}`,
        stroke: color,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 5, fill: color },
      });
      series.push({
        label: `${head.name} · ${metric} · ${t('charts.validation')}`,
        stroke: color,
        width: 1.5,
        dash: validationDash,
        spanGaps: true,
      });
    });
    const width = Math.max(240, el.clientWidth || 320);
    const u = new uPlot(
      {
        width,
        height: 180,
        title: quantity === 'loss' ? t('heads.lossTitle') : t('heads.metricTitle'),
        scales: { x: { time: false }, ...(quantity === 'value' ? { y: { range: [0, 1] } } : {}) },
        axes: [{ label: t('charts.epoch') }, {}],
        series,
        legend: { live: true },
      },
      [[]],
      el,
    );
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
    // Rebuilt only when the heads change; data flows in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, quantity, t]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      plot.current?.setData(headChartColumns(run.epochs, heads, quantity) as uPlot.AlignedData);
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision, run, quantity, shape]);

  return (
    <div
      ref={host}
      className="training-chart"
      data-testid={`training-head-chart-${quantity}`}
      data-heads={heads.length}
    />
  );
}

/**
 * For a network with output heads: each head's loss and its metric (accuracy
 * or IoU) per epoch, beside the total loss the main charts show. Nothing for
 * a network with one output.
 */
export function HeadCharts({
  run,
  revision,
}: {
  readonly run: RunSeries;
  readonly revision: number;
}) {
  if (headsOfRun(run.epochs).length === 0) return null;
  return (
    <div className="training-charts" data-testid="training-head-charts">
      <HeadChart run={run} quantity="loss" revision={revision} />
      <HeadChart run={run} quantity="value" revision={revision} />
    </div>
  );
}
