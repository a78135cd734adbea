import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Browser, Page } from '@playwright/test';

import { fashionFolder } from './support/fashion-mnist';
import { answerChooser, expect, test, type UiLanguage } from './support/fixtures';
import {
  killHard,
  startChromium,
  startServerProcess,
  type KillableBrowser,
  type KillableServer,
} from './support/server-process';

/**
 * Issue 16's fault test: edit a project and train it in browser mode, then
 * `kill -9` the server and Chromium in the middle of editing and training;
 * start both again, restore the edits from the start screen and resume
 * training from the last finished epoch.
 */

async function openPage(browser: Browser, url: string, locale: UiLanguage): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  await page.locator('[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  return page;
}

/** What the recovery store holds on disk, by slot (read by the test, as a user's next start would). */
async function stored(userDataDir: string, slot: 'document' | 'checkpoint'): Promise<string[]> {
  const dir = path.join(userDataDir, 'recovery');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((n) => n.endsWith(`.${slot}.json`))
      .map((n) => readFile(path.join(dir, n), 'utf8')),
  );
}

async function epochsKept(userDataDir: string): Promise<number> {
  const [text] = await stored(userDataDir, 'checkpoint');
  if (text === undefined) return 0;
  const part = JSON.parse(text) as { contents: string };
  return (JSON.parse(part.contents) as { epochsDone: number }).epochsDone;
}

test('kill -9 of server and page mid-edit and mid-training: the edits come back and training resumes from the last epoch', async ({
  app,
}) => {
  test.setTimeout(420_000);
  const folder = await app.makeFolder('fashion', await fashionFolder(16));
  let server: KillableServer | null = await startServerProcess(app.userDataDir, 'en');
  let chromium: KillableBrowser | null = await startChromium();
  try {
    let page = await openPage(chromium.browser, server.url, 'en');

    // Edit: the LeNet template with 2000 epochs (a settings edit, so the project is unsaved).
    await page.getByTestId('template-lenet').click();
    await page.getByTestId('tab-training').click();
    const epochs = page.locator('[data-setting="epochs"]');
    await epochs.fill('2000');
    await epochs.press('Enter');
    await page.getByTestId('train-pick-dataset').click();
    await answerChooser(page, folder);
    await page.getByTestId('train-start').click();
    const panel = page.getByTestId('training-panel');
    await expect(panel).toHaveAttribute('data-training-state', 'training', { timeout: 60_000 });

    // Within 2 s of the edit the document is in the store (in the profile folder, 0600).
    await expect
      .poll(async () => (await stored(app.userDataDir, 'document')).length, { timeout: 2_500 })
      .toBe(1);
    // Training: a checkpoint after each epoch. Wait for two.
    await expect
      .poll(() => epochsKept(app.userDataDir), { timeout: 240_000 })
      .toBeGreaterThanOrEqual(2);

    // Editing mid-training: move a layer (keeps the trained network), then kill within 2 s.
    const node = page.locator('.react-flow__node').first();
    const box = await node.boundingBox();
    if (box === null) throw new Error('no layer on the canvas');
    const before = (await stored(app.userDataDir, 'document'))[0];
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => (await stored(app.userDataDir, 'document'))[0] !== before, {
        timeout: 2_500,
      })
      .toBe(true);
    const kept = await epochsKept(app.userDataDir);
    expect(await panel.getAttribute('data-training-state')).toBe('training'); // mid-run

    // kill -9, both of them: no unload, no exit handler, no last write.
    await killHard(chromium.server.process());
    await killHard(server.process);
    chromium = null;
    server = null;

    // Start both again over the same profile folder.
    server = await startServerProcess(app.userDataDir, 'en');
    chromium = await startChromium();
    page = await openPage(chromium.browser, server.url, 'en');
    const offer = page.getByTestId('recovery-offer');
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId('recovery-item')).toHaveCount(1);
    await expect(offer).toContainText('Training can resume from its last finished epoch');
    await page.screenshot({ path: path.join('e2e', 'artifacts', 'recovery-offer-en.png') });

    await offer.getByTestId('recovery-restore').click();
    await page.getByTestId('tab-training').click();
    // The edits are back, unsaved.
    await expect(page.locator('[data-setting="epochs"]')).toHaveValue('2000');
    expect(await page.title()).toMatch(/^● /);
    const resume = page.getByTestId('train-resume-checkpoint');
    const n = await epochsKept(app.userDataDir);
    expect(n).toBeGreaterThanOrEqual(kept);
    await expect(resume).toHaveText(`Resume from epoch ${n}`);
    await expect(resume).toBeDisabled(); // the dataset first, as for Train
    await page.getByTestId('train-pick-dataset').click();
    await answerChooser(page, folder);
    await expect(resume).toBeEnabled();
    await page.screenshot({ path: path.join('e2e', 'artifacts', 'recovery-resume-en.png') });
    await resume.click();
    const restartedPanel = page.getByTestId('training-panel');
    await expect(restartedPanel).toHaveAttribute('data-training-state', 'training', {
      timeout: 60_000,
    });
    // Epochs N+1… are trained; the first N rows are the killed run's.
    const rows = page.getByTestId('training-epochs').locator('tr[data-epoch]');
    await expect.poll(async () => rows.count(), { timeout: 240_000 }).toBeGreaterThan(n);
    await expect(page.locator(`tr[data-epoch="${n + 1}"]`)).toHaveCount(1);
    await page.getByTestId('train-stop').click();
    await expect(restartedPanel).toHaveAttribute('data-training-state', 'stopped', {
      timeout: 60_000,
    });
  } finally {
    await killHard(chromium?.server.process() ?? null);
    await killHard(server?.process ?? null);
  }
});

test('the restore offer in Chinese: what, when, Restore / Discard', async ({ app }) => {
  // A crash left an unsaved untitled project: a first server writes it, then dies.
  let server: KillableServer | null = await startServerProcess(app.userDataDir, 'zh-CN');
  let chromium: KillableBrowser | null = await startChromium();
  try {
    const page = await openPage(chromium.browser, server.url, 'zh-CN');
    await page.getByTestId('template-mlp-digits').click();
    await page.getByTestId('tab-training').click();
    const epochs = page.locator('[data-setting="epochs"]');
    await epochs.fill('7');
    await epochs.press('Enter');
    await expect
      .poll(async () => (await stored(app.userDataDir, 'document')).length, { timeout: 2_500 })
      .toBe(1);
    await killHard(chromium.server.process());
    await killHard(server.process);
    server = await startServerProcess(app.userDataDir, 'zh-CN');
    chromium = await startChromium();
    const next = await openPage(chromium.browser, server.url, 'zh-CN');
    const offer = next.getByTestId('recovery-offer');
    await expect(offer).toContainText('上次未保存的工作');
    await expect(offer).toContainText('未命名项目');
    await next.screenshot({ path: path.join('e2e', 'artifacts', 'recovery-offer-zh.png') });
    // Discard asks first, then the entry is gone for good.
    await offer.getByTestId('recovery-discard').click();
    await next.getByRole('button', { name: '丢弃' }).last().click();
    await expect(offer).toHaveCount(0);
    expect(await stored(app.userDataDir, 'document')).toEqual([]);
  } finally {
    await killHard(chromium?.server.process() ?? null);
    await killHard(server?.process ?? null);
  }
});
