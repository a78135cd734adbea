/**
 * The Chromium row of `npm run bench:engine`: LeNet trained through the app's
 * worker path (training client → training worker → LayerLab's engine with its
 * nested peer workers) in headless Debian Chromium, on a page served with
 * COOP/COEP as the app is (so the peers share memory), while a rAF loop on
 * the window's main thread records the frame rate and the longest frame gap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { build } from 'vite';

import { loadFashionMnist } from './fashion-mnist';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface AppResult {
  backend: string;
  engine: string;
  examplesPerSecond: number;
  fps: number;
  measuredFrameGapMs: number;
  crossOriginIsolated: boolean;
}

/** One line: ex/s, ratio to PyTorch's best (when given), fps and the longest frame gap. */
export async function chromiumEngineRow(torchBest: number | null): Promise<string> {
  const outDir = path.join(repo, 'node_modules/.cache/bench-engine-page');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(repo, 'scripts/bench-train-page'),
    base: './',
    resolve: { alias: { '@core': path.join(repo, 'core/index.ts') } },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  const train = await loadFashionMnist('train');
  const data = {
    pixels: Buffer.from(train.pixels.buffer, train.pixels.byteOffset, 8000 * 784),
    labels: Buffer.from(train.labels.buffer, train.labels.byteOffset, 8000),
  };
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.html': 'text/html',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    // As the app's protocol handler and browser-mode server send them (electron/services/web-security.ts).
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if (url === '/data/pixels') return res.end(data.pixels);
    if (url === '/data/labels') return res.end(data.labels);
    if (url.startsWith('/template/'))
      return res.end(
        readFileSync(path.join(repo, 'assets/templates', `${path.basename(url)}.layerlab`)),
      );
    const file = path.join(outDir, url === '/' ? 'index.html' : url);
    if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const r = await page.evaluate(
      (q) =>
        (window as unknown as { runAppBench: (q: unknown) => Promise<AppResult> }).runAppBench(q),
      { backend: 'wasm', model: 'cnn', warmup: 10, batches: 110 }, // 120 × 64 of the 8,000 samples served,
    );
    const ratio = torchBest
      ? `, ${(r.examplesPerSecond / torchBest).toFixed(2)}× PyTorch best`
      : '';
    return `Chromium app worker, LeNet batch 64 (${r.engine}; crossOriginIsolated ${String(r.crossOriginIsolated)}): ${Math.round(r.examplesPerSecond).toLocaleString('en')} ex/s${ratio}; main thread ${r.fps.toFixed(1)} fps, longest frame gap ${r.measuredFrameGapMs.toFixed(0)} ms (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`;
  } finally {
    await browser.close();
    server.close();
  }
}
