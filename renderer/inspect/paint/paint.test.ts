import { describe, expect, it } from 'vitest';

import { colorAt, colorScaleFor, formatValue, scalePosition, sharedScale } from './color-scale';
import {
  blendHeat,
  channelOrigin,
  gridLayout,
  paintGrid,
  paintPixels,
  rectOnCanvas,
  unitAt,
} from './paint-maps';

function buffer(width: number, height: number): { data: Uint8ClampedArray; width: number } {
  return { data: new Uint8ClampedArray(width * height * 4), width };
}

describe('colour scale', () => {
  it('is diverging and symmetric around 0 for signed data, with white at 0', () => {
    const s = colorScaleFor(-1, 3);
    expect(s).toEqual({ kind: 'diverging', min: -3, max: 3 });
    expect(colorAt(s, 0)).toEqual([247, 247, 247]);
    expect(colorAt(s, -3)).toEqual([33, 102, 172]);
  });

  it('is sequential for non-negative data and never has an empty range', () => {
    expect(colorScaleFor(0, 5).kind).toBe('sequential');
    expect(colorScaleFor(2, 2)).toEqual({ kind: 'sequential', min: 2, max: 3 });
    expect(scalePosition(colorScaleFor(0, 4), 9)).toBe(1);
  });

  it('shares one scale across maps', () => {
    expect(
      sharedScale([
        { min: 0, max: 2 },
        { min: 1, max: 5 },
      ]),
    ).toEqual({ kind: 'sequential', min: 0, max: 5 });
  });

  it('formats legend numbers to 3 significant digits', () => {
    expect([
      formatValue(0.123456),
      formatValue(-12.345),
      formatValue(0),
      formatValue(12345),
    ]).toEqual(['0.123', '-12.3', '0', '1.2e+4']);
  });
});

describe('feature map grid', () => {
  it('lays out 6 maps of 24×24 at zoom 2 in rows that fit the width', () => {
    const layout = gridLayout([24, 24, 6], 380);
    expect(layout.zoom).toBe(2);
    expect(layout.columns).toBe(6);
    expect(layout.width).toBeLessThanOrEqual(380);
  });

  it('maps a click back to the unit it painted (row, column, channel)', () => {
    const layout = gridLayout([8, 8, 16], 300);
    for (const [row, col, channel] of [
      [0, 0, 0],
      [7, 3, 5],
      [2, 6, 15],
    ] as const) {
      const o = channelOrigin(layout, channel);
      expect(unitAt(layout, o.x + col * layout.zoom + 1, o.y + row * layout.zoom + 1)).toEqual({
        row,
        col,
        channel,
      });
    }
    expect(unitAt(layout, layout.mapWidth * layout.zoom + 1, 0)).toBeNull();
  });

  it('paints each channel of a channels-last array in its own cell', () => {
    const values = new Float32Array([0, 1, 0, 1, 0, 1, 0, 1]); // 2×2×2: channel 0 all 0, channel 1 all 1
    const layout = gridLayout([2, 2, 2], 100, 1, 1);
    const img = buffer(layout.width, layout.height);
    const scale = colorScaleFor(0, 1);
    paintGrid(img, values, layout, scale);
    const px = (x: number, y: number) =>
      Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
    expect(px(0, 0)).toEqual([...colorAt(scale, 0)]);
    expect(px(channelOrigin(layout, 1).x, 0)).toEqual([...colorAt(scale, 1)]);
  });
});

describe('input overlay', () => {
  it('paints grey pixels zoomed and converts an inclusive input rectangle to canvas pixels', () => {
    const img = buffer(4, 4);
    paintPixels(img, new Uint8Array([10, 20, 30, 40]), 2, 2, 1, 2);
    expect(Array.from(img.data.slice(0, 4))).toEqual([10, 10, 10, 255]);
    expect(Array.from(img.data.slice((3 * 4 + 3) * 4, (3 * 4 + 3) * 4 + 4))).toEqual([
      40, 40, 40, 255,
    ]);
    expect(rectOnCanvas([1, 2], [3, 5], 4)).toEqual({ x: 8, y: 4, w: 16, h: 12 });
  });

  it('leaves pixels with zero heat untouched', () => {
    const img = buffer(2, 1);
    paintPixels(img, new Uint8Array([100, 100]), 2, 1, 1, 1);
    blendHeat(img, new Float32Array([0, 1]), 2, 1, 1, colorScaleFor(0, 1));
    expect(Array.from(img.data.slice(0, 3))).toEqual([100, 100, 100]);
    expect(Array.from(img.data.slice(4, 7))).not.toEqual([100, 100, 100]);
  });
});

describe('activation plot range', () => {
  it('is ±6 without data and follows the pre-activations (at least ±2) with data', async () => {
    const { plotRange } = await import('../ActivationPlot');
    expect(plotRange(null)).toEqual([-6, 6]);
    const [lo, hi] = plotRange({
      edges: new Float32Array([-0.5, 0, 0.8]),
      counts: new Uint32Array([1, 1]),
    });
    expect(lo).toBeCloseTo(-2.2, 5);
    expect(hi).toBeCloseTo(2.2, 5);
    const [lo2, hi2] = plotRange({
      edges: new Float32Array([-100, 0, 30]),
      counts: new Uint32Array([1, 1]),
    });
    expect([lo2, hi2]).toEqual([-50, expect.closeTo(36.5, 5) as number]);
  });
});
