/**
 * The view a graph opens at: as much of it as fits, but never so small that a
 * node's title is unreadable. A fit that would shrink titles below the
 * readable size stops at that size and shows the start of the graph (its
 * inputs, top left, where data enters), and the rest is reached by scrolling.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface ReadableViewOptions {
  /** Node title font size at zoom 1, in CSS px (read from the rendered node). */
  readonly titleFontPx: number;
  /** Smallest title size on screen, in px: 12 by default, larger in presentation mode. */
  readonly minTitlePx: number;
  /** Largest zoom a fit may choose (a two-node graph is not blown up to fill the screen). */
  readonly maxZoom: number;
  /** Screen px kept free around the graph. */
  readonly padding: number;
}

/**
 * The smallest zoom at which titles are at least `minTitlePx` on screen,
 * rounded up to a whole percent so rounding on screen never lands below it.
 */
export function readableZoom(options: Pick<ReadableViewOptions, 'titleFontPx' | 'minTitlePx'>) {
  return Math.ceil((100 * options.minTitlePx) / options.titleFontPx - 1e-9) / 100;
}

/**
 * The viewport for `bounds` (the graph's nodes, flow coordinates) in a pane of
 * `pane` size (screen px). On each axis the graph is centred when it fits and
 * starts at the padding when it does not.
 */
export function readableViewport(
  bounds: Rect,
  pane: { readonly width: number; readonly height: number },
  options: ReadableViewOptions,
): Viewport {
  const { padding } = options;
  const room = {
    width: Math.max(1, pane.width - 2 * padding),
    height: Math.max(1, pane.height - 2 * padding),
  };
  const fit = Math.min(
    room.width / Math.max(1, bounds.width),
    room.height / Math.max(1, bounds.height),
  );
  const floor = readableZoom(options);
  const zoom = Math.max(floor, Math.min(fit, Math.max(options.maxZoom, floor)));
  const place = (start: number, size: number, available: number, paneSize: number): number => {
    const onScreen = size * zoom;
    return onScreen <= available
      ? (paneSize - onScreen) / 2 - start * zoom
      : padding - start * zoom;
  };
  return {
    x: place(bounds.x, bounds.width, room.width, pane.width),
    y: place(bounds.y, bounds.height, room.height, pane.height),
    zoom,
  };
}
