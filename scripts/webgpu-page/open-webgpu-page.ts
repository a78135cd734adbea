import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(repo, 'node_modules/.cache/webgpu-page');
const wasmDir = path.join(repo, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');

/**
 * Chromium flags for SwiftShader's WebGPU adapter, which headless Chromium
 * exposes without a GPU on an `http://127.0.0.1` page (a secure context).
 * Only for tests and the software row of bench:train: on a real GPU these
 * flags would hide it.
 */
export const swiftshaderWebgpuArgs = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

/** Builds the page once per process (vite), for every browser opened after. */
let built: Promise<unknown> | null = null;

/**
 * Builds this folder's page (TF.js, its WebGPU backend, core's initBackend and
 * compileGraph) and opens it in headless Debian Chromium with `args`, served
 * from loopback; TF.js's wasm binaries are at /wasm/.
 */
export async function openWebgpuPage(
  args: readonly string[],
): Promise<{ page: Page; close(): Promise<void> }> {
  built ??= build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(repo, 'scripts/webgpu-page'),
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  await built;
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.html': 'text/html',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    const file = url.startsWith('/wasm/')
      ? path.join(wasmDir, path.basename(url))
      : path.join(outDir, url === '/' ? 'index.html' : url);
    if (!(file.startsWith(outDir) || file.startsWith(wasmDir)) || !existsSync(file))
      return res.writeHead(404).end();
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', ...args],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(300_000);
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
