import { useEffect, useRef } from 'react';

import type { ViewTransform } from './scatter-view';
import { panBy, pickPoint, placeLabels, toScreen, zoomAt } from './scatter-view';

interface ScatterCanvasProps {
  readonly words: readonly string[];
  /** Row i at (xy[2i], xy[2i+1]). */
  readonly xy: Float32Array;
  readonly view: ViewTransform;
  readonly onViewChange: (view: ViewTransform) => void;
  readonly width: number;
  readonly height: number;
  /** The chosen word (drawn large, always labelled). */
  readonly selected: number | null;
  /** Words to stress (neighbours, analogy answers): always labelled first. */
  readonly marked: readonly number[];
  readonly onPick: (index: number) => void;
  readonly ariaLabel: string;
}

// The body's font stack, so Chinese words draw with a CJK face.
const fontStack =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Chosen and marked words first, then every row in table order. */
function* labelOrder(count: number, selected: number | null, marked: readonly number[]) {
  if (selected !== null) yield selected;
  yield* marked;
  for (let i = 0; i < count; i++) yield i;
}

/**
 * Every word as a dot on one canvas (10 000 dots are one pass, not 10 000
 * DOM nodes), with as many labels as fit. Wheel zooms about the pointer,
 * dragging pans, a click picks the nearest word.
 */
export function ScatterCanvas(props: ScatterCanvasProps) {
  const { words, xy, view, width, height, selected, marked } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const markedSet = new Set(marked);
    ctx.fillStyle = 'rgba(60, 90, 150, 0.55)';
    for (let i = 0; i < words.length; i++) {
      const [x, y] = toScreen(view, xy[2 * i]!, xy[2 * i + 1]!);
      if (x < -2 || y < -2 || x > width + 2 || y > height + 2) continue;
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
    ctx.font = `12px ${fontStack}`;
    ctx.textBaseline = 'middle';
    const widths = new Map<number, number>();
    const labelWidth = (i: number) => {
      let w = widths.get(i);
      if (w === undefined) {
        w = ctx.measureText(words[i] ?? '').width;
        widths.set(i, w);
      }
      return w;
    };
    const labels = placeLabels(
      view,
      xy,
      labelOrder(words.length, selected, marked),
      labelWidth,
      { width, height },
      { maxLabels: Math.max(30, Math.round((width * height) / 2500)) },
    );
    for (const label of labels) {
      const strong = label.index === selected || markedSet.has(label.index);
      ctx.fillStyle = strong ? '#b4232b' : '#333';
      ctx.font = `${strong ? 'bold ' : ''}12px ${fontStack}`;
      ctx.fillText(words[label.index] ?? '', label.x, label.y);
    }
    for (const i of [...marked, ...(selected === null ? [] : [selected])]) {
      const [x, y] = toScreen(view, xy[2 * i]!, xy[2 * i + 1]!);
      ctx.fillStyle = i === selected ? '#b4232b' : '#e07b39';
      ctx.beginPath();
      ctx.arc(x, y, i === selected ? 5 : 3.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    canvas.dataset.labels = String(labels.length);
  }, [words, xy, view, width, height, selected, marked]);

  // Wheel listener registered by hand: React's is passive, so it cannot stop the page scrolling.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const p = latest.current;
      const factor = Math.exp(-event.deltaY * 0.0015);
      p.onViewChange(zoomAt(p.view, event.clientX - rect.left, event.clientY - rect.top, factor));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, []);

  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  return (
    <canvas
      ref={ref}
      className="explorer-canvas"
      data-testid="explorer-canvas"
      role="img"
      aria-label={props.ariaLabel}
      style={{ width, height }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, y: e.clientY, moved: false };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.hypot(dx, dy) < 3) return;
        drag.current = { x: e.clientX, y: e.clientY, moved: true };
        props.onViewChange(panBy(view, dx, dy));
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (!d || d.moved) return;
        const rect = e.currentTarget.getBoundingClientRect();
        const hit = pickPoint(view, xy, e.clientX - rect.left, e.clientY - rect.top);
        if (hit !== null) props.onPick(hit);
      }}
    />
  );
}
