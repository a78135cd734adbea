import type { Page } from '@playwright/test';

import { expect, test, type UiLanguage } from './support/fixtures';

/**
 * The labs of issue 17 as a new user meets them: open the RNN lab from the start
 * screen, type a network and a sequence, and check the forward values and the BPTT
 * gradients against this test's own calculation (written out below, independently
 * of core/labs/rnn.ts). Screenshots at 1440×760, the classroom projector's size.
 */

const W = [
  [0.7, -0.4],
  [0.25, 0.9],
];
const U = [
  [0.5, -0.6],
  [0.8, 0.3],
];
const b = [0.05, -0.1];
const xs = [
  [1, -1],
  [0.5, 2],
  [-1.5, 0.25],
];
const yLast = [0.2, -0.3];
const DECIMALS = 6;

/** hₜ = tanh(W·xₜ + U·hₜ₋₁ + b), L = ½Σ(h3 − y)², BPTT by hand. */
function handCalculation() {
  const hs: number[][] = [[0, 0]];
  for (const x of xs) {
    const prev = hs.at(-1)!;
    hs.push(
      [0, 1].map((j) =>
        Math.tanh(
          W[j]![0]! * x[0]! +
            W[j]![1]! * x[1]! +
            U[j]![0]! * prev[0]! +
            U[j]![1]! * prev[1]! +
            b[j]!,
        ),
      ),
    );
  }
  const deltas: number[][] = [[], [], []];
  for (let t = 2; t >= 0; t--) {
    const h = hs[t + 1]!;
    deltas[t] = [0, 1].map((j) => {
      const direct = t === 2 ? h[j]! - yLast[j]! : 0;
      const through = t === 2 ? 0 : deltas[t + 1]![0]! * U[0]![j]! + deltas[t + 1]![1]! * U[1]![j]!;
      return (direct + through) * (1 - h[j]! ** 2);
    });
  }
  const dW12 = [0, 1, 2].reduce((s, t) => s + deltas[t]![0]! * xs[t]![1]!, 0);
  const dU21 = [0, 1, 2].reduce((s, t) => s + deltas[t]![1]! * hs[t]![0]!, 0);
  return { hs, dW12, dU21 };
}

async function typeNetwork(page: Page): Promise<void> {
  const fill = (id: string, v: number) => page.getByTestId(id).fill(String(v));
  for (let j = 0; j < 2; j++) {
    for (let i = 0; i < 2; i++) await fill(`rnn-W-${j + 1}-${i + 1}`, W[j]![i]!);
    for (let k = 0; k < 2; k++) await fill(`rnn-U-${j + 1}-${k + 1}`, U[j]![k]!);
    await fill(`rnn-b-${j + 1}-1`, b[j]!);
    await fill(`rnn-y-1-${j + 1}`, yLast[j]!);
  }
  for (let t = 0; t < 3; t++)
    for (let i = 0; i < 2; i++) await fill(`rnn-x-${t + 1}-${i + 1}`, xs[t]![i]!);
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`RNN lab: typed network, forward per step and BPTT match a hand calculation (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await page.setViewportSize({ width: 1440, height: 760 });
    await page.getByTestId('lab-card-rnn').click();
    await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'rnn');
    await expect(page.getByTestId('rnn-activation')).toHaveValue('tanh');
    await expect(page.getByTestId('rnn-loss')).toHaveValue('half-sse');
    await typeNetwork(page);
    await page.getByTestId('rnn-decimals').selectOption(String(DECIMALS));
    const hand = handCalculation();

    await page.getByTestId('rnn-step-2').click();
    await expect(page.getByTestId('rnn-line-h-1-result')).toHaveText(
      hand.hs[2]![0]!.toFixed(DECIMALS),
    );
    await expect(page.getByTestId('rnn-line-sum-2')).toContainText('U[2,1]·h1[1]');

    const dW12 = page.getByTestId('rnn-grad-W-1-2-result');
    await expect(dW12).toHaveText(hand.dW12.toFixed(DECIMALS));
    expect(Math.abs(Number(await dW12.getAttribute('data-value')) - hand.dW12)).toBeLessThan(1e-12);
    const dU21 = page.getByTestId('rnn-grad-U-2-1-result');
    expect(Math.abs(Number(await dU21.getAttribute('data-value')) - hand.dU21)).toBeLessThan(1e-12);
    // The gradient is written as a sum of one term per time step.
    await expect(page.getByTestId('rnn-grad-W-1-2')).toContainText(
      'δ1[1]·x1[2] + δ2[1]·x2[2] + δ3[1]·x3[2]',
    );

    await page.getByTestId('lab-back').scrollIntoViewIfNeeded();
    await page.getByTestId('rnn-inputs').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-rnn-setup-${locale}`);
    await page.getByTestId('rnn-diagram').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-rnn-unrolled-${locale}`);
    await page.getByTestId('rnn-line-dldh-1').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-rnn-bptt-${locale}`);

    // The vanishing/exploding view: typed length 30, tanh shrinks and ReLU grows going back.
    await page.getByTestId('rnn-flow-steps').fill('30');
    const first = async (k: string) =>
      Number(await page.getByTestId(`rnn-flow-line-${k}`).getAttribute('data-first'));
    const last = async (k: string) =>
      Number(await page.getByTestId(`rnn-flow-line-${k}`).getAttribute('data-last'));
    expect((await first('tanh')) / (await last('tanh'))).toBeLessThan(1e-5);
    expect((await first('relu')) / (await last('relu'))).toBeGreaterThan(1e4);
    await expect(page.getByTestId('rnn-flow-legend-lstm')).toContainText('‖∂L/∂h30‖');
    await page.getByTestId('rnn-flow').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-rnn-gradient-flow-${locale}`);
  });
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`LSTM gates by hand: typed weights give the gate values and cₜ of a hand calculation (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await page.setViewportSize({ width: 1440, height: 760 });
    await page.getByTestId('lab-card-lstm').click();
    await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'lstm');
    await page.getByTestId('lstm-decimals').selectOption('6');
    // A strongly closed forget gate (b_f = −3) and the input x1 = (2, −1).
    await page.getByTestId('lstm-bf-1-1').fill('-3');
    await page.getByTestId('lstm-x-1-1').fill('2');
    await page.getByTestId('lstm-x-1-2').fill('-1');
    // Defaults of the other weights (lstm-defaults.ts), step 1 by hand: h0 = c0 = 0.
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const x = [2, -1];
    const i1 = s(0.5 * x[0]! - 0.2 * x[1]!);
    const c1 = i1 * Math.tanh(0.7 * x[0]! + 0.6 * x[1]!);
    const f1 = s(0.1 * x[0]! + 0.4 * x[1]! - 3);
    const h1 = s(-0.3 * x[0]! + 0.8 * x[1]! + 0.1) * Math.tanh(c1);
    await expect(page.getByTestId('lstm-line-f-result')).toHaveText(f1.toFixed(6));
    await expect(page.getByTestId('lstm-line-cell-result')).toHaveText(c1.toFixed(6));
    await expect(page.getByTestId('lstm-line-h-result')).toHaveText(h1.toFixed(6));
    // Step 2 keeps only f2·c1 of the old cell.
    await page.getByTestId('lstm-step-2').click();
    await expect(page.getByTestId('lstm-line-cell')).toContainText('f2[1]·c1[1] + i2[1]·c̃2[1]');
    await page.getByTestId('lstm-diagram').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-lstm-cell-${locale}`);
  });
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`word vectors: h = Wᵀx is the word's row of W, and training brings 猫/狗 together (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await page.setViewportSize({ width: 1440, height: 760 });
    await page.getByTestId('lab-card-word-vectors').click();
    await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'word-vectors');
    // A typed Chinese corpus, words separated by spaces: 猫 and 狗 share every context.
    await page
      .getByTestId('w2v-corpus')
      .fill('猫 喝 牛奶 。 狗 喝 水 。 猫 吃 鱼 。 狗 吃 肉 。 小 猫 喝 牛奶 。 小 狗 喝 水');
    await expect(page.getByTestId('w2v-status')).toContainText('9');
    // Row 0 is 猫: h = Wᵀx shows exactly the numbers of that row.
    await page.getByTestId('w2v-row-0').click();
    const row = await page.getByTestId('w2v-row-0').locator('td').allTextContents();
    await expect(page.getByTestId('w2v-h')).toContainText(`(${row.join(', ')})`);
    await page.getByTestId('w2v-train-100').click();
    await page.getByTestId('w2v-train-100').click();
    await expect(page.getByTestId('w2v-status')).toContainText('200');
    await expect(page.getByTestId('w2v-nearest').locator('li').first()).toContainText('狗');
    await page.getByTestId('w2v-onehot').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-word-vectors-${locale}`);
  });
}
