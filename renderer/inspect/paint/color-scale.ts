/**
 * One colour scale shared by every map of a view, so the same colour means
 * the same value everywhere. Signed data (min < 0 < max) gets a diverging
 * blue–white–red scale symmetric around 0; non-negative data (ReLU outputs,
 * gradient magnitudes) gets a sequential dark-to-yellow scale.
 */
export interface ColorScale {
  readonly kind: 'diverging' | 'sequential';
  readonly min: number;
  readonly max: number;
}

type Rgb = readonly [number, number, number];

// Viridis at 5 stops (perceptually uniform, readable in grey print).
const sequentialStops: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
// ColorBrewer RdBu, reversed: negative blue, zero white, positive red.
const divergingStops: readonly Rgb[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [178, 24, 43],
];

/** The scale for data in [min, max]. A constant map still gets a non-empty range. */
export function colorScaleFor(min: number, max: number): ColorScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { kind: 'sequential', min: 0, max: 1 };
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return { kind: 'diverging', min: -m, max: m };
  }
  if (max <= min) return { kind: 'sequential', min, max: min + 1 };
  return { kind: 'sequential', min, max };
}

/** Scale covering several maps (one shared scale for a whole layer view). */
export function sharedScale(
  ranges: readonly { readonly min: number; readonly max: number }[],
): ColorScale {
  let min = Infinity;
  let max = -Infinity;
  for (const r of ranges) {
    min = Math.min(min, r.min);
    max = Math.max(max, r.max);
  }
  return ranges.length ? colorScaleFor(min, max) : colorScaleFor(0, 1);
}

/** Position of v on the scale, 0..1 (clamped). */
export function scalePosition(scale: ColorScale, v: number): number {
  const t = (v - scale.min) / (scale.max - scale.min);
  return t < 0 ? 0 : t > 1 ? 1 : Number.isNaN(t) ? 0 : t;
}

/** Colour of value v as [r, g, b] 0..255. */
export function colorAt(scale: ColorScale, v: number): Rgb {
  const stops = scale.kind === 'diverging' ? divergingStops : sequentialStops;
  const x = scalePosition(scale, v) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i] as Rgb;
  const b = stops[i + 1] as Rgb;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** 256-entry lookup table (r, g, b, r, g, b, …) for fast painting of large maps. */
export function colorTable(scale: ColorScale): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = colorAt(scale, scale.min + ((scale.max - scale.min) * i) / 255);
    table.set([r, g, b], i * 3);
  }
  return table;
}

/** CSS colour of value v. */
export function cssColorAt(scale: ColorScale, v: number): string {
  const [r, g, b] = colorAt(scale, v);
  return `rgb(${r} ${g} ${b})`;
}

/** Short, readable number for axis and legend labels (3 significant digits). */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 0.001) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}
