import { fashionFolder } from './support/fashion-mnist';
import { answerChooser, expect, test } from './support/fixtures';

/**
 * Issue 5's journey as a new user does it: open the LeNet template, pick a
 * small folder of real Fashion-MNIST images (written at test time from
 * Debian's idx files), press Train, watch the curves move and the loss fall,
 * pause, resume, stop.
 */

test('trains the LeNet template on real images with live curves, pause, resume and stop', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const folder = await app.makeFolder('fashion', await fashionFolder(40));
  const page = await app.open({ locale: 'en' });

  await page.getByTestId('template-lenet').click();
  await page.getByTestId('tab-training').click();
  const panel = page.getByTestId('training-panel');
  await expect(panel).toHaveAttribute('data-training-state', 'idle');
  await expect(page.getByTestId('train-start')).toBeDisabled();

  // Enough epochs to pause and resume mid-run; one edit of the project's settings.
  const epochs = page.locator('[data-setting="epochs"]');
  await epochs.fill('40');
  await epochs.press('Enter');

  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, folder);
  await expect(page.getByTestId('training-dataset')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('train-start')).toBeEnabled();

  await page.getByTestId('train-start').click();
  await expect(panel).toHaveAttribute('data-training-state', 'training', { timeout: 60_000 });

  // The curves move: the loss chart gains points batch after batch.
  const chart = page.getByTestId('training-chart-loss');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThan(3);
  // LeNet is a chain the engine supports: LayerLab's own wasm SIMD engine trains it (issue 9).
  // Data-parallel on both cores (issue 9): the status bar says so in plain words (issue 15),
  // the engine's technical name is its tooltip.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const status = page.getByTestId('status-backend');
  await expect(status).toHaveAttribute('data-engine', 'layerlab');
  await expect(status).toHaveText(
    cores > 1
      ? "Training on this computer's CPU · 2 cores · fast engine"
      : /^Training on this computer's CPU · .*fast engine$/,
  );
  await expect(status).toHaveAttribute('title', /LayerLab WASM SIMD engine \(.*SIMD\)/);
  await expect(status).toHaveAttribute('data-backend', /wasm|cpu/);
  await app.screenshot(page, 'train-engine-status-en');
  // COOP/COEP make the page cross-origin isolated, so the peers share memory (no copies per step).
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const before = Number(await chart.getAttribute('data-points'));
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThan(before);

  // The loss falls: epoch 4's training loss is below epoch 1's.
  const rows = page.getByTestId('training-epochs').locator('tr[data-epoch]');
  await expect.poll(async () => rows.count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(4);
  const loss = async (epoch: number) =>
    Number(await page.locator(`tr[data-epoch="${epoch}"]`).getAttribute('data-loss'));
  expect(await loss(4)).toBeLessThan(await loss(1));
  await app.screenshot(page, 'training-en');

  await page.getByTestId('train-pause').click();
  await expect(panel).toHaveAttribute('data-training-state', 'paused');
  const pausedAt = Number(await chart.getAttribute('data-points'));
  await page.waitForTimeout(1500); // nothing may happen while paused; there is no event to wait for
  expect(Number(await chart.getAttribute('data-points'))).toBeLessThanOrEqual(pausedAt + 1);

  await page.getByTestId('train-resume').click();
  await expect(panel).toHaveAttribute('data-training-state', 'training');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThan(pausedAt + 1);

  await page.getByTestId('train-stop').click();
  await expect(panel).toHaveAttribute('data-training-state', 'stopped', { timeout: 30_000 });
  await expect(page.getByTestId('train-start')).toBeEnabled();
  await expect(page.getByTestId('status-bar')).toContainText(/wasm|webgl|cpu/i);
});

test('recovers from a lost WebGL context mid-run and keeps training', async ({ app }) => {
  test.setTimeout(300_000);
  const folder = await app.makeFolder('fashion-small', await fashionFolder(16));
  const page = await app.open({ locale: 'zh-CN' });
  await page.getByTestId('template-lenet').click();
  await page.getByTestId('tab-training').click();
  const panel = page.getByTestId('training-panel');
  await page.locator('[data-setting="backend"]').selectOption('webgl');
  const epochs = page.locator('[data-setting="epochs"]');
  await epochs.fill('30');
  await epochs.press('Enter');
  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, folder);
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('status-backend')).toHaveAttribute('data-backend', 'webgl', {
    timeout: 60_000,
  });

  const rows = page.getByTestId('training-epochs').locator('tr[data-epoch]');
  await expect.poll(async () => rows.count(), { timeout: 180_000 }).toBeGreaterThanOrEqual(1);
  await page.evaluate(() =>
    (
      globalThis as unknown as { __layerlabLoseTrainingContext: () => void }
    ).__layerlabLoseTrainingContext(),
  );

  const notice = page.getByTestId('training-notice');
  await expect(notice).toHaveAttribute('data-code', 'backend-recovered', { timeout: 120_000 });
  await expect(notice).toContainText('GPU 出错，已恢复到第');
  await expect(panel).toHaveAttribute('data-training-state', 'training');
  const after = await rows.count();
  await expect.poll(async () => rows.count(), { timeout: 180_000 }).toBeGreaterThan(after);
  await app.screenshot(page, 'training-recovered-zh');
  await page.getByTestId('train-stop').click();
  await expect(panel).toHaveAttribute('data-training-state', 'stopped', { timeout: 60_000 });
});
