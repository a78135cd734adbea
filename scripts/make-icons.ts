/**
 * Draws the LayerLab app icon (a small layered network on a blue tile) into
 * assets/icons/: icon.svg (the source), and 512×512 / 256×256 PNGs rendered
 * from the same geometry with 4×4 supersampling. Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PNG } from 'pngjs';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');

// Geometry in a 512-unit square.
const tile = { inset: 32, radius: 96 };
const layers = [
  [176, 256, 336],
  [136, 216, 296, 376],
  [216, 296],
].map((ys, column) => ys.map((y) => ({ x: 136 + column * 120, y })));
const nodeRadius = 26;
const edgeWidth = 9;
const top: [number, number, number] = [0x2f, 0x6f, 0xe0];
const bottom: [number, number, number] = [0x6a, 0x3f, 0xc4];
const accent: [number, number, number] = [0xff, 0xc8, 0x57];

const edges = layers
  .slice(1)
  .flatMap((layer, i) => layer.flatMap((to) => (layers[i] ?? []).map((from) => ({ from, to }))));

function svg(): string {
  const lines = edges
    .map(({ from, to }) => `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}"/>`)
    .join('');
  const nodes = layers
    .flatMap((layer, column) =>
      layer.map(
        (n) =>
          `<circle cx="${n.x}" cy="${n.y}" r="${nodeRadius}" fill="${column === layers.length - 1 ? '#ffc857' : '#ffffff'}"/>`,
      ),
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2f6fe0"/><stop offset="1" stop-color="#6a3fc4"/></linearGradient></defs>
  <rect x="${tile.inset}" y="${tile.inset}" width="${512 - 2 * tile.inset}" height="${512 - 2 * tile.inset}" rx="${tile.radius}" fill="url(#bg)"/>
  <g stroke="#ffffff" stroke-opacity="0.55" stroke-width="${edgeWidth}" stroke-linecap="round">${lines}</g>
  ${nodes}
</svg>
`;
}

function insideTile(x: number, y: number): boolean {
  const { inset, radius } = tile;
  const min = inset + radius;
  const max = 512 - inset - radius;
  const cx = Math.min(Math.max(x, min), max);
  const cy = Math.min(Math.max(y, min), max);
  return (
    x >= inset &&
    x <= 512 - inset &&
    y >= inset &&
    y <= 512 - inset &&
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
  );
}

function distanceToSegment(
  px: number,
  py: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Colour and alpha of one sample point, painting back to front. */
function sample(x: number, y: number): [number, number, number, number] {
  if (!insideTile(x, y)) return [0, 0, 0, 0];
  const t = (y - tile.inset) / (512 - 2 * tile.inset);
  let color: [number, number, number] = [0, 1, 2].map(
    (i) => (top[i] ?? 0) * (1 - t) + (bottom[i] ?? 0) * t,
  ) as [number, number, number];
  if (edges.some(({ from, to }) => distanceToSegment(x, y, from, to) <= edgeWidth / 2)) {
    color = color.map((c) => c * 0.45 + 255 * 0.55) as [number, number, number];
  }
  layers.forEach((layer, column) => {
    for (const n of layer) {
      if ((x - n.x) ** 2 + (y - n.y) ** 2 <= nodeRadius ** 2)
        color = column === layers.length - 1 ? accent : [255, 255, 255];
    }
  });
  return [...color, 255];
}

function render(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const scale = 512 / size;
  const grid = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const [r, g, b, a] = sample(
            (px + (sx + 0.5) / grid) * scale,
            (py + (sy + 0.5) / grid) * scale,
          );
          sum[0] = (sum[0] ?? 0) + r * a;
          sum[1] = (sum[1] ?? 0) + g * a;
          sum[2] = (sum[2] ?? 0) + b * a;
          sum[3] = (sum[3] ?? 0) + a;
        }
      }
      const alpha = sum[3] ?? 0;
      const offset = (py * size + px) * 4;
      png.data[offset] = alpha ? Math.round((sum[0] ?? 0) / alpha) : 0;
      png.data[offset + 1] = alpha ? Math.round((sum[1] ?? 0) / alpha) : 0;
      png.data[offset + 2] = alpha ? Math.round((sum[2] ?? 0) / alpha) : 0;
      png.data[offset + 3] = Math.round(alpha / (grid * grid));
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'icon.svg'), svg());
for (const size of [512, 256]) writeFileSync(path.join(outDir, `icon-${size}.png`), render(size));
writeFileSync(path.join(outDir, 'icon.png'), render(512)); // electron-builder's default name
console.log(`Icons written to ${path.relative(process.cwd(), outDir)}/`);
