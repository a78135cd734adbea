import { discriminate, type GanDiscriminator, type GanPoint } from '@core';

/** The square of the plane the GAN picture shows: every point inside, at least [−3, 3]². */
export interface PlaneView {
  readonly min: number;
  readonly max: number;
}

export function planeView(points: readonly GanPoint[]): PlaneView {
  const coords = points.flatMap((p) => [p[0], p[1]]).filter(Number.isFinite);
  const reach = Math.max(3, ...coords.map((v) => Math.abs(v) * 1.15));
  const r = Math.min(Math.ceil(reach), 1000);
  return { min: -r, max: r };
}

/** One shaded cell of D's decision surface: its corner in plane units and D at its centre. */
export interface SurfaceCell {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly D: number;
}

/** D(x) sampled on a cells × cells grid over the view (the shaded background). */
export function decisionSurface(d: GanDiscriminator, view: PlaneView, cells = 36): SurfaceCell[] {
  const size = (view.max - view.min) / cells;
  const out: SurfaceCell[] = [];
  for (let i = 0; i < cells; i++)
    for (let j = 0; j < cells; j++) {
      const x = view.min + i * size;
      const y = view.min + j * size;
      out.push({ x, y, size, D: discriminate(d, [x + size / 2, y + size / 2]) });
    }
  return out;
}

/**
 * The two ends of D's boundary w·x + b = 0 (where D = 0.5) inside the view, or null when
 * w = 0 (D says the same everywhere) or the line misses the view.
 */
export function boundarySegment(
  d: GanDiscriminator,
  view: PlaneView,
): readonly [GanPoint, GanPoint] | null {
  const [w1, w2] = d.w;
  const { min, max } = view;
  const hits: GanPoint[] = [];
  const inside = (v: number) => v >= min - 1e-9 && v <= max + 1e-9;
  if (w2 !== 0)
    for (const x of [min, max]) {
      const y = -(w1 * x + d.b) / w2;
      if (inside(y)) hits.push([x, y]);
    }
  if (w1 !== 0)
    for (const y of [min, max]) {
      const x = -(w2 * y + d.b) / w1;
      if (inside(x)) hits.push([x, y]);
    }
  const a = hits[0];
  const b = hits.find((h) => a && Math.hypot(h[0] - a[0], h[1] - a[1]) > 1e-9);
  return a && b ? [a, b] : null;
}
