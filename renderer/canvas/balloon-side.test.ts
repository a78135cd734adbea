import { describe, expect, it } from 'vitest';

import { balloonSide } from './balloon-side';

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
});
