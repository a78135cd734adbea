import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the training bench page (this folder) and opens it in headless
 * Debian Chromium, served from loopback with COOP/COEP as the app's protocol
 * and browser-mode server send them (electron/host/services/web-security.ts), so
 * the page is cross-origin isolated like the app. The first 8,000 samples
 * of `pixels`/`labels` are served at /data/*, the templates at /template/*.
 * Shared by `bench:train` and the Chromium row of `bench:engine`.
 */
export async function openBenchPage(
  name: string,
  pixels: Uint8Array,
  labels: Uint8Array,
  chromiumArgs: readonly string[] = [],
): Promise<{ page: Page; close(): Promise<void> }> {
  const outDir = path.join(repo, 'node_modules/.cache', name);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(repo, 'scripts/bench-train-page'),
    base: './',
    resolve: { alias: { '@core': path.join(repo, 'core/index.ts') } },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  const data = {
    pixels: Buffer.from(pixels.buffer, pixels.byteOffset, 8000 * 784),
    labels: Buffer.from(labels.buffer, labels.byteOffset, 8000),
  };
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.html': 'text/html',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
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
    args: ['--no-sandbox', ...chromiumArgs],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return {
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
