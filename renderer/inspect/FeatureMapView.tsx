import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { LayerActivation } from '@core';

import type { ColorScale } from './paint/color-scale';
import { channelOrigin, gridLayout, paintGrid, paintMatrix, unitAt } from './paint/paint-maps';
import { cssColorAt, formatValue } from './paint/color-scale';
import { paintImageData, useCanvas } from './use-canvas';

interface FeatureMapViewProps {
  readonly activation: LayerActivation;
  readonly scale: ColorScale;
  readonly maxWidth: number;
  /** The selected unit, as an index into the per-sample shape (e.g. [row, col, channel]). */
  readonly selected: readonly number[] | null;
  readonly onUnitClick?: ((unit: readonly number[]) => void) | undefined;
}

/**
 * One layer's output for one sample: a grid of channel images for [H, W, C],
 * a time × unit heat map for [T, U], bars for [U]. Every map uses the shared
 * `scale`; clicking a unit reports its index.
 */
export function FeatureMapView({
  activation,
  scale,
  maxWidth,
  selected,
  onUnitClick,
}: FeatureMapViewProps) {
  const { t } = useTranslation('inspect');
  if (activation.layout === 'spatial')
    return (
      <SpatialMaps
        activation={activation}
        scale={scale}
        maxWidth={maxWidth}
        selected={selected}
        onUnitClick={onUnitClick}
      />
    );
  if (activation.layout === 'sequence')
    return (
      <SequenceMap
        activation={activation}
        scale={scale}
        maxWidth={maxWidth}
        selected={selected}
        onUnitClick={onUnitClick}
      />
    );
  return (
    <div>
      <VectorBars
        activation={activation}
        scale={scale}
        maxWidth={maxWidth}
        selected={selected}
        onUnitClick={onUnitClick}
      />
      <p className="panel-hint">{t('maps.vectorHint', { count: activation.values.length })}</p>
    </div>
  );
}

function SpatialMaps({ activation, scale, maxWidth, selected, onUnitClick }: FeatureMapViewProps) {
  const { t } = useTranslation('inspect');
  const layout = useMemo(
    () => gridLayout(activation.shape, maxWidth),
    [activation.shape, maxWidth],
  );
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      paintImageData(ctx, (image) => paintGrid(image, activation.values, layout, scale));
      if (selected) {
        const [row = 0, col = 0, channel = 0] = selected;
        const o = channelOrigin(layout, channel);
        ctx.strokeStyle = '#ff2d95';
        ctx.lineWidth = 2;
        ctx.strokeRect(
          o.x + col * layout.zoom - 1,
          o.y + row * layout.zoom - 1,
          layout.zoom + 2,
          layout.zoom + 2,
        );
      }
    },
    [activation.values, layout, scale, selected],
  );
  const ref = useCanvas(layout.width, layout.height, paint);
  const [h, w, c] = activation.shape;
  return (
    <canvas
      ref={ref}
      className="inspect-map-grid"
      data-testid={`feature-maps-${activation.layerName}`}
      data-layer={activation.layerName}
      data-zoom={layout.zoom}
      data-columns={layout.columns}
      style={{
        width: layout.width,
        height: layout.height,
        cursor: onUnitClick ? 'crosshair' : undefined,
      }}
      role="img"
      aria-label={t('maps.gridLabel', {
        layer: activation.layerName,
        channels: c,
        height: h,
        width: w,
      })}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const unit = unitAt(layout, e.clientX - box.left, e.clientY - box.top);
        if (unit && onUnitClick) onUnitClick([unit.row, unit.col, unit.channel]);
      }}
    />
  );
}

function SequenceMap({ activation, scale, maxWidth, selected, onUnitClick }: FeatureMapViewProps) {
  const { t } = useTranslation('inspect');
  const [steps = 1, units = 1] = activation.shape;
  const cellW = Math.max(1, Math.min(12, Math.floor(maxWidth / units)));
  const cellH = Math.max(2, Math.min(12, Math.floor(320 / steps)));
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      paintImageData(ctx, (image) =>
        paintMatrix(image, activation.values, steps, units, cellW, cellH, scale),
      );
      if (selected) {
        ctx.strokeStyle = '#ff2d95';
        ctx.strokeRect((selected[1] ?? 0) * cellW, (selected[0] ?? 0) * cellH, cellW, cellH);
      }
    },
    [activation.values, steps, units, cellW, cellH, scale, selected],
  );
  const ref = useCanvas(units * cellW, steps * cellH, paint);
  return (
    <figure className="inspect-sequence">
      <canvas
        ref={ref}
        data-testid={`feature-maps-${activation.layerName}`}
        style={{ width: units * cellW, height: steps * cellH }}
        role="img"
        aria-label={t('maps.sequenceLabel', { layer: activation.layerName, steps, units })}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const unit = [
            Math.floor((e.clientY - box.top) / cellH),
            Math.floor((e.clientX - box.left) / cellW),
          ];
          if (onUnitClick && (unit[0] ?? 0) < steps && (unit[1] ?? 0) < units) onUnitClick(unit);
        }}
      />
      <figcaption className="panel-hint">{t('maps.sequenceAxes')}</figcaption>
    </figure>
  );
}

function VectorBars({ activation, scale, maxWidth, selected, onUnitClick }: FeatureMapViewProps) {
  const values = activation.values;
  const barW = Math.max(2, Math.min(16, Math.floor(maxWidth / Math.max(1, values.length))));
  const height = 64;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const span = Math.max(Math.abs(scale.min), Math.abs(scale.max)) || 1;
      const base = scale.min < 0 ? height / 2 : height;
      values.forEach((v, i) => {
        ctx.fillStyle = cssColorAt(scale, v);
        const h = (Math.abs(v) / span) * (scale.min < 0 ? height / 2 : height);
        ctx.fillRect(i * barW, v >= 0 ? base - h : base, Math.max(1, barW - 1), Math.max(1, h));
      });
      ctx.strokeStyle = '#888';
      ctx.beginPath();
      ctx.moveTo(0, base - 0.5);
      ctx.lineTo(values.length * barW, base - 0.5);
      ctx.stroke();
      if (selected) {
        ctx.strokeStyle = '#ff2d95';
        ctx.strokeRect((selected[0] ?? 0) * barW, 0, barW, height);
      }
    },
    [values, barW, scale, selected],
  );
  const ref = useCanvas(values.length * barW, height, paint);
  return (
    <canvas
      ref={ref}
      data-testid={`feature-maps-${activation.layerName}`}
      style={{ width: values.length * barW, height }}
      role="img"
      aria-label={`${activation.layerName}: ${Array.from(values.slice(0, 12), formatValue).join(', ')}${values.length > 12 ? '…' : ''}`}
      onClick={(e) => {
        const i = Math.floor((e.clientX - e.currentTarget.getBoundingClientRect().left) / barW);
        if (onUnitClick && i < values.length) onUnitClick([i]);
      }}
    />
  );
}
