import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArrayND, SampleView, UnitField } from '@core';

import { blendHeat, paintPixels, rectOnCanvas } from './paint/paint-maps';
import { colorScaleFor } from './paint/color-scale';
import { paintImageData, useCanvas } from './use-canvas';

interface InputFieldViewProps {
  readonly view: SampleView;
  /** The theoretical field of the selected unit, or null. */
  readonly field: UnitField | null;
  /** The effective field (|d unit / d input| per pixel), or null while it loads. */
  readonly heat: ArrayND | null;
  readonly heatMax: number;
  readonly size?: number;
  /** Caption under the image; by default it explains the receptive-field overlay. */
  readonly caption?: string;
}

/**
 * The input image with the selected unit's receptive field drawn on it: the
 * theoretical window (solid where it lies on the image, dashed where it
 * reaches into the zero padding) and the effective field as a heat map.
 */
export function InputFieldView({
  view,
  field,
  heat,
  heatMax,
  size = 224,
  caption,
}: InputFieldViewProps) {
  const { t } = useTranslation('inspect');
  const image = view.image;
  const zoom = image ? Math.max(1, Math.floor(size / Math.max(image.width, image.height))) : 1;
  const width = image ? image.width * zoom : size;
  const height = image ? image.height * zoom : size;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      if (!image) return;
      paintImageData(ctx, (data) => {
        paintPixels(data, image.pixels, image.width, image.height, image.channels, zoom);
        if (heat && heat.shape.length === 2 && heatMax > 0)
          blendHeat(data, heat.values, image.width, image.height, zoom, colorScaleFor(0, heatMax));
      });
      if (!field) return;
      const outer = rectOnCanvas(field.unclipped.lo, field.unclipped.hi, zoom);
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = '#00e5ff';
      ctx.lineWidth = 1;
      ctx.strokeRect(outer.x + 0.5, outer.y + 0.5, outer.w - 1, outer.h - 1);
      ctx.setLineDash([]);
      if (field.clipped) {
        const inner = rectOnCanvas(field.clipped.lo, field.clipped.hi, zoom);
        ctx.strokeStyle = '#ff2d95';
        ctx.lineWidth = 2;
        ctx.strokeRect(inner.x + 1, inner.y + 1, inner.w - 2, inner.h - 2);
      }
    },
    [image, zoom, heat, heatMax, field],
  );
  const ref = useCanvas(width, height, paint);
  if (!image) return <p className="inspect-text-sample">{view.text}</p>;
  const rows = field ? (field.unclipped.hi[0] ?? 0) - (field.unclipped.lo[0] ?? 0) + 1 : 0;
  const cols = field ? (field.unclipped.hi[1] ?? 0) - (field.unclipped.lo[1] ?? 0) + 1 : 0;
  return (
    <figure className="inspect-input">
      <canvas
        ref={ref}
        data-testid="rf-overlay"
        data-rf-rows={field ? rows : undefined}
        data-rf-cols={field ? cols : undefined}
        data-rf-top={field?.unclipped.lo[0]}
        data-rf-left={field?.unclipped.lo[1]}
        style={{ width, height, imageRendering: 'pixelated' }}
        role="img"
        aria-label={
          field
            ? t('field.overlayLabel', {
                rows,
                cols,
                top: field.unclipped.lo[0],
                left: field.unclipped.lo[1],
              })
            : t('field.inputLabel')
        }
      />
      <figcaption className="panel-hint">
        {caption ?? (field ? t('field.legend') : t('field.clickHint'))}
        {heat && heatMax === 0 ? ` ${t('field.zeroGradient')}` : ''}
      </figcaption>
    </figure>
  );
}
