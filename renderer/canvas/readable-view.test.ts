import { describe, expect, it } from 'vitest';

import { readableViewport, readableZoom } from './readable-view';

const options = { titleFontPx: 13, minTitlePx: 12, maxZoom: 1, padding: 24 };
const pane = { width: 850, height: 600 };

describe('readableZoom', () => {
  it('is the zoom that draws titles at the readable size, rounded up to a whole percent', () => {
    expect(readableZoom({ titleFontPx: 13, minTitlePx: 12 })).toBe(0.93);
    expect(readableZoom({ titleFontPx: 12, minTitlePx: 12 })).toBe(1);
    expect(readableZoom({ titleFontPx: 13, minTitlePx: 18 })).toBe(1.39);
  });
});

describe('readableViewport', () => {
  it('centres a small graph at the largest allowed zoom', () => {
    const view = readableViewport({ x: 0, y: 0, width: 220, height: 300 }, pane, options);
    expect(view.zoom).toBe(1);
    expect(view.x).toBe((850 - 220) / 2);
    expect(view.y).toBe((600 - 300) / 2);
  });

  it('shrinks a graph that fits only when smaller, down to the readable zoom', () => {
    const bounds = { x: 0, y: 0, width: 220, height: 590 };
    const view = readableViewport(bounds, pane, options);
    expect(view.zoom).toBeCloseTo(552 / 590);
    expect(view.zoom * options.titleFontPx).toBeGreaterThanOrEqual(12);
  });

  it('never shrinks titles below the readable size: a tall graph shows its start', () => {
    // LeNet laid out top to bottom: eight levels, about 1,330 px tall at zoom 1.
    const bounds = { x: -110, y: 0, width: 220, height: 1330 };
    const view = readableViewport(bounds, pane, options);
    expect(view.zoom).toBe(readableZoom(options));
    expect(view.zoom).toBe(0.93);
    expect(view.zoom * options.titleFontPx).toBeGreaterThanOrEqual(12);
    // The top of the graph sits at the padding; it is centred across, where it fits.
    expect(bounds.y * view.zoom + view.y).toBe(24);
    expect((bounds.x + bounds.width / 2) * view.zoom + view.x).toBeCloseTo(850 / 2);
  });

  it('starts at the left edge when the graph is wider than the pane', () => {
    const bounds = { x: 100, y: 50, width: 3000, height: 200 };
    const view = readableViewport(bounds, pane, options);
    expect(bounds.x * view.zoom + view.x).toBe(24);
  });

  it('presentation mode raises the floor above the normal largest zoom', () => {
    const view = readableViewport({ x: 0, y: 0, width: 220, height: 1330 }, pane, {
      ...options,
      minTitlePx: 18,
    });
    expect(view.zoom).toBe(1.39);
    expect(view.zoom * options.titleFontPx).toBeGreaterThanOrEqual(18);
  });
});
