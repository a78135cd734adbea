import type { Rect } from './readable-view';

/** Where a selected node shows its first problem: beside it, or inside it when both sides are taken. */
export type BalloonSide = 'right' | 'left' | 'inside';

/** The callout's box beside a node (styles/canvas.css `.layer-node-message`), with its gap, in flow px. */
export const balloonBox = { width: 250, height: 110 } as const;

/**
 * The first side of the node where the problem callout covers no other
 * layer and, given the visible part of the canvas (flow px), stays on screen
 * across; `inside` (the node grows to hold the text) when neither side will do.
 */
export function balloonSide(node: Rect, others: readonly Rect[], visible?: Rect): BalloonSide {
  const top = node.y - 3;
  const right: Rect = { x: node.x + node.width, y: top, ...balloonBox };
  const left: Rect = { x: node.x - balloonBox.width, y: top, ...balloonBox };
  const fits = (box: Rect): boolean =>
    !others.some((o) => overlaps(box, o)) &&
    (visible === undefined ||
      (box.x >= visible.x && box.x + box.width <= visible.x + visible.width));
  if (fits(right)) return 'right';
  if (fits(left)) return 'left';
  return 'inside';
}

/** The visible part of the canvas in flow px, from React Flow's transform [x, y, zoom] and pane size. */
export function visibleFlowRect(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): Rect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
