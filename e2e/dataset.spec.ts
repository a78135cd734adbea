import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';
import { build } from 'vite';

import { decodeImageNode } from '../electron/data/decode-image-node';
import { loadWebpDecoder } from '../electron/data/decode-more-formats';
import {
  encodeBmp,
  encodeGif,
  encodeJpeg,
  encodePng,
  encodeWebp,
  imageFixture,
  makeImageFixture,
  makeTextFixture,
  patternRgba,
} from './support/fixture-folders';
import { answerChooser, expect, repoRoot, test } from './support/fixtures';

/**
 * Issue 4, as a new user: pick a dataset folder with bad files among good
 * ones, read the health report, change an option, save, reopen — the project
 * remembers the dataset, the split and the options. Once for images (with
 * every kind of bad file, symlinks included), once for Chinese text.
 */

async function openDatasetPanel(page: Page): Promise<void> {
  await page.getByTestId('tab-dataset').click();
  await expect(page.getByTestId('dataset-panel')).toBeVisible();
}

async function chooseFolder(page: Page, kind: 'image' | 'text', folder: string): Promise<void> {
  await page.getByTestId(`dataset-kind-${kind}`).check();
  await page.getByTestId('dataset-choose').click();
  await answerChooser(page, folder);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'ready', {
    timeout: 60_000,
  });
}

async function saveAs(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+Shift+s');
  await answerChooser(page, file);
  await expect(page.getByTestId('status-file')).toContainText(path.basename(file));
}

async function reopen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+n');
  await page.keyboard.press('Control+o');
  await answerChooser(page, file);
  await expect(page.getByTestId('status-file')).toContainText(path.basename(file));
}

test('image folder: health report with bad files, target size change, remembered after save and reopen', async ({
  app,
}) => {
  const root = await app.makeFolder('leaves');
  await makeImageFixture(root, await app.makeFolder('outside'));
  const projects = await app.makeFolder('projects');
  const page = await app.open({ locale: 'zh-CN' });
  await page.getByTestId('start-new').click();
  await openDatasetPanel(page);
  await chooseFolder(page, 'image', root);

  const report = page.getByTestId('dataset-report');
  await app.screenshot(page, 'dataset-images-zh-CN');
  await expect(report).toHaveAttribute('data-usable', String(imageFixture.goodPerClass * 2));
  await expect(report).toHaveAttribute('data-classes', '2');
  await expect(report).toHaveAttribute(
    'data-skipped',
    String(Object.keys(imageFixture.bad).length),
  );
  const bars = page.getByTestId('dataset-class-bars');
  for (const name of imageFixture.classes)
    await expect(bars.locator(`[data-label="${name}"]`)).toHaveAttribute(
      'data-value',
      String(imageFixture.goodPerClass),
    );
  // Every bad file is listed with its reason; the 20000×20000 header was refused before decoding.
  const skipped = page.getByTestId('dataset-skipped');
  await skipped.locator('summary').click();
  for (const [file, reason] of Object.entries(imageFixture.bad))
    await expect(skipped.locator(`tr[data-path="${file}"]`)).toHaveAttribute('data-reason', reason);
  await expect(skipped.locator('tr[data-path="dog 🐶/bomb.png"]')).toContainText('太大');
  const ignored = page.getByTestId('dataset-ignored');
  await ignored.locator('summary').click();
  await expect(ignored.locator('tr[data-path="cat 猫/link-out.png"]')).toHaveAttribute(
    'data-reason',
    'symlink-outside',
  );
  await expect(ignored.locator('tr[data-path="dog 🐶/loop"]')).toHaveAttribute(
    'data-reason',
    'symlink-dir',
  );
  await expect(
    page.getByTestId('dataset-issues').locator('[data-code="dataset-root-files"]'),
  ).toBeVisible();
  await expect(page.getByTestId('dataset-thumbnails').locator('img')).toHaveCount(
    imageFixture.goodPerClass * 2,
  );
  await expect(
    page.getByTestId('dataset-distribution').locator('[data-label="28×28"]'),
  ).toHaveAttribute('data-value', '12');

  // Export the report as a list (CSV) through the export writer.
  await page.getByTestId('dataset-export-report').click();
  await answerChooser(page, projects);
  // The host writes the folder after the chooser closes: wait until it is in place.
  const reportFolder = async (): Promise<string | undefined> =>
    (await readdir(projects)).find(
      (name) =>
        name.startsWith('leaves-report-') &&
        existsSync(path.join(projects, name, 'dataset-report.csv')),
    );
  await expect.poll(reportFolder).toBeDefined();
  const exported = (await reportFolder()) as string;
  const csv = await readFile(path.join(projects, exported, 'dataset-report.csv'), 'utf8');
  expect(csv).toContain('skipped,dog 🐶,dog 🐶/bomb.png,too-large,,20000×20000');
  expect(csv).toContain('class,cat 猫,,,6,');

  // Change the target size: the folder is decoded again at 32×32.
  const width = page.locator('[data-option="width"]');
  await width.fill('32');
  await width.press('Enter');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'ready', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('dataset-distribution')).toBeVisible();

  const file = path.join(projects, 'leaves.layerlab');
  await saveAs(page, file);
  const saved = JSON.parse(await readFile(file, 'utf8')) as {
    dataset: {
      kind: string;
      classNames: string[];
      folder: { name: string };
      image: { width: number; height: number };
      split: { seed: number; validationPaths: string[] };
    };
  };
  expect(saved.dataset.kind).toBe('image');
  expect(saved.dataset.classNames).toEqual([...imageFixture.classes]);
  expect(saved.dataset.folder.name).toBe('leaves');
  expect(saved.dataset.image).toMatchObject({ width: 32, height: 28 });
  expect(saved.dataset.split.validationPaths).toHaveLength(2);

  await reopen(page, file);
  await openDatasetPanel(page);
  const remembered = page.getByTestId('dataset-saved');
  await expect(remembered).toHaveAttribute('data-folder', 'leaves');
  await expect(remembered).toHaveAttribute('data-classes', '2');
  await expect(remembered).toHaveAttribute('data-validation', '2');
  await expect(page.locator('[data-option="width"]')).toHaveValue('32');

  // Loading the folder again re-applies the stored split exactly.
  await chooseFolder(page, 'image', root);
  await saveAs(page, path.join(projects, 'leaves-2.layerlab'));
  const resaved = JSON.parse(
    await readFile(path.join(projects, 'leaves-2.layerlab'), 'utf8'),
  ) as typeof saved;
  expect(resaved.dataset.split.validationPaths).toEqual(saved.dataset.split.validationPaths);
});

test('a layer that follows the dataset shows the followed value on its node and in the inspector (en, zh-CN)', async ({
  app,
}) => {
  const root = await app.makeFolder('two-classes');
  await makeImageFixture(root, await app.makeFolder('outside'));
  for (const locale of ['en', 'zh-CN'] as const) {
    const page = await app.open({ locale });
    await page.getByTestId('template-mlp-digits').click();
    // The output layer's units follow the dataset; the template says 10 until a dataset is there.
    const output = page
      .getByTestId('layer-node')
      .filter({ has: page.getByTestId('node-name').getByText('dense_2', { exact: true }) });
    await expect(output.getByTestId('node-shape')).toContainText('10)');
    await expect(output.locator('[data-follows-dataset="true"]')).toHaveCount(0);
    await openDatasetPanel(page);
    await chooseFolder(page, 'image', root);
    // Two classes: the node, its shape and the inspector all say 2, marked as following the dataset.
    const chip = output.locator('[data-follows-dataset="true"]');
    await expect(chip).toContainText(/\b2\b/);
    await expect(chip).not.toContainText('10');
    await expect(output.getByTestId('node-shape')).toContainText('2)');
    await output.getByTestId('node-name').click();
    await page.getByTestId('tab-inspector').click();
    const field = page.getByTestId('inspector').locator('[data-follows-dataset="true"]');
    await expect(field).toHaveValue('2');
    await expect(page.getByTestId('inspector-shape')).toContainText('2)');
    await app.screenshot(page, `follows-dataset-${locale}`);
    await page.close();
  }
});

test('Chinese text folder: encodings detected, bad files skipped, options and vocabulary remembered', async ({
  app,
}) => {
  const root = await app.makeFolder('评论');
  await makeTextFixture(root);
  const projects = await app.makeFolder('projects');
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('start-new').click();
  await openDatasetPanel(page);
  await chooseFolder(page, 'text', root);

  const report = page.getByTestId('dataset-report');
  await expect(report).toHaveAttribute('data-usable', '9');
  await expect(report).toHaveAttribute('data-classes', '2');
  const skipped = page.getByTestId('dataset-skipped');
  await skipped.locator('summary').click();
  await expect(skipped.locator('tr[data-path="负面/empty.txt"]')).toHaveAttribute(
    'data-reason',
    'empty',
  );
  await expect(skipped.locator('tr[data-path="负面/binary.txt"]')).toHaveAttribute(
    'data-reason',
    'undecodable-text',
  );
  await expect(skipped.locator('tr[data-path="负面/binary.txt"]')).toContainText(
    'not text (binary content)',
  );
  await expect(page.getByTestId('dataset-distribution')).toBeVisible();
  // A new folder: Chinese word segmentation for Chinese reviews, a length keeping ≥ 90% whole, said in the report.
  await expect(page.locator('[data-option="split"]')).toHaveValue('word');
  await expect(page.locator('[data-option="truncating"]')).toHaveValue('pre');
  const fit = page.getByTestId('dataset-text-fit');
  await expect(fit).toContainText('Sequence length');
  expect(Number(await fit.getAttribute('data-truncated-share'))).toBeLessThanOrEqual(0.1);
  // The GBK file was read, and the report says which encoding was assumed.
  await expect(page.locator('[data-code="dataset-encoding-guessed"]')).toContainText(
    'GB18030 / GBK',
  );

  const length = page.locator('[data-option="sequenceLength"]');
  await length.fill('20');
  await length.press('Enter');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'ready', {
    timeout: 60_000,
  });
  await page.locator('[data-option="split"]').selectOption('character');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'ready', {
    timeout: 60_000,
  });
  await app.screenshot(page, 'dataset-text-en');

  const file = path.join(projects, 'reviews.layerlab');
  await saveAs(page, file);
  const saved = JSON.parse(await readFile(file, 'utf8')) as {
    dataset: {
      kind: string;
      classNames: string[];
      text: { sequenceLength: number; split: string };
      vocabulary: string[];
      split: { validationPaths: string[] };
    };
  };
  expect(saved.dataset.kind).toBe('text');
  expect(saved.dataset.classNames).toEqual(['正面', '负面']);
  expect(saved.dataset.text).toMatchObject({ sequenceLength: 20, split: 'character' });
  expect(saved.dataset.vocabulary.slice(0, 2)).toEqual(['', '[UNK]']);
  expect(saved.dataset.vocabulary).toContain('好');
  expect(saved.dataset.split.validationPaths).toHaveLength(2);

  await reopen(page, file);
  await openDatasetPanel(page);
  await expect(page.getByTestId('dataset-saved')).toHaveAttribute('data-classes', '2');
  await expect(page.getByTestId('dataset-kind-text')).toBeChecked();
  await expect(page.locator('[data-option="sequenceLength"]')).toHaveValue('20');
  await expect(page.locator('[data-option="split"]')).toHaveValue('character');
});

test('the app (Chromium) and the command line (Node) decode PNG, BMP, GIF and WebP to the same pixels', async ({
  browser,
}) => {
  // The decoding page of the benchmark (scripts/bench-data-page), served from memory: the app's own decoder code.
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-decode-page-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: path.join(repoRoot, 'scripts/bench-data-page'),
      base: './',
      resolve: { alias: { '@core': path.join(repoRoot, 'core/index.ts') } },
      worker: { format: 'es' },
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
    });
    const page = await browser.newPage();
    await page.route('http://decode.test/**', async (route) => {
      const rel = new URL(route.request().url()).pathname.slice(1) || 'index.html';
      const body = await readFile(path.join(outDir, rel)).catch(() => null);
      if (body === null) return route.fulfill({ status: 404 });
      return route.fulfill({
        body,
        contentType: rel.endsWith('.js') ? 'text/javascript' : 'text/html',
      });
    });
    await page.goto('http://decode.test/');
    await expect(page.locator('#status')).toHaveText('ready');

    const rgba = patternRgba(28, 28, 5);
    const files = {
      png: encodePng(28, 28, rgba),
      jpeg: encodeJpeg(28, 28, rgba, 90),
      bmp: encodeBmp(28, 28, rgba),
      gif: encodeGif(28, 28, rgba),
      webpLossless: await encodeWebp(28, 28, rgba, true),
      webpLossy: await encodeWebp(28, 28, rgba, false),
    };
    const webp = await loadWebpDecoder();
    for (const colorMode of ['rgb', 'grayscale'] as const) {
      const target = { width: 28, height: 28, resizeMode: 'stretch' as const, colorMode };
      const node = Object.values(files).map((bytes) => {
        const decoded = decodeImageNode(bytes, target, webp);
        if (!decoded.ok) throw new Error(decoded.reason);
        return [...decoded.pixels];
      });
      const web = await page.evaluate(
        ([list, t]) =>
          (
            window as unknown as {
              decodeForComparison: (
                f: number[][],
                t: unknown,
              ) => Promise<{ bitmap: number[][]; auto: number[][] }>;
            }
          ).decodeForComparison(list, t),
        [Object.values(files).map((b) => [...b]), target] as const,
      );
      // PNG: createImageBitmap (forced) and the app's default path both equal Node exactly.
      expect(web.bitmap[0]).toEqual(node[0]);
      expect(web.auto[0]).toEqual(node[0]);
      // JPEG: libjpeg-turbo (Chromium) and jpeg-js (Node) differ in IDCT/upsampling rounding.
      const diffs = (web.bitmap[1] ?? []).map((v, i) => Math.abs(v - (node[1]?.[i] ?? 0)));
      const maxDiff = Math.max(...diffs);
      const meanDiff = diffs.reduce((a, b) => a + b, 0) / diffs.length;
      console.log(
        `JPEG ${colorMode}: Chromium vs jpeg-js, max |Δ| = ${maxDiff}, mean |Δ| = ${meanDiff.toFixed(3)}`,
      );
      expect(maxDiff).toBeLessThanOrEqual(jpegTolerance);
      // BMP, GIF (first frame) and lossless WebP: Chromium's decoders and Node's (bmp-js, omggif, libwebp wasm) agree exactly.
      for (const k of [2, 3, 4]) expect(web.bitmap[k]).toEqual(node[k]);
      // Lossy WebP: both are libwebp; a different release or SIMD path may round YUV→RGB differently.
      const webpDiff = Math.max(
        ...(web.bitmap[5] ?? []).map((v, i) => Math.abs(v - (node[5]?.[i] ?? 0))),
      );
      console.log(`lossy WebP ${colorMode}: Chromium vs libwebp (wasm), max |Δ| = ${webpDiff}`);
      expect(webpDiff).toBeLessThanOrEqual(jpegTolerance);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});

/** Largest per-pixel difference accepted between Chromium's and jpeg-js's JPEG decoding (measured: 3 in RGB, 1 in grayscale, mean ≈ 0.5; the log line prints it). */
const jpegTolerance = 4;
