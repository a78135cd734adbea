import { formatNumber, pool2d, poolCell, type ConvolutionLabState, type Grid } from '@core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { GridView } from './GridView';

/** Pooling of the convolution output: kind, size, stride, the pooled grid and one window explained. */
export function PoolPanel({
  grid,
  pool,
  onChange,
}: {
  readonly grid: Grid;
  readonly pool: ConvolutionLabState['pool'];
  readonly onChange: (pool: ConvolutionLabState['pool']) => void;
}) {
  const { t } = useTranslation('labs');
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(null);
  const result = pool2d(grid, pool);
  const cell =
    result.ok && selected && selected.row < result.value.rows && selected.col < result.value.cols
      ? poolCell(grid, pool, selected.row, selected.col)
      : null;
  const n = grid.length;
  return (
    <section className="lab-panel" aria-labelledby="pool-heading" data-testid="pool-panel">
      <h2 id="pool-heading">{t('conv.pooling')}</h2>
      <div className="lab-row">
        <select
          data-testid="pool-kind"
          value={pool.kind}
          onChange={(e) =>
            onChange({ ...pool, kind: e.target.value === 'average' ? 'average' : 'max' })
          }
        >
          <option value="max">{t('conv.maxPool')}</option>
          <option value="average">{t('conv.avgPool')}</option>
        </select>
        <label className="lab-inline">
          {t('conv.poolSize')}
          <select
            data-testid="pool-size"
            value={pool.size}
            onChange={(e) => onChange({ ...pool, size: Number(e.target.value) })}
          >
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {s}×{s}
              </option>
            ))}
          </select>
        </label>
        <label className="lab-inline">
          {t('conv.stride')}
          <select
            data-testid="pool-stride"
            value={pool.stride}
            onChange={(e) => onChange({ ...pool, stride: Number(e.target.value) })}
          >
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.ok ? (
        <>
          <p className="mono small" data-testid="pool-size-formula">
            ⌊({n} − {pool.size}) / {pool.stride}⌋ + 1 = {result.value.rows}
          </p>
          <div className="conv-grids">
            <GridView
              grid={grid}
              testId="pool-source"
              mode="view"
              label={t('conv.output')}
              highlight={
                new Map((cell?.cells ?? []).map((c) => [`${c.row},${c.col}`, 'grid-window']))
              }
            />
            <span className="conv-arrow">→</span>
            <GridView
              grid={result.value.output}
              testId="pool-output"
              mode="view"
              label={t('conv.pooled')}
              selected={selected}
              onCellClick={(row, col) => setSelected({ row, col })}
            />
          </div>
          {cell ? (
            <p className="mono" data-testid="pool-explain">
              {pool.kind === 'max' ? 'max' : 'mean'}(
              {cell.cells.map((c) => formatNumber(c.value, 3)).join(', ')}) ={' '}
              <strong>{formatNumber(cell.result, 4)}</strong>
            </p>
          ) : (
            <p className="muted small">{t('conv.poolHint')}</p>
          )}
        </>
      ) : (
        <p className="lab-error">{t(`errors.${result.error.code}`)}</p>
      )}
    </section>
  );
}
