import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';
import * as esbuild from 'esbuild';
import { PNG } from 'pngjs';

import { fashionMnistClasses, writeFashionMnistFolders } from '../scripts/fashion-mnist';

/**
 * The inspection journey of issue 6 on a model trained for one epoch on a
 * small real image folder (Fashion-MNIST PNGs, 60 per class): feature maps,
 * a click on a conv2d_2 unit draws its receptive field with the size the
 * node reports (14×14 by the textbook recurrence), the confusion matrix, a
 * click on a wrong cell shows its images, and an image dropped on the predict
 * panel gets sorted probability bars.
 *
 * The dataset panel does not yet hand datasets to the training worker, so
 * the page is a harness (renderer/inspect/harness/inspect-harness.tsx) that
 * trains the LeNet template with core's `train` and mounts the real Inspect
 * panel over the same `handleInspectRequest` the worker uses.
 * Screenshots: e2e/artifacts/inspect-*.png.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(repoRoot, 'e2e', 'artifacts');
const origin = 'http://inspect.test';
const PER_CLASS = 60;
const VALIDATION_PER_CLASS = 12;

let bundle: string;
let css: string;
let workDir: string;
let dataset: { pixels: number[]; labels: number[]; train: number[]; validation: number[] };
let droppedPng: Buffer;

/** Reads the class folders back: pixels (grey, 28×28) and labels by folder, in file order. */
async function readImageFolder(
  dir: string,
): Promise<{ pixels: number[]; labels: number[]; train: number[]; validation: number[] }> {
  const pixels: number[] = [];
  const labels: number[] = [];
  const train: number[] = [];
  const validation: number[] = [];
  for (const [label, name] of fashionMnistClasses.entries()) {
    const files = (await readdir(path.join(dir, name))).filter((f) => f.endsWith('.png')).sort();
    files.forEach(() => undefined);
    for (const [k, file] of files.entries()) {
      const png = PNG.sync.read(await readFile(path.join(dir, name, file)));
      for (let p = 0; p < png.width * png.height; p++) pixels.push(png.data[p * 4] as number);
      (k < files.length - VALIDATION_PER_CLASS ? train : validation).push(labels.length);
      labels.push(label);
    }
  }
  return { pixels, labels, train, validation };
}

/** A 56×56 RGB PNG of validation image `index` (upscaled, so the panel must resize and grey it). */
function pngOf(pixels: readonly number[], index: number): Buffer {
  const png = new PNG({ width: 56, height: 56 });
  for (let y = 0; y < 56; y++)
    for (let x = 0; x < 56; x++) {
      const v = pixels[index * 784 + Math.floor(y / 2) * 28 + Math.floor(x / 2)] as number;
      png.data.set([v, v, v, 255], (y * 56 + x) * 4);
    }
  return PNG.sync.write(png);
}

test.beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-inspect-e2e-'));
  const { dir } = await writeFashionMnistFolders(path.join(workDir, 'fashion'), 'test', {
    perClass: PER_CLASS,
  });
  dataset = await readImageFolder(dir);
  droppedPng = pngOf(dataset.pixels, dataset.validation[0] as number);
  const built = await esbuild.build({
    entryPoints: [path.join(repoRoot, 'renderer/inspect/harness/inspect-harness.tsx')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    jsx: 'automatic',
    alias: { '@core': path.join(repoRoot, 'core/index.ts') },
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  bundle = built.outputFiles[0]?.text ?? '';
  css = [
    await readFile(path.join(repoRoot, 'renderer/styles/theme.css'), 'utf8'),
    await readFile(path.join(repoRoot, 'renderer/inspect/inspect.css'), 'utf8'),
  ].join('\n');
});

test.afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Serves the harness page, its script and the WASM binaries from memory and node_modules. */
async function openHarness(
  page: Page,
  language: 'en' | 'zh-CN',
): Promise<{ backend: string; epochs: number }> {
  const wasmDir = path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html data-theme="light"><head><meta charset="utf-8"><style>${css} body{font-family:sans-serif;background:var(--bg);color:var(--text)}</style></head><body><div id="root"></div><script src="/harness.js"></script></body></html>`,
      });
    }
    if (url.pathname === '/harness.js')
      return route.fulfill({ contentType: 'text/javascript', body: bundle });
    if (url.pathname.startsWith('/wasm/'))
      return route.fulfill({
        contentType: 'application/wasm',
        body: await readFile(path.join(wasmDir, path.basename(url.pathname))),
      });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${origin}/`);
  const template = await readFile(path.join(repoRoot, 'assets/templates/lenet.layerlab'), 'utf8');
  const catalog = async (lng: string): Promise<unknown> =>
    JSON.parse(
      await readFile(path.join(repoRoot, `renderer/i18n/locales/${lng}/inspect.json`), 'utf8'),
    ) as unknown;
  const catalogs = { en: await catalog('en'), 'zh-CN': await catalog('zh-CN') };
  const report = await page.evaluate(
    async ({ template, dataset, language, origin, catalogs }) => {
      const start = (
        window as unknown as {
          startInspectHarness(input: unknown): Promise<{ backend: string; epochs: number }>;
        }
      ).startInspectHarness;
      return start({
        template,
        pixels: Uint8Array.from(dataset.pixels),
        labels: Int32Array.from(dataset.labels),
        classNames: [
          'T-shirt',
          'Trouser',
          'Pullover',
          'Dress',
          'Coat',
          'Sandal',
          'Shirt',
          'Sneaker',
          'Bag',
          'Ankle boot',
        ],
        train: dataset.train,
        validation: dataset.validation,
        language,
        wasmPaths: `${origin}/wasm/`,
        focusLayer: null,
        catalogs,
      });
    },
    { template, dataset, language, origin, catalogs },
  );
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'true');
  return report;
}

test('inspects a LeNet trained for one epoch on a real image folder (en)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 900, height: 1400 });
  const report = await openHarness(page, 'en');
  expect(report).toMatchObject({ backend: 'wasm', epochs: 1 });

  // Feature maps: one section per layer, conv2d_2 as a grid of 32 channels of 8×8.
  const conv2 = page.getByTestId('feature-maps-conv2d_2');
  await expect(conv2).toBeVisible();
  await expect(page.getByTestId('color-legend').first()).toBeVisible();
  const zoom = Number(await conv2.getAttribute('data-zoom'));
  // Unit (row 3, column 4) of channel 0.
  await conv2.click({ position: { x: 4 * zoom + zoom / 2, y: 3 * zoom + zoom / 2 } });
  const overlay = page.getByTestId('rf-overlay');
  // conv 5×5 → pool 2 → conv 5×5: r = 1 + 4 = 5 → 5 + 1 = 6 (j = 2) → 6 + 4·2 = 14; start 6.5, so unit (3, 4) sees rows 6–19, columns 8–21.
  await expect(overlay).toHaveAttribute('data-rf-rows', '14');
  await expect(overlay).toHaveAttribute('data-rf-cols', '14');
  await expect(overlay).toHaveAttribute('data-rf-top', '6');
  await expect(overlay).toHaveAttribute('data-rf-left', '8');
  await expect(page.getByTestId('rf-facts')).toHaveAttribute('data-rf-size', '14x14');
  await page.screenshot({
    path: path.join(artifacts, 'inspect-feature-maps-en.png'),
    fullPage: true,
  });

  // Filters: conv2d_1's 16 kernels of 5×5 as images; a click shows one as numbers.
  await page.getByTestId('inspect-tab-filters').click();
  const grid = page.getByTestId('filters-grid');
  await expect(grid).toBeVisible();
  await grid.click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('filter-numbers').locator('td')).toHaveCount(25);
  await page.screenshot({ path: path.join(artifacts, 'inspect-filters-en.png'), fullPage: true });

  // Evaluation: confusion matrix over the 120 validation images; a wrong cell shows its images.
  await page.getByTestId('inspect-tab-evaluation').click();
  await page.getByTestId('evaluate-button').click();
  await expect(page.getByTestId('eval-summary')).toContainText('120');
  const counts = await page
    .getByTestId('confusion-matrix')
    .locator('td[data-count]')
    .evaluateAll((cells) =>
      cells.map(
        (c) => [c.getAttribute('data-testid'), Number(c.getAttribute('data-count'))] as const,
      ),
    );
  expect(counts.reduce((a, [, n]) => a + n, 0)).toBe(120);
  const wrong = counts
    .filter(([id, n]) => n > 0 && id && id.split('-')[1] !== id.split('-')[2])
    .sort((a, b) => b[1] - a[1])[0];
  expect(wrong, 'one epoch on 480 images still leaves mistakes').toBeDefined();
  await page.getByTestId(wrong![0]!).click();
  await expect(page.getByTestId('cell-samples').locator('canvas')).toHaveCount(
    Math.min(60, wrong![1]),
  );
  await page.getByTestId('cell-samples').locator('button').first().click();
  await expect(page.getByTestId('saliency')).toBeVisible();
  await expect(page.getByTestId('mistakes').locator('canvas').first()).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'inspect-confusion-en.png'), fullPage: true });

  // Predict: drop a 56×56 colour PNG on the panel; bars are sorted, most likely first.
  await page.getByTestId('inspect-tab-predict').click();
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(bytes)], 'coat.png', { type: 'image/png' }));
    return transfer;
  }, Array.from(droppedPng));
  await page.getByTestId('sample-picker').dispatchEvent('drop', { dataTransfer });
  const bars = page.getByTestId('probability-bars').locator('tr');
  await expect(bars).toHaveCount(10);
  const percents = await bars.locator('td.num').allTextContents();
  const values = percents.map((p) => Number.parseFloat(p));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThan(99);
  await page.screenshot({ path: path.join(artifacts, 'inspect-predict-en.png'), fullPage: true });

  // Activations: f, f′ and the pre-activation histogram of dense_1 (relu).
  await page.getByTestId('inspect-tab-activations').click();
  await expect(page.getByTestId('low-gradient-share')).toContainText('%');
  await page.screenshot({
    path: path.join(artifacts, 'inspect-activations-en.png'),
    fullPage: true,
  });
});

test('shows feature maps and the receptive field in Chinese (zh-CN)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 900, height: 1400 });
  await openHarness(page, 'zh-CN');
  await expect(page.getByTestId('inspect-tab-maps')).toHaveText('特征图');
  const conv1 = page.getByTestId('feature-maps-conv2d_1');
  const zoom = Number(await conv1.getAttribute('data-zoom'));
  await conv1.click({ position: { x: zoom / 2, y: zoom / 2 } });
  // conv2d_1 unit (0, 0): a 5×5 window in the corner.
  await expect(page.getByTestId('rf-overlay')).toHaveAttribute('data-rf-rows', '5');
  await expect(page.getByTestId('rf-facts')).toContainText('跳步');
  await page.screenshot({
    path: path.join(artifacts, 'inspect-feature-maps-zh-CN.png'),
    fullPage: true,
  });
});
