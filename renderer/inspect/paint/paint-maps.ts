import type { ColorScale } from './color-scale';
import { colorTable, scalePosition } from './color-scale';

/**
 * Pure canvas painting of activation arrays. No React here, so the same code
 * runs in components and in the Chromium benchmark.
 */

/** Where each channel of a [H, W, C] map sits in the grid. */
export interface GridLayout {
  readonly channels: number;
  readonly mapHeight: number;
  readonly mapWidth: number;
  readonly columns: number;
  readonly rows: number;
  /** Screen pixels per map pixel (integer, nearest-neighbour). */
  readonly zoom: number;
  readonly gap: number;
  readonly width: number;
  readonly height: number;
}

/** Lays out C maps of H×W in a grid no wider than `maxWidth`, each map zoomed by an integer factor. */
export function gridLayout(
  shape: readonly number[],
  maxWidth: number,
  gap = 4,
  maxZoom = 6,
): GridLayout {
  const [mapHeight = 1, mapWidth = 1, channels = 1] = shape;
  // Prefer a zoom that makes small maps at least ~48 px, then fit as many columns as the width allows.
  const zoom = Math.max(
    1,
    Math.min(
      maxZoom,
      Math.floor(48 / Math.max(mapHeight, mapWidth)) || 1,
      Math.floor((maxWidth - gap) / (mapWidth + gap)) || 1,
    ),
  );
  const cell = mapWidth * zoom + gap;
  const columns = Math.max(1, Math.min(channels, Math.floor((maxWidth + gap) / cell)));
  const rows = Math.ceil(channels / columns);
  return {
    channels,
    mapHeight,
    mapWidth,
    columns,
    rows,
    zoom,
    gap,
    width: columns * cell - gap,
    height: rows * (mapHeight * zoom + gap) - gap,
  };
}

/** Top-left corner of channel c in the grid. */
export function channelOrigin(layout: GridLayout, channel: number): { x: number; y: number } {
  const col = channel % layout.columns;
  const row = Math.floor(channel / layout.columns);
  return {
    x: col * (layout.mapWidth * layout.zoom + layout.gap),
    y: row * (layout.mapHeight * layout.zoom + layout.gap),
  };
}

/** The unit under canvas point (x, y), or null in a gap. */
export function unitAt(
  layout: GridLayout,
  x: number,
  y: number,
): { row: number; col: number; channel: number } | null {
  const cellW = layout.mapWidth * layout.zoom + layout.gap;
  const cellH = layout.mapHeight * layout.zoom + layout.gap;
  const gc = Math.floor(x / cellW);
  const gr = Math.floor(y / cellH);
  const channel = gr * layout.columns + gc;
  const col = Math.floor((x - gc * cellW) / layout.zoom);
  const row = Math.floor((y - gr * cellH) / layout.zoom);
  if (
    gc >= layout.columns ||
    channel >= layout.channels ||
    col >= layout.mapWidth ||
    row >= layout.mapHeight ||
    col < 0 ||
    row < 0
  )
    return null;
  return { row, col, channel };
}

/** Paints every channel of a [H, W, C] (channels-last) map into `image` (an RGBA buffer of layout.width × layout.height). */
export function paintGrid(
  image: { data: Uint8ClampedArray; width: number },
  values: Float32Array,
  layout: GridLayout,
  scale: ColorScale,
): void {
  const table = colorTable(scale);
  const { mapHeight: h, mapWidth: w, channels: c, zoom } = layout;
  const data = image.data;
  for (let ch = 0; ch < c; ch++) {
    const { x: ox, y: oy } = channelOrigin(layout, ch);
    for (let r = 0; r < h; r++) {
      for (let q = 0; q < w; q++) {
        const t =
          Math.round(scalePosition(scale, values[(r * w + q) * c + ch] as number) * 255) * 3;
        const red = table[t] as number;
        const green = table[t + 1] as number;
        const blue = table[t + 2] as number;
        for (let dy = 0; dy < zoom; dy++) {
          let p = ((oy + r * zoom + dy) * image.width + ox + q * zoom) * 4;
          for (let dx = 0; dx < zoom; dx++, p += 4) {
            data[p] = red;
            data[p + 1] = green;
            data[p + 2] = blue;
            data[p + 3] = 255;
          }
        }
      }
    }
  }
}

/** Paints a [rows, cols] matrix (a sequence: time × units) with `cell` px per entry. */
export function paintMatrix(
  image: { data: Uint8ClampedArray; width: number },
  values: Float32Array,
  rows: number,
  cols: number,
  cellW: number,
  cellH: number,
  scale: ColorScale,
): void {
  const table = colorTable(scale);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const t = Math.round(scalePosition(scale, values[r * cols + c] as number) * 255) * 3;
      for (let dy = 0; dy < cellH; dy++) {
        let p = ((r * cellH + dy) * image.width + c * cellW) * 4;
        for (let dx = 0; dx < cellW; dx++, p += 4) {
          image.data[p] = table[t] as number;
          image.data[p + 1] = table[t + 1] as number;
          image.data[p + 2] = table[t + 2] as number;
          image.data[p + 3] = 255;
        }
      }
    }
  }
}

/** Paints uint8 pixels (H×W×1 grey or H×W×3 RGB) zoomed by `zoom` into an RGBA buffer. */
export function paintPixels(
  image: { data: Uint8ClampedArray; width: number },
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  zoom: number,
): void {
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const s = (r * width + c) * channels;
      const red = pixels[s] as number;
      const green = channels >= 3 ? (pixels[s + 1] as number) : red;
      const blue = channels >= 3 ? (pixels[s + 2] as number) : red;
      for (let dy = 0; dy < zoom; dy++) {
        let p = ((r * zoom + dy) * image.width + c * zoom) * 4;
        for (let dx = 0; dx < zoom; dx++, p += 4) {
          image.data[p] = red;
          image.data[p + 1] = green;
          image.data[p + 2] = blue;
          image.data[p + 3] = 255;
        }
      }
    }
  }
}

/**
 * Blends a heat map (H×W, 0..max) over an RGBA buffer: the hotter, the more
 * opaque. Opacity grows with √(value/max) so that the broad, weak part of an
 * effective receptive field stays visible next to its few strong pixels.
 */
export function blendHeat(
  image: { data: Uint8ClampedArray; width: number },
  heat: Float32Array,
  width: number,
  height: number,
  zoom: number,
  scale: ColorScale,
  opacity = 0.75,
): void {
  const table = colorTable(scale);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const pos = scalePosition(scale, heat[r * width + c] as number);
      const a = Math.sqrt(pos) * opacity;
      const t = Math.round(pos * 255) * 3;
      for (let dy = 0; dy < zoom; dy++) {
        let p = ((r * zoom + dy) * image.width + c * zoom) * 4;
        for (let dx = 0; dx < zoom; dx++, p += 4) {
          image.data[p] = (image.data[p] as number) * (1 - a) + (table[t] as number) * a;
          image.data[p + 1] =
            (image.data[p + 1] as number) * (1 - a) + (table[t + 1] as number) * a;
          image.data[p + 2] =
            (image.data[p + 2] as number) * (1 - a) + (table[t + 2] as number) * a;
        }
      }
    }
  }
}

/** An inclusive input rectangle (rows lo[0]..hi[0], columns lo[1]..hi[1]) as canvas pixels at `zoom`. */
export function rectOnCanvas(
  lo: readonly number[],
  hi: readonly number[],
  zoom: number,
): { x: number; y: number; w: number; h: number } {
  const [r0 = 0, c0 = 0] = lo;
  const [r1 = 0, c1 = 0] = hi;
  return { x: c0 * zoom, y: r0 * zoom, w: (c1 - c0 + 1) * zoom, h: (r1 - r0 + 1) * zoom };
}
