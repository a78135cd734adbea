import path from 'node:path';

import { writeFashionMnistFolders } from '../scripts/fashion-mnist';
import { answerChooser, artifactsDir, expect, test } from './support/fixtures';

/**
 * Issue 6 "Done when", in the real app (browser mode), as a new user would:
 * open the LeNet template, choose a small real image folder (Fashion-MNIST
 * PNGs, 30 per class) in the training panel, train one epoch, open the
 * feature maps of a sample, click a unit of the second conv layer and see its
 * receptive field drawn with the size the network implies, open the confusion
 * matrix, click a cell and see its images, and drop an image on the predict
 * panel. Screenshots: e2e/artifacts/inspect-app-*.png.
 */
test('train LeNet for one epoch, then look inside it (zh-CN)', async ({ app }) => {
  test.setTimeout(300_000);
  const { dir } = await writeFashionMnistFolders(
    path.join(await app.makeFolder('data'), 'fashion'),
    'test',
    { perClass: 30 },
  );
  const page = await app.open({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
  await page.getByTestId('template-lenet').click();

  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, dir);
  await expect(page.getByTestId('training-dataset')).toContainText('300');
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
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'true');
  const conv2 = page.getByTestId('feature-maps-conv2d_2');
  await expect(conv2).toBeVisible();
  const zoom = Number(await conv2.getAttribute('data-zoom'));
  await conv2.click({ position: { x: 4 * zoom + zoom / 2, y: 3 * zoom + zoom / 2 } });
  await expect(page.getByTestId('rf-overlay')).toHaveAttribute('data-rf-rows', '14');
  await expect(page.getByTestId('rf-facts')).toHaveAttribute('data-rf-size', '14x14');
  await page.screenshot({ path: path.join(artifactsDir, 'inspect-app-feature-maps-zh-CN.png') });

  await page.getByTestId('inspect-tab-evaluation').click();
  await page.getByTestId('evaluate-button').click();
  await expect(page.getByTestId('eval-summary')).toBeVisible({ timeout: 60_000 });
  const cells = await page
    .getByTestId('confusion-matrix')
    .locator('td[data-count]')
    .evaluateAll((tds) =>
      tds.map(
        (c) => [c.getAttribute('data-testid') ?? '', Number(c.getAttribute('data-count'))] as const,
      ),
    );
  const total = cells.reduce((a, [, n]) => a + n, 0);
  expect(total).toBeGreaterThan(0);
  const [cellId, count] =
    cells
      .filter(([id, n]) => n > 0 && id.split('-')[1] !== id.split('-')[2])
      .sort((a, b) => b[1] - a[1])[0] ?? cells.filter(([, n]) => n > 0)[0]!;
  await page.getByTestId(cellId).click();
  await expect(page.getByTestId('cell-samples').locator('canvas')).toHaveCount(Math.min(60, count));
  await page.screenshot({ path: path.join(artifactsDir, 'inspect-app-confusion-zh-CN.png') });

  await page.getByTestId('inspect-tab-predict').click();
  await page
    .getByTestId('sample-file')
    .setInputFiles(
      path.join(
        dir,
        '9-ankle-boot',
        (await import('node:fs')).readdirSync(path.join(dir, '9-ankle-boot'))[0]!,
      ),
    );
  await expect(page.getByTestId('probability-bars').locator('tr')).toHaveCount(10);
  await page.screenshot({ path: path.join(artifactsDir, 'inspect-app-predict-zh-CN.png') });
});
