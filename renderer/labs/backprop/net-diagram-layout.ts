import { formatNumber, type BackpropTrace } from '@core';

import {
  estimateLabelWidth,
  placeEdgeLabels,
  type Disc,
  type EdgeToLabel,
  type PlacedLabel,
} from './edge-labels';

export const UNIT_R = 34;
/** Column gap of a net with at most nine edges between two layers (the 3-2-3 net has six). */
const COL_W = 230;
/** Extra gap per edge beyond nine: denser layers need room for their labels. */
const COL_W_PER_EDGE = 22;
const ROW_H = 92;

/** An edge of the diagram with its label text. */
export type DiagramEdge = EdgeToLabel & { readonly text: string };

/**
 * Where everything of the backprop diagram goes: units in columns, edges between their rims,
 * and each weight's label placed so that none overlaps another label or a unit
 * (edge-labels.ts). Pure, so a test can check the placement of every step.
 */
export function layoutNetDiagram(
  trace: BackpropTrace,
  currentParameter: string | null,
  decimals: number,
) {
  const layers = trace.forward;
  const maxUnits = Math.max(...layers.map((l) => l.length));
  const maxEdges = Math.max(...layers.slice(1).map((l, i) => l.length * (layers[i]?.length ?? 0)));
  const colW = COL_W + COL_W_PER_EDGE * Math.max(0, maxEdges - 9);
  const width = colW * (layers.length - 1) + 2 * (UNIT_R + 50);
  const height = Math.max(ROW_H * maxUnits, 160) + 40;
  const pos = (layer: number, index: number) => {
    const n = layers[layer]?.length ?? 1;
    return {
      x: UNIT_R + 50 + layer * colW,
      y: 20 + height / 2 - 20 + (index - (n - 1) / 2) * ROW_H,
    };
  };
  const d = Math.min(decimals, 4);
  const gradByName = new Map(trace.gradients.map((g) => [g.name, g]));
  const errors = new Map(trace.errors.flat().map((e) => [e.name, e]));
  const labelText = (weight: string, w: number): string =>
    currentParameter === weight
      ? `${weight}=${formatNumber(w, 2)}, ∂L/∂${weight}=${formatNumber(gradByName.get(weight)?.gradient ?? 0, d)}`
      : `${weight}=${formatNumber(w, 2)}`;
  const edges: DiagramEdge[] = layers.slice(1).flatMap((layer, l0) =>
    layer.flatMap((u) =>
      u.terms.map((term, i) => {
        const a = pos(l0, i);
        const b = pos(l0 + 1, u.index);
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = Math.hypot(dx, dy) || 1;
        const text = labelText(term.weight, term.w);
        // The current label is bold: a little wider than its estimate.
        const bold = currentParameter === term.weight ? 1.12 : 1;
        return {
          id: term.weight,
          a: { x: a.x + (dx / len) * UNIT_R, y: a.y + (dy / len) * UNIT_R },
          b: { x: b.x - (dx / len) * UNIT_R, y: b.y - (dy / len) * UNIT_R },
          width: Math.ceil(estimateLabelWidth(text) * bold),
          text,
        };
      }),
    ),
  );
  // Units and the δ written under each are obstacles for the labels.
  const discs: Disc[] = layers.flatMap((layer) =>
    layer.flatMap((u) => {
      const p = pos(u.layer, u.index);
      const below = p.y + UNIT_R + 10;
      return [
        { x: p.x, y: p.y, r: UNIT_R + 2 },
        { x: p.x - 22, y: below, r: 9 },
        { x: p.x + 22, y: below, r: 9 },
      ];
    }),
  );
  const labels: ReadonlyMap<string, PlacedLabel> = new Map(
    placeEdgeLabels(edges, discs, currentParameter).map((l) => [l.id, l]),
  );
  return { layers, width, height, pos, edges, labels, discs, d, errors };
}
