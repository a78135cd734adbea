/**
 * Where each weight's label sits on its edge in the backprop diagram, so that no two labels
 * and no label and unit overlap (labels of a 3-2-3 net used to collide where the hidden →
 * output edges cross). Greedy: the current weight's label first (it is the longest and must
 * be read), then the others in order; each takes the first spot along its edge that is free,
 * or the least crowded one when none is. Labels are boxes just above their edge (so the line
 * does not strike through the text), rotated with it.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One edge to label: from `a` to `b` (already shortened to the circles' rims). */
export interface EdgeToLabel {
  readonly id: string;
  readonly a: Point;
  readonly b: Point;
  /** Label width in px (its text measured or estimated by the caller). */
  readonly width: number;
}

/** Something a label must not cover: a unit's circle (or a text below it, as a circle). */
export interface Disc {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** Rotation in degrees, the edge's direction. */
  readonly angle: number;
  readonly width: number;
  /** False when every spot on the edge was taken: the least crowded one was used. */
  readonly free: boolean;
}

/** Label height in px (11 px text with a little room). */
export const LABEL_HEIGHT = 14;
/** Distance from the edge to the label's centre line. */
const LIFT = LABEL_HEIGHT / 2 + 1;

/** Positions along the edge to try: the middle, then the ones that look tidy, then every 3%. */
const SPOTS = [
  ...[0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8],
  ...Array.from({ length: 33 }, (_, i) => 0.02 + i * 0.03),
];

interface Box {
  readonly cx: number;
  readonly cy: number;
  readonly ux: number;
  readonly uy: number;
  readonly hw: number;
  readonly hh: number;
}

function boxAt(e: EdgeToLabel, t: number, pad = 2): Box {
  const dx = e.b.x - e.a.x;
  const dy = e.b.y - e.a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  return {
    // "Above" in the label's rotated frame: local (0, −LIFT) turned by the edge's angle.
    cx: e.a.x + dx * t + LIFT * uy,
    cy: e.a.y + dy * t - LIFT * ux,
    ux,
    uy,
    hw: e.width / 2 + pad,
    hh: LABEL_HEIGHT / 2 + pad / 2,
  };
}

/** Half-extent of box `b` projected on the unit axis (ax, ay). */
function extent(b: Box, ax: number, ay: number): number {
  return b.hw * Math.abs(b.ux * ax + b.uy * ay) + b.hh * Math.abs(-b.uy * ax + b.ux * ay);
}

/** Separating-axis test for two rotated rectangles. */
export function boxesOverlap(p: Box, q: Box): boolean {
  const axes: [number, number][] = [
    [p.ux, p.uy],
    [-p.uy, p.ux],
    [q.ux, q.uy],
    [-q.uy, q.ux],
  ];
  const dx = q.cx - p.cx;
  const dy = q.cy - p.cy;
  return axes.every(
    ([ax, ay]) => Math.abs(dx * ax + dy * ay) < extent(p, ax, ay) + extent(q, ax, ay),
  );
}

function coversDisc(b: Box, d: Disc): boolean {
  const dx = d.x - b.cx;
  const dy = d.y - b.cy;
  const along = dx * b.ux + dy * b.uy;
  const across = -dx * b.uy + dy * b.ux;
  const nx = Math.max(-b.hw, Math.min(b.hw, along));
  const ny = Math.max(-b.hh, Math.min(b.hh, across));
  return Math.hypot(along - nx, across - ny) < d.r;
}

/** Places every edge's label; `first` (the current weight) is placed before the others. */
export function placeEdgeLabels(
  edges: readonly EdgeToLabel[],
  discs: readonly Disc[],
  first: string | null = null,
): PlacedLabel[] {
  const order = [...edges].sort((p, q) => Number(q.id === first) - Number(p.id === first));
  const placed: { label: PlacedLabel; box: Box }[] = [];
  for (const e of order) {
    const len = Math.hypot(e.b.x - e.a.x, e.b.y - e.a.y);
    const margin = Math.min(0.5, (e.width / 2 + 2) / (len || 1));
    const spots = SPOTS.filter((t) => t >= margin && t <= 1 - margin);
    let best: { t: number; hits: number } = { t: 0.5, hits: Infinity };
    for (const t of spots.length > 0 ? spots : [0.5]) {
      const box = boxAt(e, t);
      const hits =
        placed.filter((p) => boxesOverlap(p.box, box)).length +
        discs.filter((d) => coversDisc(box, d)).length;
      if (hits < best.hits) best = { t, hits };
      if (hits === 0) break;
    }
    const box = boxAt(e, best.t);
    placed.push({
      box,
      label: {
        id: e.id,
        x: box.cx,
        y: box.cy,
        angle: (Math.atan2(e.b.y - e.a.y, e.b.x - e.a.x) * 180) / Math.PI,
        width: e.width,
        free: best.hits === 0,
      },
    });
  }
  return edges.map((e) => placed.find((p) => p.label.id === e.id)!.label);
}

/** Width of a label in px at 11 px: digits and letters average about 6.3 px, punctuation less. */
export function estimateLabelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[.,=\-·]/.test(ch) ? 3.6 : /[∂/]/.test(ch) ? 5.5 : 6.4;
  return Math.ceil(w);
}
