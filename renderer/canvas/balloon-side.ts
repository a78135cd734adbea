import type { Rect } from './readable-view';

/** Where a selected node shows its first problem: beside it, or inside it when both sides are taken. */
export type BalloonSide = 'right' | 'left' | 'inside';

/** The callout's box beside a node (styles/canvas.css `.layer-node-message`), with its gap, in flow px. */
export const balloonBox = { width: 250, height: 110 } as const;

/**
 * The first side of the node where the problem callout covers no other
 * layer; `inside` (the node grows to hold the text) when neither is free.
 */
export function balloonSide(node: Rect, others: readonly Rect[]): BalloonSide {
  const top = node.y - 3;
  const right: Rect = { x: node.x + node.width, y: top, ...balloonBox };
  const left: Rect = { x: node.x - balloonBox.width, y: top, ...balloonBox };
  if (!others.some((o) => overlaps(right, o))) return 'right';
  if (!others.some((o) => overlaps(left, o))) return 'left';
  return 'inside';
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
