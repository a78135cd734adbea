import { useCallback } from 'react';

import type { SampleView } from '@core';

import { paintPixels } from './paint/paint-maps';
import { paintImageData, useCanvas } from './use-canvas';

interface SampleThumbProps {
  readonly view: SampleView;
  readonly size?: number;
  readonly title?: string;
}

/** A small picture of one sample (or the first words of a text sample). */
export function SampleThumb({ view, size = 56, title }: SampleThumbProps) {
  const image = view.image;
  const zoom = image ? Math.max(1, Math.floor(size / Math.max(image.width, image.height))) : 1;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      if (image)
        paintImageData(ctx, (data) =>
          paintPixels(data, image.pixels, image.width, image.height, image.channels, zoom),
        );
    },
    [image, zoom],
  );
  const ref = useCanvas(image ? image.width * zoom : 1, image ? image.height * zoom : 1, paint);
  if (!image)
    return (
      <span className="inspect-thumb-text" title={title}>
        {(view.text ?? '').slice(0, 80)}
      </span>
    );
  return (
    <canvas
      ref={ref}
      className="inspect-thumb"
      data-sample-index={view.index}
      title={title}
      style={{
        width: image.width * zoom,
        height: image.height * zoom,
        imageRendering: 'pixelated',
      }}
    />
  );
}
