/**
 * Export and import as a new user does them (issue 7), in browser mode.
 * 1. Train the LeNet template briefly on real Fashion-MNIST pictures, export
 *    it, see the parity check pass on the validation samples, import the
 *    folder back as a graph with identical predictions.
 * 2. Export an untrained template (the panel says so), check every file is
 *    written, refuse a broken import, and open the exported predict.html from
 *    disk (`file://`, as a double-click does, no server) and run it on a picture.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

import { fashionClasses, fashionFolder } from './support/fashion-mnist';
import { answerChooser, expect, repoRoot, test } from './support/fixtures';

/** The validation share the LeNet template trains with. */
function lenetValidationShare(): number {
  const template = JSON.parse(
    readFileSync(path.join(process.cwd(), 'assets/templates/lenet.layerlab'), 'utf8'),
  ) as { training: { validationShare: number } };
  return template.training.validationShare;
}

const exportName = 'LeNet 手写数字';

/** Layers in the open document (the canvas renders only those in view, so count its attribute). */
async function documentLayerCount(page: Page): Promise<number> {
  const canvas = page.getByTestId('canvas');
  await expect(canvas).not.toHaveAttribute('data-node-count', '0');
  return Number(await canvas.getAttribute('data-node-count'));
}

const expectedFiles = [
  'README.md',
  'diagram.png',
  'diagram.svg',
  'group1-shard1of1.bin',
  'labels.txt',
  'metadata.json',
  'model.json',
  'model.onnx',
  'model.py',
  'predict-data.js',
  'predict.html',
  'predict.mjs',
  'predict.py',
  'tf.min.js',
  'train-config.json',
  'train.py',
  'weights.npz',
];

/** A 28×28 grey picture (equal R, G, B so the grey conversion is exact): a bright diagonal stroke. */
function strokePng(): { png: Buffer; values: number[][][] } {
  const png = new PNG({ width: 28, height: 28 });
  const values: number[][][] = [];
  for (let y = 0; y < 28; y++) {
    const row: number[][] = [];
    for (let x = 0; x < 28; x++) {
      const v = Math.abs(x - y) < 3 ? 255 : Math.round((x * 3 + y * 5) % 64);
      const i = (y * 28 + x) * 4;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
      row.push([v / 255]);
    }
    values.push(row);
  }
  return { png: PNG.sync.write(png), values };
}

test('trains a model, exports it with a passing parity check on validation samples, and imports it back identically', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const data = await app.makeFolder('fashion', await fashionFolder(20));
  const parent = await app.makeFolder('exports');
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('template-lenet').click();
  await page.getByTestId('tab-training').click();
  const epochs = page.locator('[data-setting="epochs"]');
  await epochs.fill('2');
  await epochs.press('Enter');
  // The CPU backend keeps this journey independent of WebGL/WASM threads on the test machine.
  await page.locator('[data-setting="backend"]').selectOption('cpu');
  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, data);
  await expect(page.getByTestId('training-dataset')).toHaveAttribute('data-loaded', 'true');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-panel')).toHaveAttribute(
    'data-training-state',
    'completed',
    { timeout: 180_000 },
  );
  const layerCount = await documentLayerCount(page);

  await page.getByTestId('tab-export').click();
  const panel = page.getByTestId('export-panel');
  await page.getByTestId('export-name').fill('fashion-lenet');
  await page.getByTestId('export-model').click();
  await answerChooser(page, parent);
  await expect(panel).toHaveAttribute('data-export-state', 'written', { timeout: 90_000 });
  await expect(panel).toContainText('Exporting the trained model.');
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-parity', 'pass');
  // 20 pictures per class; the template's validation share of each class is held out
  // (at least one, as the stratified split does), and the check uses up to 32 of them.
  const perClassValidation = Math.min(19, Math.max(1, Math.round(20 * lenetValidationShare())));
  const checked = Math.min(32, perClassValidation * fashionClasses.length);
  await expect(page.getByTestId('export-parity')).toHaveText(
    new RegExp(
      `^Parity check: same top-1 on ${checked} of ${checked} validation samples, largest probability difference (0|\\d\\.\\de-\\d|0\\.0000)\\.$`,
    ),
  );
  const folder = path.join(parent, 'fashion-lenet');
  const metadata = JSON.parse(readFileSync(path.join(folder, 'metadata.json'), 'utf8')) as {
    labels: string[];
    training: { epochs: number } | null;
  };
  expect(metadata.labels).toEqual([...fashionClasses].sort());
  expect(metadata.training?.epochs).toBe(2);
  await app.screenshot(page, 'export-trained-en');

  await page
    .getByTestId('import-files')
    .setInputFiles(
      ['model.json', 'group1-shard1of1.bin', 'metadata.json'].map((f) => path.join(folder, f)),
    );
  await expect(page.getByTestId('import-section')).toHaveAttribute(
    'data-import-state',
    'imported',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('import-message')).toHaveText(
    `Imported ${layerCount} layers. The graph predicts exactly like the files: same top-1 on 16 of 16 inputs, largest difference 0.`,
  );
  // The canvas renders only the layers in view: count the document's layers, then check the
  // imported network was framed at the readable zoom, starting with its input layer.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-node-count', String(layerCount));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('layer-node').first().getByTestId('node-name')).toContainText(
    'input',
  );
});

test('exports an untrained model with every file, refuses a broken import, and predict.html runs it', async ({
  app,
  browser,
}) => {
  const parent = await app.makeFolder('exports');
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('template-lenet').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const layerCount = await documentLayerCount(page);

  await page.getByTestId('tab-export').click();
  const panel = page.getByTestId('export-panel');
  await page.getByTestId('export-name').fill(exportName);
  await page.getByTestId('export-model').click();
  await answerChooser(page, parent);
  await expect(panel).toHaveAttribute('data-export-state', 'written', { timeout: 90_000 });
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-parity', 'pass');
  await expect(page.getByTestId('export-parity')).toHaveText(
    'Parity check: same top-1 on 32 of 32 test inputs, largest probability difference 0.',
  );
  await expect(panel).toContainText('not been trained yet');
  const folder = path.join(parent, exportName);
  await expect(page.getByTestId('export-written')).toContainText(folder);
  expect(readdirSync(folder).sort()).toEqual(expectedFiles);
  await app.screenshot(page, 'export-panel-en');
  // The diagram PNG is drawn by the renderer from the SVG; keep it to look at.
  expect(readFileSync(path.join(folder, 'diagram.png')).subarray(1, 4).toString()).toBe('PNG');
  copyFileSync(
    path.join(folder, 'diagram.png'),
    path.join(repoRoot, 'e2e', 'artifacts', 'export-diagram.png'),
  );

  // Import the folder back: the graph replaces the canvas and predicts exactly like the files.
  await page
    .getByTestId('import-files')
    .setInputFiles(
      ['model.json', 'group1-shard1of1.bin', 'metadata.json'].map((f) => path.join(folder, f)),
    );
  await expect(page.getByTestId('import-section')).toHaveAttribute(
    'data-import-state',
    'imported',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('import-message')).toHaveText(
    `Imported ${layerCount} layers. The graph predicts exactly like the files: same top-1 on 16 of 16 inputs, largest difference 0.`,
  );
  // The canvas renders only the layers in view: count the document's layers.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-node-count', String(layerCount));
  await app.screenshot(page, 'export-imported-en');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('tab-export')).toHaveText('导出');
  await expect(page.getByTestId('import-message')).toHaveText(
    `已导入 ${layerCount} 层。图的预测与文件完全一致：16 个输入中有 16 个最高类别相同，最大差值 0。`,
  );
  await app.screenshot(page, 'export-imported-zh-CN');
  await page.getByTestId('language-select').selectOption('en');

  // A broken folder (weights from nowhere) is refused with a clear message.
  await page.getByTestId('import-files').setInputFiles([path.join(folder, 'model.json')]);
  await expect(page.getByTestId('import-message')).toHaveText(
    'The weight file group1-shard1of1.bin is missing: choose it together with model.json.',
  );

  // predict.html, opened from disk as a double-click opens it, runs the model on a picture.
  const { png, values } = strokePng();
  writeFileSync(path.join(folder, 'input.json'), JSON.stringify([values]));
  // Stands in for `npm install @tensorflow/tfjs` in the folder (README, "Use it in Node.js").
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const node = spawnSync(
    process.execPath,
    [path.join(folder, 'predict.mjs'), path.join(folder, 'input.json'), '--json'],
    { cwd: folder, encoding: 'utf8' },
  );
  expect(node.status, node.stderr).toBe(0);
  const probabilities =
    (JSON.parse(node.stdout.trim().split('\n').pop() ?? '[]') as number[][])[0] ?? [];
  const best = probabilities.indexOf(Math.max(...probabilities));
  const labels = readFileSync(path.join(folder, 'labels.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.slice(l.indexOf(' ') + 1));
  const demo = await browser.newPage();
  await demo.goto(pathToFileURL(path.join(folder, 'predict.html')).href);
  await expect(demo.locator('#status')).toContainText('Model loaded', { timeout: 30_000 });
  await demo
    .locator('#file')
    .setInputFiles({ name: 'stroke.png', mimeType: 'image/png', buffer: png });
  const firstRow = demo.locator('#results tr').first();
  await expect(firstRow).toContainText(labels[best] ?? '?');
  await expect(firstRow).toContainText(`${((probabilities[best] ?? 0) * 100).toFixed(1)}%`);
  await demo.screenshot({
    path: path.join(repoRoot, 'e2e', 'artifacts', 'export-predict-html.png'),
  });
  await demo.close();
});
