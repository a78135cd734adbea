import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConvFilters, LayerInfo } from '@core';

import { ColorLegend } from './ColorLegend';
import { OpenInConvLab } from './OpenInConvLab';
import type { InspectClient } from './inspect-client';
import type { ColorScale } from './paint/color-scale';
import { colorScaleFor, colorTable, formatValue, scalePosition } from './paint/color-scale';
import { paintImageData, useCanvas } from './use-canvas';
import { useInspectRequest } from './use-inspect-request';

interface FiltersTabProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly layers: readonly LayerInfo[];
  readonly focusLayer: string | null;
  readonly width: number;
}

const ZOOM = 8;
const GAP = 3;

/** Kernel value at (row, col, in, out) of a [kh, kw, in, out] kernel. */
function at(f: ConvFilters, r: number, c: number, i: number, o: number): number {
  const [, kw = 1, cin = 1, cout = 1] = f.kernel.shape;
  return f.kernel.values[((r * kw + c) * cin + i) * cout + o] as number;
}

/**
 * The kernels of a convolution layer as images: one row per filter, one
 * small image per input channel (a single colour image when the layer reads
 * an RGB input), on one shared colour scale. Click a filter to read its numbers.
 */
export function FiltersTab({ client, version, layers, focusLayer, width }: FiltersTabProps) {
  const { t } = useTranslation('inspect');
  const convs = layers.filter((l) => l.hasFilters);
  const [chosen, setChosen] = useState<string | null>(null);
  const layer =
    chosen ??
    (focusLayer && convs.some((l) => l.name === focusLayer)
      ? focusLayer
      : (convs[0]?.name ?? null));
  const [picked, setPicked] = useState<number | null>(null);
  const state = useInspectRequest(
    client,
    layer ? { type: 'filters', layer } : null,
    layer ?? '',
    version,
  );
  if (convs.length === 0) return <p className="panel-hint">{t('filters.none')}</p>;
  const filters = state.status === 'done' && state.ok ? state.value : null;
  return (
    <div className="inspect-filters" data-testid="filters-tab">
      <label>
        {t('filters.layer')}{' '}
        <select
          value={layer ?? ''}
          onChange={(e) => {
            setChosen(e.target.value);
            setPicked(null);
          }}
        >
          {convs.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {state.status === 'done' && !state.ok && (
        <p className="inspect-error">
          {t(`errors.${state.error.code}`, { defaultValue: state.error.message })}
        </p>
      )}
      {filters && filters.kernel.shape.length === 4 && (
        <>
          <FilterGrid
            filters={filters}
            scale={colorScaleFor(filters.min, filters.max)}
            picked={picked}
            onPick={setPicked}
            maxWidth={width}
          />
          <ColorLegend
            scale={colorScaleFor(filters.min, filters.max)}
            caption={t('filters.legend')}
          />
          {picked !== null && <FilterNumbers filters={filters} index={picked} />}
        </>
      )}
    </div>
  );
}

function FilterGrid({
  filters,
  scale,
  picked,
  onPick,
  maxWidth,
}: {
  filters: ConvFilters;
  scale: ColorScale;
  picked: number | null;
  onPick: (i: number) => void;
  maxWidth: number;
}) {
  const { t } = useTranslation('inspect');
  const [kh = 1, kw = 1, cin = 1, cout = 1] = filters.kernel.shape;
  const rgb = cin === 3;
  const cols = rgb ? 1 : cin;
  const cellW = kw * ZOOM + GAP;
  const cellH = kh * ZOOM + GAP;
  // Filter blocks flow left to right, as many per row as the panel is wide.
  const perRow = Math.max(1, Math.min(cout, Math.floor((maxWidth + 8) / (cols * cellW + 8))));
  const blockW = cols * cellW + 8;
  const width = perRow * blockW;
  const height = Math.ceil(cout / perRow) * cellH;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const table = colorTable(scale);
      paintImageData(ctx, (image) => {
        for (let o = 0; o < cout; o++) {
          const bx = (o % perRow) * blockW;
          const by = Math.floor(o / perRow) * cellH;
          for (let i = 0; i < cols; i++) {
            for (let r = 0; r < kh; r++) {
              for (let c = 0; c < kw; c++) {
                let rgba: [number, number, number];
                if (rgb) {
                  // RGB first layer: each input channel's weight as that colour's intensity.
                  const ch = [0, 1, 2].map((k) =>
                    Math.round(
                      scalePosition(
                        colorScaleFor(filters.min, filters.max),
                        at(filters, r, c, k, o),
                      ) * 255,
                    ),
                  );
                  rgba = [ch[0] ?? 0, ch[1] ?? 0, ch[2] ?? 0];
                } else {
                  const idx = Math.round(scalePosition(scale, at(filters, r, c, i, o)) * 255) * 3;
                  rgba = [table[idx] ?? 0, table[idx + 1] ?? 0, table[idx + 2] ?? 0];
                }
                for (let dy = 0; dy < ZOOM; dy++) {
                  let p = ((by + r * ZOOM + dy) * image.width + bx + i * cellW + c * ZOOM) * 4;
                  for (let dx = 0; dx < ZOOM; dx++, p += 4) image.data.set([...rgba, 255], p);
                }
              }
            }
          }
        }
      });
      if (picked !== null) {
        ctx.strokeStyle = '#ff2d95';
        ctx.lineWidth = 2;
        ctx.strokeRect(
          (picked % perRow) * blockW - 1,
          Math.floor(picked / perRow) * cellH - 1,
          cols * cellW - GAP + 2,
          kh * ZOOM + 2,
        );
      }
    },
    [filters, scale, kh, kw, cols, cout, perRow, blockW, cellW, cellH, rgb, picked],
  );
  const ref = useCanvas(width, height, paint);
  return (
    <canvas
      ref={ref}
      data-testid="filters-grid"
      style={{ width, height, cursor: 'pointer' }}
      role="img"
      aria-label={t('filters.gridLabel', { count: cout, height: kh, width: kw, channels: cin })}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const o =
          Math.floor((e.clientY - box.top) / cellH) * perRow +
          Math.floor((e.clientX - box.left) / blockW);
        if (o < cout) onPick(o);
      }}
    />
  );
}

function FilterNumbers({ filters, index }: { filters: ConvFilters; index: number }) {
  const { t } = useTranslation('inspect');
  const [kh = 1, kw = 1, cin = 1] = filters.kernel.shape;
  return (
    <div className="inspect-filter-numbers" data-testid="filter-numbers">
      <h5>
        {t('filters.numbers', {
          index: index + 1,
          bias: filters.bias ? formatValue(filters.bias[index] ?? 0) : '—',
        })}
      </h5>
      {Array.from({ length: cin }, (_, i) => (
        <div key={i}>
          <table className="inspect-kernel-table">
            <caption>{t('filters.inputChannel', { channel: i + 1 })}</caption>
            <tbody>
              {Array.from({ length: kh }, (_, r) => (
                <tr key={r}>
                  {Array.from({ length: kw }, (_, c) => (
                    <td key={c}>{at(filters, r, c, i, index).toFixed(3)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <OpenInConvLab filters={filters} filter={index} inChannel={i} />
        </div>
      ))}
    </div>
  );
}
