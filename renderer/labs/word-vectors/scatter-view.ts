/**
 * The arithmetic of the word scatter, apart from the canvas: where the view
 * looks (scale and offset), zooming about a point, centring a word, and which
 * labels fit without overlapping. Pure, so it is tested without a browser.
 */

/** Screen = data · scale + offset (y grows downwards on screen, so data y is flipped). */
export interface ViewTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export interface Bounds {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

export function boundsOf(xy: Float32Array): Bounds {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return xy.length ? { minX, maxX, minY, maxY } : { minX: -1, maxX: 1, minY: -1, maxY: 1 };
}

/** The whole cloud in a width × height box, with a margin for labels. */
export function fitView(b: Bounds, width: number, height: number, margin = 24): ViewTransform {
  const spanX = Math.max(1e-9, b.maxX - b.minX);
  const spanY = Math.max(1e-9, b.maxY - b.minY);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  return {
    scale,
    offsetX: width / 2 - ((b.minX + b.maxX) / 2) * scale,
    offsetY: height / 2 + ((b.minY + b.maxY) / 2) * scale,
  };
}

export function toScreen(v: ViewTransform, x: number, y: number): [number, number] {
  return [x * v.scale + v.offsetX, -y * v.scale + v.offsetY];
}

/** Zooms by `factor` keeping the data point under (sx, sy) where it is. */
export function zoomAt(v: ViewTransform, sx: number, sy: number, factor: number): ViewTransform {
  const scale = v.scale * factor;
  return {
    scale,
    offsetX: sx - (sx - v.offsetX) * factor,
    offsetY: sy - (sy - v.offsetY) * factor,
  };
}

export function panBy(v: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...v, offsetX: v.offsetX + dx, offsetY: v.offsetY + dy };
}

/** Puts data point (x, y) at the centre of the box, at least at `minScale`. */
export function centreOn(
  v: ViewTransform,
  x: number,
  y: number,
  width: number,
  height: number,
  minScale = v.scale,
): ViewTransform {
  const scale = Math.max(v.scale, minScale);
  return { scale, offsetX: width / 2 - x * scale, offsetY: height / 2 + y * scale };
}

/** The point nearest to (sx, sy) on screen within `radius` pixels, or null. */
export function pickPoint(
  v: ViewTransform,
  xy: Float32Array,
  sx: number,
  sy: number,
  radius = 8,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < xy.length / 2; i++) {
    const [px, py] = toScreen(v, xy[2 * i]!, xy[2 * i + 1]!);
    const d = (px - sx) ** 2 + (py - sy) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** A label placed at its point's right. */
export interface PlacedLabel {
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Greedy label placement: candidates in priority order (chosen words first,
 * then the rest in table order — for a vocabulary, most frequent first); a
 * label is kept when its box is on screen and overlaps no kept box. A grid
 * of `cell`-pixel buckets keeps each test local, so 10 000 candidates cost
 * little. Stops at `maxLabels`.
 */
export function placeLabels(
  v: ViewTransform,
  xy: Float32Array,
  candidates: Iterable<number>,
  labelWidth: (index: number) => number,
  box: { readonly width: number; readonly height: number },
  options: {
    readonly lineHeight?: number;
    readonly maxLabels?: number;
    readonly cell?: number;
  } = {},
): PlacedLabel[] {
  const lineHeight = options.lineHeight ?? 14;
  const maxLabels = options.maxLabels ?? 300;
  const cell = options.cell ?? 48;
  const grid = new Map<number, [number, number, number, number][]>();
  const placed: PlacedLabel[] = [];
  const key = (cx: number, cy: number) => cx * 100_003 + cy;
  for (const index of candidates) {
    if (placed.length >= maxLabels) break;
    const [px, py] = toScreen(v, xy[2 * index]!, xy[2 * index + 1]!);
    const x0 = px + 4;
    const y0 = py - lineHeight / 2;
    if (px < 0 || py < 0 || px > box.width || py > box.height) continue;
    const x1 = x0 + labelWidth(index);
    const y1 = y0 + lineHeight;
    const cx0 = Math.floor(x0 / cell);
    const cx1 = Math.floor(x1 / cell);
    const cy0 = Math.floor(y0 / cell);
    const cy1 = Math.floor(y1 / cell);
    let free = true;
    for (let cx = cx0; cx <= cx1 && free; cx++)
      for (let cy = cy0; cy <= cy1 && free; cy++)
        for (const [a, b, c, d] of grid.get(key(cx, cy)) ?? [])
          if (x0 < c && a < x1 && y0 < d && b < y1) {
            free = false;
            break;
          }
    if (!free) continue;
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = grid.get(key(cx, cy));
        if (list) list.push([x0, y0, x1, y1]);
        else grid.set(key(cx, cy), [[x0, y0, x1, y1]]);
      }
    placed.push({ index, x: x0, y: py });
  }
  return placed;
}
