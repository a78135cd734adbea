import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { writeFashionMnistFolders } from '../scripts/fashion-mnist';
import { answerChooser, artifactsDir, expect, test, type UiLanguage } from './support/fixtures';

/**
 * The lab corrections of issue 19: the backprop lab's notes on the slides' δ (the literal
 * reading, the ⅔ factor, the two meanings of δ), the course numbers labelled as the deck's or
 * as example values, the deck's 5×5 grid and its symbolic view, pooling stride 2, the softmax
 * Jacobian, the 3-2-3 template without biases, worksheets and answer keys from a lab's header,
 * and a trained Conv2D filter opened in the convolution lab.
 * Screenshots: e2e/artifacts/labs-fixes-*.png.
 */

async function openLab(page: Page, id: string): Promise<void> {
  await page.getByTestId(`lab-card-${id}`).click();
  await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', id);
}

async function stepTo(page: Page, stepId: string): Promise<void> {
  const counter = page.getByTestId('bp-step-counter');
  for (let i = 0; i < 40; i++) {
    if ((await counter.getAttribute('data-step-id')) === stepId) return;
    await page.getByTestId('bp-next').click();
  }
  throw new Error(`never reached step ${stepId}`);
}

/** Clicks a sheet button and returns the saved page's text. */
async function saveSheet(page: Page, button: 'lab-worksheet' | 'lab-answer-key'): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(button).click();
  return readFile((await (await download).path())!, 'utf8');
}

/** Shows a saved sheet as it prints (print media, A4 width) and screenshots it. */
async function lookAtSheet(page: Page, html: string, name: string): Promise<void> {
  const sheet = await page.context().newPage();
  await sheet.setViewportSize({ width: 794, height: 1123 });
  await sheet.emulateMedia({ media: 'print' });
  await sheet.setContent(html);
  await sheet.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
  await writeFile(path.join(artifactsDir, `${name}.html`), html);
  await sheet.close();
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`backprop lab: the slide's δ explained, example values labelled, no-bias template (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await openLab(page, 'backprop');
    await expect(page.getByTestId('bp-example-values')).toBeVisible();
    await page.getByTestId('bp-loss').selectOption('half-sse');
    await page.getByTestId('bp-decimals').selectOption('4');

    await stepTo(page, 'gradient:w7');
    const meanings = page.getByTestId('bp-note-delta-meanings');
    await expect(meanings).toContainText('δ7 = ∂L/∂w7 = δ_o1·Out_h1');
    await expect(meanings).toContainText('δ_o1 = ∂L/∂In_o1');
    await app.screenshot(page, `labs-fixes-backprop-w7-${locale}`);

    // ½Σ and the lab's default numbers: read literally, the slide gives 0.0160, not 0.0223.
    await stepTo(page, 'gradient:w1');
    await expect(page.getByTestId('bp-step-gradient')).toHaveText('0.0223');
    const literal = page.getByTestId('bp-note-slide-literal');
    await expect(literal).toContainText('δ_o1·Out_h1 + δ_o2·Out_h1 + δ_o3·Out_h1');
    await expect(literal).toContainText('0.0160');
    await expect(literal).toContainText('0.0223');
    await expect(page.getByTestId('bp-note-slide-factor-hidden')).toHaveCount(0);
    await app.screenshot(page, `labs-fixes-backprop-w1-${locale}`);
    await literal.scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-fixes-backprop-notes-${locale}`);

    // The answer key says the same, and the worksheet leaves ∂L/∂w1 blank.
    await page.getByTestId('lab-sheet-language').selectOption(locale);
    const key = await saveSheet(page, 'lab-answer-key');
    expect(key).toContain(
      locale === 'en' ? 'would be 0.0160 instead of 0.0223' : '= 0.0160，而正确值是 0.0223',
    );
    const worksheet = await saveSheet(page, 'lab-worksheet');
    expect(worksheet).not.toContain('0.0223');
    await lookAtSheet(page, key, `labs-fixes-backprop-key-${locale}`);

    // ⅓-mean: the ⅔ factor reaches w1 too.
    await page.getByTestId('bp-loss').selectOption('mean-sse');
    await expect(page.getByTestId('bp-note-slide-factor-hidden')).toContainText('2/3');

    // The template without biases opens as the course net: no bias fields.
    await page.getByTestId('bp-template').selectOption('backprop-323-no-bias');
    await expect(page.getByTestId('bp-sizes')).toHaveValue('3-2-3');
    await expect(page.getByTestId('bp-weight-w12')).toBeVisible();
    await expect(page.getByTestId('bp-weight-b_h1')).toHaveCount(0);
  });

  test(`convolution lab: the deck's 5×5 in numbers and symbols, pooling stride 2, worksheet and key (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await openLab(page, 'convolution');
    await expect(page.getByTestId('conv-origin')).toHaveAttribute('data-origin', 'deck');
    const expected = [
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ];
    for (const [r, row] of expected.entries())
      for (const [c, v] of row.entries())
        await expect(page.getByTestId(`conv-output-cell-${r}-${c}`)).toHaveText(String(v));
    await expect(page.getByTestId('pool-stride')).toHaveValue('2');

    await page.getByTestId('conv-symbols-toggle').check();
    await expect(page.getByTestId('conv-symbol-0-0')).toHaveText(
      'out(1,1) = a·w1 + b·w2 + c·w3 + f·w4 + g·w5 + h·w6 + k·w7 + l·w8 + m·w9',
    );
    await expect(page.getByTestId('conv-symbol-2-2')).toContainText('y·w9');
    await app.screenshot(page, `labs-fixes-convolution-symbols-${locale}`);

    await page.getByTestId('lab-sheet-language').selectOption(locale);
    const worksheet = await saveSheet(page, 'lab-worksheet');
    const key = await saveSheet(page, 'lab-answer-key');
    const firstCell = 'out(1,1) = a·w1 + b·w2 + c·w3 + f·w4 + g·w5 + h·w6 + k·w7 + l·w8 + m·w9';
    expect(key).toContain(`${firstCell} = 1·1 + 1·0 + 1·1 + 0·0 + 1·1 + 1·0 + 0·1 + 0·0 + 1·1 = 4`);
    expect(worksheet).toContain(`${firstCell} =</code> <span class="blank"`);
    expect(worksheet).not.toContain('= 4</code>');
    expect(key).toContain(locale === 'en' ? 'answer key' : '参考答案');
    expect(worksheet).toContain(locale === 'en' ? 'worksheet' : '练习单');
    await lookAtSheet(page, worksheet, `labs-fixes-conv-worksheet-${locale}`);
    await lookAtSheet(page, key, `labs-fixes-conv-key-${locale}`);

    await page.getByTestId('conv-source').selectOption('course-7x7');
    await expect(page.getByTestId('conv-origin')).toHaveAttribute('data-origin', 'example');
    await app.screenshot(page, `labs-fixes-convolution-7x7-${locale}`);
  });

  test(`neuron lab: the softmax Jacobian, and a worksheet of the lab (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await openLab(page, 'neuron');
    const z = [4, 1, -4];
    const e = z.map((v) => Math.exp(v));
    const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
    await expect(page.getByTestId('softmax-jacobian-0-0')).toHaveText(
      (p[0]! * (1 - p[0]!)).toFixed(4),
    );
    await expect(page.getByTestId('softmax-jacobian-0-1')).toHaveText((-p[0]! * p[1]!).toFixed(4));
    await page.getByTestId('softmax-jacobian').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-fixes-softmax-jacobian-${locale}`);
    await page.getByTestId('lab-sheet-language').selectOption(locale);
    const key = await saveSheet(page, 'lab-answer-key');
    expect(key).toContain(`= ${(-p[0]! * p[1]!).toFixed(4)}`);
  });
}

test('a trained Conv2D filter opens in the convolution lab (en)', async ({ app }) => {
  test.setTimeout(300_000);
  const { dir } = await writeFashionMnistFolders(
    path.join(await app.makeFolder('data'), 'fashion'),
    'test',
    { perClass: 6 },
  );
  const page = await app.open({ locale: 'en', viewport: { width: 1600, height: 1000 } });
  await page.getByTestId('template-lenet').click();
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-pick-dataset').click();
  await answerChooser(page, dir);
  await expect(page.getByTestId('training-dataset')).toContainText('60');
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
  await page.getByTestId('inspect-tab-filters').click();
  await page.getByTestId('filters-grid').click({ position: { x: 5, y: 5 } });
  const numbers = page.getByTestId('filter-numbers');
  const kernel = (await numbers.locator('td').allTextContents()).map(Number);
  expect(kernel).toHaveLength(25);
  await app.screenshot(page, 'labs-fixes-inspect-filter-en');
  await page.getByTestId('filter-open-conv-lab-0').click();
  await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'convolution');
  // On the 7×7 grid of example values, named as such.
  await expect(page.getByTestId('conv-source')).toHaveValue('course-7x7');
  await expect(page.getByTestId('conv-origin')).toHaveAttribute('data-origin', 'example');
  // The lab's kernel is the filter: the same 25 numbers (the inspector shows 3 decimals).
  for (let i = 0; i < 25; i++) {
    const cell = page.getByTestId(`conv-kernel-${Math.floor(i / 5)}-${i % 5}`);
    const value = Number((await cell.inputValue()).replace(',', '.'));
    expect(Math.abs(value - kernel[i]!)).toBeLessThan(0.0006);
  }
  await expect(page.getByTestId('conv-output')).toHaveAttribute('data-rows', '3');
  await app.screenshot(page, 'labs-fixes-filter-in-lab-en');
  await page.getByTestId('lab-back').click();
  await expect(page.getByTestId('lab-screen')).toHaveCount(0);
  await expect(page.getByTestId('filter-numbers')).toBeVisible();
});
