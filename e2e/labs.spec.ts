import { readFile } from 'node:fs/promises';

import type { Locator, Page } from '@playwright/test';

import { labIds } from '../core/labs/lab-file';

import { expect, test, type UiLanguage } from './support/fixtures';

/**
 * The course labs of issue 8, as a new user would use them: backpropagation by
 * hand on the 3-2-3 network (values checked against the test's own chain-rule
 * calculation), the convolution lab on the 7×7 example, gradient descent with a
 * small and a large η, and a lab saved to a file and opened again.
 */

/** The numbers this test types into the backprop lab (deliberately not the lab's defaults). */
const x = [1, 0.5, -0.5];
const y = [0, 1, 0];
const w = [0.15, -0.25, 0.35, 0.45, -0.55, 0.6, 0.3, -0.7, 0.8, 0.9, 0.2, -0.4];
const eta = 0.8;
const DECIMALS = 6;

/**
 * The course's chain rule for L = ⅓Σ(ŷ − y)², written out independently of the app:
 * w1, w3, w5 → h1; w2, w4, w6 → h2; w7, w10 → o1; w8, w11 → o2; w9, w12 → o3.
 */
function handCalculation() {
  const W = (k: number) => w[k - 1]!;
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const h1 = s(W(1) * x[0]! + W(3) * x[1]! + W(5) * x[2]!);
  const h2 = s(W(2) * x[0]! + W(4) * x[1]! + W(6) * x[2]!);
  const o = [s(W(7) * h1 + W(10) * h2), s(W(8) * h1 + W(11) * h2), s(W(9) * h1 + W(12) * h2)];
  const delta = o.map((oi, i) => (2 / 3) * (oi - y[i]!) * oi * (1 - oi));
  const deltaH1 = (delta[0]! * W(7) + delta[1]! * W(8) + delta[2]! * W(9)) * h1 * (1 - h1);
  return { dw7: delta[0]! * h1, dw1: deltaH1 * x[0]!, deltaO1: delta[0]!, deltaH1 };
}

async function openLab(page: Page, id: string): Promise<Locator> {
  await page.getByTestId(`lab-card-${id}`).click();
  const screen = page.getByTestId('lab-screen');
  await expect(screen).toHaveAttribute('data-lab', id);
  return screen;
}

async function fill(page: Page, testId: string, value: number): Promise<void> {
  await page.getByTestId(testId).fill(String(value));
}

async function stepTo(page: Page, stepId: string): Promise<void> {
  const counter = page.getByTestId('bp-step-counter');
  for (let i = 0; i < 40; i++) {
    if ((await counter.getAttribute('data-step-id')) === stepId) return;
    await page.getByTestId('bp-next').click();
  }
  throw new Error(`never reached step ${stepId}`);
}

test('backpropagation by hand on the 3-2-3 net matches an independent calculation (zh-CN)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'zh-CN' });
  await openLab(page, 'backprop');
  for (let i = 0; i < 3; i++) await fill(page, `bp-input-${i + 1}`, x[i]!);
  for (let i = 0; i < 3; i++) await fill(page, `bp-target-${i + 1}`, y[i]!);
  for (let k = 1; k <= 12; k++) await fill(page, `bp-weight-w${k}`, w[k - 1]!);
  await page.getByTestId('bp-eta').fill(String(eta));
  await expect(page.getByTestId('bp-loss')).toHaveValue('mean-sse');
  await page.getByTestId('bp-decimals').selectOption(String(DECIMALS));

  const expected = handCalculation();
  await stepTo(page, 'gradient:w7');
  const gradient = page.getByTestId('bp-step-gradient');
  await expect(gradient).toHaveText(expected.dw7.toFixed(DECIMALS));
  expect(Math.abs(Number(await gradient.getAttribute('data-value')) - expected.dw7)).toBeLessThan(
    1e-12,
  );
  await expect(page.getByTestId('bp-line-delta-result')).toHaveText(
    expected.deltaO1.toFixed(DECIMALS),
  );
  // ⅓Σ: the slides' ∂L/∂ŷ1 = ŷ1 − y1 is flagged, the exact 2/3·(ŷ1 − y1) is used.
  await expect(page.getByTestId('bp-note-slide-dl-dyhat')).toContainText('2/3·(ŷ1 − y1)');
  await app.screenshot(page, 'labs-backprop-w7-zh-CN');

  await stepTo(page, 'gradient:w1');
  await expect(gradient).toHaveText(expected.dw1.toFixed(DECIMALS));
  expect(Math.abs(Number(await gradient.getAttribute('data-value')) - expected.dw1)).toBeLessThan(
    1e-12,
  );
  await expect(page.getByTestId('bp-line-delta-result')).toHaveText(
    expected.deltaH1.toFixed(DECIMALS),
  );
  await expect(page.getByTestId('bp-note-slide-hidden-sum')).toContainText(
    'δ_o1·w7 + δ_o2·w8 + δ_o3·w9',
  );
  await app.screenshot(page, 'labs-backprop-w1-zh-CN');

  // Export the answer key before the update (it describes this step).
  const download = page.waitForEvent('download');
  await page.getByTestId('bp-export-md').click();
  const key = await readFile((await (await download).path())!, 'utf8');
  expect(key).toContain('反向传播 — 参考答案');
  expect(key).toContain(`∂L/∂w7 = `);
  expect(key).toContain(`= ${expected.dw7.toFixed(DECIMALS)}\``);
  expect(key).toContain(`= ${expected.dw1.toFixed(DECIMALS)}\``);

  // One update: w ← w − η·∂L/∂w, now in the weight fields.
  await page.getByTestId('bp-apply-update').click();
  await expect(page.getByTestId('bp-step-counter')).toHaveAttribute('data-step-id', 'start');
  // The weight fields take the new values in the render after the step resets: poll them.
  const weightField = async (name: string): Promise<number> =>
    Number(await page.getByTestId(`bp-weight-${name}`).inputValue());
  await expect
    .poll(async () => Math.abs((await weightField('w7')) - (w[6]! - eta * expected.dw7)))
    .toBeLessThan(1e-12);
  await expect
    .poll(async () => Math.abs((await weightField('w1')) - (w[0]! - eta * expected.dw1)))
    .toBeLessThan(1e-12);
});

test('convolution lab: the 7×7 example gives 5×5 and a cell shows its multiply-add (zh-CN)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'zh-CN' });
  await openLab(page, 'convolution');
  await page.getByTestId('conv-source').selectOption('course-7x7');
  const output = page.getByTestId('conv-output');
  await expect(output).toHaveAttribute('data-rows', '5');
  await expect(output).toHaveAttribute('data-cols', '5');
  await expect(page.getByTestId('conv-output-size')).toHaveText('5×5');

  // The window of output [1, 2] is input rows 1…3, cols 2…4; the box blur averages it.
  const window: number[] = [];
  for (let r = 1; r <= 3; r++)
    for (let c = 2; c <= 4; c++)
      window.push(Number(await page.getByTestId(`conv-input-cell-${r}-${c}`).inputValue()));
  const mean = window.reduce((a, b) => a + b, 0) / 9;
  await page.getByTestId('conv-output-cell-1-2').click();
  await expect(page.getByTestId('conv-terms')).toContainText('×');
  expect((await page.getByTestId('conv-terms').innerText()).match(/×/g)).toHaveLength(9);
  await expect(page.getByTestId('conv-cell-sum')).toHaveText(
    Number.isInteger(mean) ? String(mean) : mean.toFixed(4),
  );
  await expect(page.getByTestId('conv-input-cell-2-3')).toHaveClass(/grid-window/);
  await expect(page.getByTestId('conv-input-cell-0-0')).not.toHaveClass(/grid-window/);
  await app.screenshot(page, 'labs-convolution-zh-CN');
});

test('gradient descent converges with a small η and diverges, with the reason, with a large one (zh-CN)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'zh-CN' });
  await openLab(page, 'gradient-descent');
  await page.getByTestId('gd-preset').selectOption('shifted-parabola');
  await page.getByTestId('gd-small-eta').click();
  await page.getByTestId('gd-run').click();
  await expect(page.getByTestId('gd-status')).toHaveAttribute('data-status', 'converged');
  await app.screenshot(page, 'labs-gd-converged-zh-CN');

  await page.getByTestId('gd-large-eta').click();
  await expect(page.getByTestId('gd-status')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('gd-run').click();
  await expect(page.getByTestId('gd-status')).toHaveAttribute('data-status', 'diverged');
  await expect(page.getByTestId('gd-reason')).toHaveAttribute('data-reason', 'gd-eta-too-large');
  await expect(page.getByTestId('gd-reason')).toContainText('2/λ = 1.0000');
  await app.screenshot(page, 'labs-gd-diverged-zh-CN');

  // A typed 2-D formula goes through the safe parser; a hostile one is refused with a message.
  await page.getByTestId('gd-formula').fill('constructor(x)');
  await expect(page.getByTestId('gd-formula-error')).toBeVisible();
  await page.getByTestId('gd-formula').fill('x^2 + 10*y^2');
  await page.getByTestId('gd-apply-formula').click();
  await fill(page, 'gd-start-y', 1.5);
  await fill(page, 'gd-eta', 0.05);
  await page.getByTestId('gd-run').click();
  await expect(page.getByTestId('gd-status')).toHaveAttribute('data-status', 'converged');
  await expect(page.getByTestId('gd-contour')).toBeVisible();
  await app.screenshot(page, 'labs-gd-contour-zh-CN');
});

test('a lab saved to a file opens again in the same state', async ({ app }) => {
  const page = await app.open({ locale: 'en' });
  await openLab(page, 'backprop');
  await fill(page, 'bp-weight-w7', 0.123);
  await page.getByTestId('bp-decimals').selectOption('3');
  await stepTo(page, 'gradient:w9');
  const download = page.waitForEvent('download');
  await page.getByTestId('lab-save').click();
  const file = (await (await download).path())!;
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
    format: 'layerlab-lab',
    lab: 'backprop',
    version: 1,
  });
  await page.getByTestId('lab-back').click();
  await expect(page.getByTestId('lab-screen')).toHaveCount(0);

  await page.getByTestId('labs-open-file').setInputFiles(file);
  await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'backprop');
  await expect(page.getByTestId('bp-step-counter')).toHaveAttribute('data-step-id', 'gradient:w9');
  await expect(page.getByTestId('bp-weight-w7')).toHaveValue('0.123');
  await expect(page.getByTestId('bp-decimals')).toHaveValue('3');

  // A file that is not a lab is refused with a message, and nothing crashes.
  await page.getByTestId('lab-back').click();
  await page.getByTestId('labs-open-file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else"}'),
  });
  await expect(page.getByTestId('lab-error')).toContainText('not a LayerLab lab file');
});

for (const locale of ['en', 'zh-CN'] as const satisfies readonly UiLanguage[]) {
  test(`every lab opens from the start screen, screenshots (${locale})`, async ({ app }) => {
    const page = await app.open({ locale });
    // One card per course lab, in course order (the GAN lesson is the eighth).
    await expect(page.getByTestId('labs-list').locator('li')).toHaveCount(labIds.length);
    await app.screenshot(page, `labs-start-${locale}`);
    await openLab(page, 'neuron');
    await expect(page.getByTestId('softmax-prob-0')).toHaveText(
      (Math.exp(4) / (Math.exp(4) + Math.exp(1) + Math.exp(-4))).toFixed(4),
    );
    await app.screenshot(page, `labs-neuron-${locale}`);
    await page.getByTestId('lab-back').click();
    if (locale === 'en') {
      await openLab(page, 'backprop');
      await stepTo(page, 'gradient:w1');
      await app.screenshot(page, 'labs-backprop-w1-en');
      // The editor's backprop-323 template opens as the same net, with its biases and SGD rate.
      await page.getByTestId('bp-template').selectOption('backprop-323');
      await expect(page.getByTestId('bp-sizes')).toHaveValue('3-2-3');
      await expect(page.getByTestId('bp-weight-b_h1')).toBeVisible();
      await expect(page.getByTestId('bp-eta')).toHaveValue('0.5');
      await page.getByTestId('lab-back').click();
      await openLab(page, 'convolution');
      await page.getByTestId('conv-source').selectOption('sample:ankle-boot');
      await page.getByTestId('conv-kernel-preset').selectOption('sobel-x');
      await page.getByTestId('conv-output-cell-12-12').click();
      await app.screenshot(page, 'labs-convolution-image-en');
      await page.getByTestId('lab-back').click();
      await openLab(page, 'gradient-descent');
      await page.getByTestId('gd-preset').selectOption('narrow-bowl');
      await page.getByTestId('gd-large-eta').click();
      await page.getByTestId('gd-run').click();
      await expect(page.getByTestId('gd-status')).toHaveAttribute('data-status', 'diverged');
      await app.screenshot(page, 'labs-gd-diverged-en');
    }
  });
}
