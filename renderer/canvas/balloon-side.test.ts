import { describe, expect, it } from 'vitest';

import { balloonSide, visibleFlowRect } from './balloon-side';

const node = { x: 0, y: 0, width: 220, height: 120 };

describe('balloonSide', () => {
  it('puts the callout on the right when nothing is there', () => {
    expect(balloonSide(node, [{ x: 0, y: 170, width: 220, height: 120 }])).toBe('right');
  });

  it('moves it to the left when a layer of the same level sits on the right', () => {
    // Tidy layout: siblings 260 px apart, so the right neighbour starts 40 px after this node.
    expect(balloonSide(node, [{ x: 260, y: 0, width: 220, height: 120 }])).toBe('left');
  });

  it('keeps it inside the node when both sides are taken', () => {
    const others = [
      { x: 260, y: 0, width: 220, height: 120 },
      { x: -260, y: 0, width: 220, height: 120 },
    ];
    expect(balloonSide(node, others)).toBe('inside');
  });

  it('a layer far enough below does not count', () => {
    expect(balloonSide(node, [{ x: 300, y: 400, width: 220, height: 120 }])).toBe('right');
  });

  it('keeps the callout on screen: left near the right edge of the view, inside when neither side fits', () => {
    const view = { x: -400, y: -100, width: 700, height: 500 }; // the node's right side ends 80 px before the edge
    expect(balloonSide(node, [], view)).toBe('left');
    expect(balloonSide(node, [], { x: -100, y: -100, width: 400, height: 500 })).toBe('inside');
    expect(balloonSide(node, [], { x: -100, y: -100, width: 900, height: 500 })).toBe('right');
  });

  it("turns React Flow's transform into the visible flow rectangle", () => {
    expect(visibleFlowRect([100, -50, 2], 800, 600)).toEqual({
      x: -50,
      y: 25,
      width: 400,
      height: 300,
    });
  });
});
