/**
 * predict.html works by double-click: an export folder is written to disk,
 * opened as `file://…/predict.html` in Debian Chromium (no web server, so no
 * fetch), given an input the way a user gives it (a picture through the file
 * chooser, a typed sentence, typed values), and the probabilities the page
 * shows must be the model's own (TF.js in Node on the same input).
 *
 * Fails (never skips) when Chromium is missing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportModel } from '../core/io/export/export-model';
import { buildTestModel } from '../core/io/export/testing/test-models';
import { makeExportDir, writeFileMap } from './export-test-support';

const tfjsBundle = new Uint8Array(
  readFileSync(createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js')),
);
const scratch = makeExportDir('predict-html');
let browser: Browser;

beforeAll(async () => {
  await tf.setBackend('cpu');
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  scratch.remove();
});

/** Writes the export of a test model into its own folder; returns the folder and the model. */
async function writeExport(kind: 'cnn' | 'lstm' | 'mlp') {
  const built = await buildTestModel(kind);
  const files = await exportModel(built.model, built.info, { tfjsBundle });
  const dir = join(scratch.dir, kind);
  writeFileMap(dir, files);
  return { ...built, dir };
}

/** Opens predict.html from disk and waits until it says the model is loaded. */
async function openByDoubleClick(dir: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, 'predict.html')).href);
  await page.locator('#status[data-state="ready"]').waitFor({ timeout: 30_000 });
  return { page, requests };
}

/** The probabilities the page shows, by class index (all classes: the test models have 3). */
async function shownProbabilities(page: Page): Promise<number[]> {
  await page.locator('#results tr').first().waitFor();
  const rows = await page
    .locator('#results tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        Number((tr as HTMLElement).dataset['classIndex']),
        Number((tr as HTMLElement).dataset['probability']),
      ]),
    );
  const out: number[] = [];
  for (const [i, p] of rows) out[i ?? -1] = p ?? NaN;
  return out;
}

function predictInNode(model: tf.LayersModel, input: tf.Tensor): number[] {
  const y = model.predict(input) as tf.Tensor;
  const out = (y.arraySync() as number[][])[0] ?? [];
  tf.dispose([input, y]);
  return out;
}

function expectSamePrediction(shown: number[], expected: number[]): void {
  expect(shown).toHaveLength(expected.length);
  shown.forEach((p, i) => expect(Math.abs(p - (expected[i] ?? NaN))).toBeLessThan(1e-5));
  expect(shown.indexOf(Math.max(...shown))).toBe(expected.indexOf(Math.max(...expected)));
}

describe('predict.html opened from file://', () => {
  it('classifies a picture chosen in the page like the model does, without fetching anything', async () => {
    const { model, dir } = await writeExport('cnn');
    // 12×12 grey (R = G = B, so the page's grey conversion is exact), the model's input size.
    const png = new PNG({ width: 12, height: 12 });
    const grey: number[] = [];
    for (let p = 0; p < 144; p++) {
      const v = (p * 37 + (p % 12) * 11) % 256;
      grey.push(v);
      png.data.set([v, v, v, 255], p * 4);
    }
    const { page, requests } = await openByDoubleClick(dir);
    await page
      .locator('#file')
      .setInputFiles({ name: 'input.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    const expected = predictInNode(
      model,
      tf.tensor4d(
        grey.map((v) => v / 255),
        [1, 12, 12, 1],
      ),
    );
    expectSamePrediction(await shownProbabilities(page), expected);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requests.map((url) => url.split('/').pop())).toEqual([
      'predict.html',
      'tf.min.js',
      'predict-data.js',
    ]);
    await page.close();
    model.dispose();
  });

  it('classifies a typed sentence with the embedded vocabulary like the model does', async () => {
    const { model, dir } = await writeExport('lstm');
    const { page } = await openByDoubleClick(dir);
    await page.locator('#text').fill('A b, C zz d!');
    await page.locator('#run-text').click();
    // Lower-cased, punctuation stripped, split on spaces: a b c zz d → ids 2 3 4 [UNK]=1 5, padded with 0.
    const expected = predictInNode(model, tf.tensor2d([[2, 3, 4, 1, 5, 0, 0, 0, 0, 0]], [1, 10]));
    expectSamePrediction(await shownProbabilities(page), expected);
    await page.close();
    model.dispose();
  });

  it('predicts typed values like the model does, and without predict-data.js says a server is needed', async () => {
    const { model, dir } = await writeExport('mlp');
    const values = [0.1, 0.9, 0.3, 0.5, 0.2, 0.8, 0.4, 0.7];
    const { page } = await openByDoubleClick(dir);
    await page.locator('#values').fill(JSON.stringify(values));
    await page.locator('#run-values').click();
    expectSamePrediction(
      await shownProbabilities(page),
      predictInNode(model, tf.tensor2d([values], [1, 8])),
    );
    await page.close();
    model.dispose();

    rmSync(join(dir, 'predict-data.js'));
    const bare = await browser.newPage();
    await bare.goto(pathToFileURL(join(dir, 'predict.html')).href);
    await expect
      .poll(() => bare.locator('#status').textContent(), { timeout: 30_000 })
      .toMatch(/python3 -m http\.server/);
    await bare.close();
  });
}, 180_000);
