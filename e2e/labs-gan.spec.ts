import type { Page } from '@playwright/test';

import { GAN_EXAMPLE, traceGan } from '../core/labs/gan/gan';

import { expect, test, type UiLanguage } from './support/fixtures';

/**
 * The generative-models lesson as a student meets it: open the GAN lab from the start
 * screen, step forward → D step → G step, and check the shown numbers against core's trace
 * and against this test's own hand calculation of the example (written out below). Then
 * make D confident and switch to the saturating loss: its δ almost vanishes. Screenshots at
 * 1440×760, the classroom projector's size.
 */

const sg = (s: number) => 1 / (1 + Math.exp(-s));

/** The example's V and ∂V/∂w1, scalar by scalar. */
function handCalculation() {
  const x = [
    [1.8, 0.4],
    [0.3, 2.1],
  ];
  const fakes = [-1, 0.5].map((z) => [0.5 * z - 0.5, -0.3 * z + 0.2]);
  const D = (p: number[]) => sg(0.6 * p[0]! + 0.4 * p[1]! - 0.5);
  const V =
    (Math.log(D(x[0]!)) + Math.log(D(x[1]!))) / 2 +
    (Math.log(1 - D(fakes[0]!)) + Math.log(1 - D(fakes[1]!))) / 2;
  const dw1 =
    ((1 - D(x[0]!)) * 1.8 + (1 - D(x[1]!)) * 0.3) / 2 +
    (-D(fakes[0]!) * fakes[0]![0]! - D(fakes[1]!) * fakes[1]![0]!) / 2;
  return { V, dw1 };
}

const result = (page: Page, id: string) => page.getByTestId(`gan-line-${id}-result`);
const valueOf = async (page: Page, id: string) =>
  Number(await result(page, id).getAttribute('data-value'));

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`GAN lab: one D step and one G step, numbers equal core's and a hand calculation (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale });
    await page.setViewportSize({ width: 1440, height: 760 });
    await page.getByTestId('lab-card-gan').click();
    await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'gan');
    await expect(page.getByTestId('gan-objective')).toContainText('min_G max_D V(D, G)');
    const hand = handCalculation();
    const core = traceGan(GAN_EXAMPLE);

    // Forward: V of the example.
    await expect(result(page, 'V')).toHaveText(hand.V.toFixed(4));
    expect(Math.abs((await valueOf(page, 'V')) - hand.V)).toBeLessThan(1e-12);
    await expect(page.getByTestId('gan-line-dV-dw1')).toHaveCount(0);
    await app.screenshot(page, `labs-gan-forward-${locale}`);

    // D step: ∂V/∂w1 with its factors, D's loss down.
    await page.getByTestId('gan-next').click();
    await expect(page.getByTestId('gan-line-dV-dw1')).toContainText('δ(x1)·x1[1]');
    await expect(result(page, 'dV-dw1')).toHaveText(hand.dw1.toFixed(4));
    expect(Math.abs((await valueOf(page, 'dV-dw1')) - hand.dw1)).toBeLessThan(1e-12);
    expect(await valueOf(page, 'V-after')).toBeGreaterThan(hand.V);
    await page.getByTestId('gan-line-delta-real-1').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-gan-d-step-${locale}`);

    // G step: the shown gradient and update are core's; the fakes move (arrows).
    await page.getByTestId('gan-next').click();
    await expect(page.getByTestId('gan-next')).toBeDisabled();
    expect(await valueOf(page, 'dL-da1')).toBe(core.gStep.applied.da[0]);
    await expect(result(page, 'new-c2')).toHaveText(core.gStep.after.c[1].toFixed(4));
    expect(await valueOf(page, 'LG-after')).toBeLessThan(await valueOf(page, 'LG-before'));
    await expect(page.getByTestId('gan-arrow-1')).toBeVisible();
    await page.getByTestId('gan-plane').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-gan-g-step-plane-${locale}`);
    await page.getByTestId('gan-line-LG-before').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-gan-g-step-${locale}`);

    // A confident D and the saturating loss: its δ is almost 0, the non-saturating one near −1.
    await page.getByTestId('gan-confident').click();
    await page.getByTestId('gan-loss').selectOption('saturating');
    expect(Math.abs(await valueOf(page, 'compare-sat-1'))).toBeLessThan(0.01);
    expect(await valueOf(page, 'compare-ns-1')).toBeLessThan(-0.99);
    await page.getByTestId('gan-compare').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-gan-saturating-${locale}`);

    // Typed starting numbers are used; Reset brings the example back at the forward stage.
    await page.getByTestId('gan-D-1-3').fill('0');
    await page.getByTestId('gan-reset').click();
    await expect(page.getByTestId('gan-stage-0')).toHaveAttribute('aria-pressed', 'true');
    await expect(result(page, 'V')).toHaveText(hand.V.toFixed(4));
  });
}
