import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { writeFashionMnistFolders } from '../scripts/fashion-mnist';
import { answerChooser, expect, test } from './support/fixtures';

/**
 * Issue 4 item 6, as a new user: a training folder and a separate test
 * folder (Fashion-MNIST PNGs; the test folder also holds a class the training
 * folder lacks and a broken file). Train one epoch on the training folder,
 * evaluate on the test folder in Inspect → Evaluation, save, reopen: both
 * folders are remembered. Screenshot: e2e/artifacts/dataset-test-folder-zh-CN.png.
 */

async function waitReady(page: Page, attribute: string): Promise<void> {
  await expect(page.locator(`[${attribute}]`).first()).toHaveAttribute(attribute, 'ready', {
    timeout: 60_000,
  });
}

test('training folder + test folder: evaluated on the test set, remembered after save and reopen', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const data = await app.makeFolder('data');
  const train = (
    await writeFashionMnistFolders(path.join(data, 'fashion-train'), 'train', {
      perClass: 30,
    })
  ).dir;
  const testDir = (
    await writeFashionMnistFolders(path.join(data, 'fashion-test'), 'test', {
      perClass: 10,
    })
  ).dir;
  // A class the training folder does not have, and a file that is not an image.
  const boot = path.join(testDir, '9-ankle-boot');
  await app.makeFolder('data/fashion-test/x-umbrella');
  await copyFile(
    path.join(boot, (await readdir(boot))[0]!),
    path.join(testDir, 'x-umbrella/1.png'),
  );
  await writeFile(path.join(testDir, '1-trouser/notes.png'), 'not an image');
  const projects = await app.makeFolder('projects');

  const page = await app.open({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  await page.getByTestId('template-mlp-digits').click();
  await page.getByTestId('tab-dataset').click();
  const testSection = page.getByTestId('dataset-test');
  // No training folder yet: the test folder cannot be chosen.
  await expect(page.getByTestId('dataset-test-choose')).toBeDisabled();

  await page.getByTestId('dataset-kind-image').check();
  await page.getByTestId('dataset-choose').click();
  await answerChooser(page, train);
  await waitReady(page, 'data-dataset-state');
  await expect(page.getByTestId('dataset-report')).toHaveAttribute('data-usable', '300');

  await page.getByTestId('dataset-test-choose').click();
  await answerChooser(page, testDir);
  await expect(testSection).toHaveAttribute('data-test-state', 'ready', { timeout: 60_000 });
  const testReport = page.getByTestId('dataset-test-report');
  await expect(testReport).toHaveAttribute('data-usable', '100');
  await expect(testReport).toHaveAttribute('data-skipped', '1');
  await expect(testReport).toHaveAttribute('data-unknown', 'x-umbrella');
  await expect(page.getByTestId('dataset-test-unknown')).toContainText('x-umbrella');
  await expect(
    page.getByTestId('dataset-test-bars').locator('[data-label="1-trouser"]'),
  ).toHaveAttribute('data-value', '10');
  await page.getByTestId('dataset-test-skipped').locator('summary').click();
  await expect(
    page.getByTestId('dataset-test-skipped').locator('tr[data-path="1-trouser/notes.png"]'),
  ).toHaveAttribute('data-reason', 'not-an-image');
  // The training data is unchanged: the whole training folder, none of the test files.
  await expect(page.getByTestId('dataset-report')).toHaveAttribute('data-usable', '300');
  await testSection.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'dataset-test-folder-zh-CN');

  await page.getByTestId('tab-training').click();
  const epochs = page.locator('input[data-setting="epochs"]');
  await epochs.fill('1');
  await epochs.press('Enter');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-panel')).toHaveAttribute(
    'data-training-state',
    'completed',
    { timeout: 240_000 },
  );

  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('inspect-tab-evaluation').click();
  await page.getByTestId('eval-source-test').check();
  await page.getByTestId('evaluate-button').click();
  const summary = page.getByTestId('eval-summary');
  await expect(summary).toHaveAttribute('data-source', 'test', { timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-count', '100');
  await expect(summary).toContainText('测试准确率');
  const cells = await page
    .getByTestId('confusion-matrix')
    .locator('td[data-count]')
    .evaluateAll((tds) => tds.map((c) => Number(c.getAttribute('data-count'))));
  expect(cells.reduce((a, b) => a + b, 0)).toBe(100);
  await app.screenshot(page, 'inspect-test-evaluation-zh-CN');
  // Back to the validation split: 10 classes × 30 with the default share.
  await page.getByTestId('eval-source-validation').check();
  await expect(summary).toHaveAttribute('data-source', 'validation', { timeout: 60_000 });
  expect(Number(await summary.getAttribute('data-count'))).toBeLessThan(300);

  const file = path.join(projects, 'fashion.layerlab');
  await page.keyboard.press('Control+Shift+s');
  await answerChooser(page, file);
  await expect(page.getByTestId('status-file')).toContainText('fashion.layerlab');
  const saved = JSON.parse(await readFile(file, 'utf8')) as {
    dataset: { folder: { displayPath: string }; testFolder: { displayPath: string } | null };
  };
  expect(saved.dataset.folder.displayPath).toBe(train);
  expect(saved.dataset.testFolder?.displayPath).toBe(testDir);

  await page.keyboard.press('Control+n');
  await page.keyboard.press('Control+o');
  await answerChooser(page, file);
  await expect(page.getByTestId('status-file')).toContainText('fashion.layerlab');
  await page.getByTestId('tab-dataset').click();
  await expect(page.getByTestId('dataset-saved')).toHaveAttribute('data-folder', 'fashion-train');
  await expect(page.getByTestId('dataset-test-saved')).toHaveAttribute(
    'data-folder',
    'fashion-test',
  );
  await expect(page.getByTestId('dataset-test-saved')).toHaveAttribute('data-path', testDir);

  // Removing the test folder is one edit of the project.
  await page.getByTestId('dataset-test-remove').click();
  await expect(page.getByTestId('dataset-test-saved')).toHaveCount(0);
});
