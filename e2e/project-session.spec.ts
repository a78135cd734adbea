/**
 * One project, one session (issue 13), as a new user goes through it in
 * browser mode, with real Fashion-MNIST pictures:
 * (a) train a template, close without saving, open another template: nothing
 *     of the first is left in any panel, and Export says there is no model;
 * (b) train, save, close, reopen: the trained model is back (the same
 *     prediction for the same picture, a passing parity check on export) with
 *     the runs' curves;
 * (c) change a layer after training: Inspect and Export say the model is stale.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

import { fashionFolder } from './support/fashion-mnist';
import { answerChooser, expect, test } from './support/fixtures';

/** Picks the folder in the Training panel and trains the open template for `epochs`. */
async function trainOpenTemplate(page: Page, folder: string, epochs: number): Promise<void> {
  await page.getByTestId('tab-training').click();
  const field = page.locator('[data-setting="epochs"]');
  await field.fill(String(epochs));
  await field.press('Enter');
  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, folder);
  await expect(page.getByTestId('training-dataset')).toHaveAttribute('data-loaded', 'true');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-panel')).toHaveAttribute(
    'data-training-state',
    'completed',
    { timeout: 180_000 },
  );
}

/** File → Close project (the in-app menu of browser mode), answering the unsaved-work prompt. */
async function closeProject(page: Page, answer: "Don't save" | '不保存' | null): Promise<void> {
  await page.getByRole('menuitem', { name: /^(File|文件)$/ }).click();
  await page.locator('.menu-popup [data-command="file.close"]').click();
  if (answer !== null) {
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: answer }).click();
  }
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

/** A 28×28 picture of the first training image of class `boot`, as a PNG file the user picks. */
async function bootPicture(folder: string): Promise<string> {
  const first = (await readdir(path.join(folder, 'boot'))).sort()[0] ?? '';
  const file = path.join(folder, 'boot', first);
  const png = PNG.sync.read(await readFile(file));
  expect(png.width).toBe(28);
  return file;
}

/** Inspect → Predict on a picture file; returns the probability table's text. */
async function predictPicture(page: Page, file: string): Promise<string> {
  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('inspect-tab-predict').click();
  await page.getByTestId('sample-file').setInputFiles(file);
  const bars = page.getByTestId('probability-bars');
  await expect(bars).toBeVisible({ timeout: 60_000 });
  return (await bars.locator('tbody').innerText()).trim();
}

/** Closed sessions still in memory after forced garbage collections (a leak shows as > 0). */
async function closedSessionsAliveAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Playwright's own handles are released first: the inspector keeps what it returned.
    await cdp.send('Runtime.discardConsoleEntries');
    for (let i = 0; i < 4; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(100);
    }
  } finally {
    await cdp.detach();
  }
  return page.evaluate(() =>
    (
      globalThis as unknown as { __layerlabClosedSessionsAlive: () => number }
    ).__layerlabClosedSessionsAlive(),
  );
}

test('(a) a closed project leaves nothing in the next one, and Export says there is no model', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const folder = await app.makeFolder('fashion', await fashionFolder(8));
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('template-lenet').click();
  // The dataset panel reads the same folder, so it has a health report to leak.
  await page.getByTestId('tab-dataset').click();
  await page.getByTestId('dataset-choose').click();
  await answerChooser(page, folder);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'ready', {
    timeout: 60_000,
  });
  await trainOpenTemplate(page, folder, 1);
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'true', {
    timeout: 60_000,
  });
  await app.screenshot(page, 'session-a-trained-en');

  await closeProject(page, "Don't save");
  // Nothing holds the closed project, even while the start screen shows.
  expect(await closedSessionsAliveAfterGc(page)).toBe(0);
  await page.getByTestId('template-mlp-digits').click();
  await expect(page.getByTestId('layer-node')).toHaveCount(4);

  // Dataset: nothing chosen, nothing loaded, no report.
  await page.getByTestId('tab-dataset').click();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-dataset-state', 'idle');
  await expect(page.getByTestId('dataset-saved')).toHaveCount(0);
  await expect(page.getByTestId('dataset-panel')).not.toContainText('tshirt');
  await app.screenshot(page, 'session-a-next-dataset-en');

  // Training: no dataset, no runs, and Train says what to do first.
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('training-dataset')).toHaveAttribute('data-loaded', 'false');
  await expect(page.getByTestId('training-panel')).toHaveAttribute('data-training-state', 'idle');
  await expect(page.getByTestId('training-epochs')).toHaveCount(0);
  await expect(page.getByTestId('train-blocker')).toHaveAttribute('data-kind', 'no-dataset');
  await app.screenshot(page, 'session-a-next-training-en');

  // Inspect: no model.
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'none');
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'false');

  // Export: no trained model; the button offers the untrained network, by name.
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'none');
  await expect(page.getByTestId('model-status')).toContainText('no trained model');
  await expect(page.getByTestId('export-model')).toHaveAttribute('data-untrained', 'true');
  await expect(page.getByTestId('export-model')).toHaveText('Export the untrained network…');
  await expect(page.getByTestId('export-name')).toHaveValue(/MLP|mlp|784/);
  await app.screenshot(page, 'session-a-next-export-en');

  // The blocker's fix button leads to the place to fix it.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-blocker-fix').click();
  await expect(page.getByTestId('dataset-panel')).toBeVisible();

  // Nor once the next project is open.
  expect(await closedSessionsAliveAfterGc(page)).toBe(0);
});

test('(b) a trained model is saved with its project and comes back on reopen (zh-CN)', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const folder = await app.makeFolder('fashion', await fashionFolder(8));
  const projects = await app.makeFolder('projects');
  const exports = await app.makeFolder('exports');
  const page = await app.open({ locale: 'zh-CN' });
  await page.getByTestId('template-lenet').click();
  await trainOpenTemplate(page, folder, 2);
  const picture = await bootPicture(folder);
  const before = await predictPicture(page, picture);
  expect(before).toMatch(/%/);

  // Unsaved: the trained model marks the project dirty until it is saved.
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.keyboard.press('Control+s');
  await answerChooser(page, path.join(projects, 'lenet-trained.layerlab'));
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  const saved = JSON.parse(
    await readFile(path.join(projects, 'lenet-trained.layerlab'), 'utf8'),
  ) as { trainedModel?: { format: string; runs: unknown[] } };
  expect(saved.trainedModel?.format).toBe('layerlab-trained-model');
  expect(saved.trainedModel?.runs).toHaveLength(1);

  await closeProject(page, null);
  await page.getByTestId('start-open').click();
  await answerChooser(page, path.join(projects, 'lenet-trained.layerlab'));
  await expect(page.getByTestId('layer-node').first()).toBeVisible();

  // The model is back: Inspect says it was restored and predicts the same for the same picture.
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'ready', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('model-status')).toContainText('已从项目文件恢复训练好的模型');
  expect(await predictPicture(page, picture)).toBe(before);
  await app.screenshot(page, 'session-b-restored-predict-zh');

  // The runs' curves are shown again.
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('training-chart-loss')).toBeVisible();
  await expect(page.getByTestId('training-epochs').locator('tr[data-epoch]')).toHaveCount(2);
  await app.screenshot(page, 'session-b-restored-training-zh');

  // Export uses the restored model and its parity check passes.
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-model')).toHaveAttribute('data-untrained', 'false');
  await page.getByTestId('export-name').fill('lenet-restored');
  await page.getByTestId('export-model').click();
  await answerChooser(page, exports);
  const panel = page.getByTestId('export-panel');
  await expect(panel).toHaveAttribute('data-export-state', 'written', { timeout: 90_000 });
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-parity', 'pass');
  const labels = await readFile(path.join(exports, 'lenet-restored', 'labels.txt'), 'utf8');
  // The model's own classes, as it was trained (index and name per line).
  expect(labels.split('\n').filter(Boolean)).toContain('1 boot');
  await app.screenshot(page, 'session-b-restored-export-zh');
});

test('(c) a layer changed after training makes the model stale in Inspect and Export', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const folder = await app.makeFolder('fashion', await fashionFolder(6));
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('template-mlp-digits').click();
  await trainOpenTemplate(page, folder, 1);
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'true', {
    timeout: 60_000,
  });

  // Change the hidden Dense layer's units in the inspector (double-click opens it).
  await page
    .getByTestId('layer-node')
    .filter({ has: page.getByTestId('node-name').getByText('dense_1', { exact: true }) })
    .dblclick();
  const units = page.getByTestId('inspector').locator('[data-param="units"]');
  await units.fill('64');
  await units.press('Enter');

  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'stale');
  await expect(page.getByTestId('inspect-panel')).toHaveCount(0);
  await app.screenshot(page, 'session-c-stale-inspect-en');
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'stale');
  await expect(page.getByTestId('export-model')).toHaveAttribute('data-untrained', 'true');
  await app.screenshot(page, 'session-c-stale-export-en');

  // Undo puts back the trained network: the model fits again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-model-state', 'ready');
  await expect(page.getByTestId('export-model')).toHaveAttribute('data-untrained', 'false');
});
