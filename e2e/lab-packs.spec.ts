import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import type { Page } from '@playwright/test';

import { answerChooser, expect, test, type UiLanguage } from './support/fixtures';

/**
 * Lab packages (issue 19) as a student and a teacher use them: the student
 * opens the course sample package, cannot delete or edit the locked input
 * layer of the LeNet step, completes the backprop step by typing ∂L/∂w5,
 * exports a submission; the teacher runs `npm run check-pack` on it and on a
 * failing one and looks at the class report.
 */

const repo = path.resolve(import.meta.dirname, '..');
const samplePack = path.join(repo, 'assets/packs/course-first-half.layerlab-pack');
const outDir = path.join(repo, 'test-results/lab-packs');

/**
 * ∂L/∂w5 of the course 3-2-3 net with the lab's default numbers (x = 0.5, 0.3, 0.8;
 * y = 1, 0, 0; w_k = k/10; L = ⅓Σ(ŷ − y)²), written out here independently of the
 * app. Course numbering: w1, w3, w5 go into h1, so ∂L/∂w5 = δ_h1 · x3.
 */
function expectedDw5(): number {
  const x = [0.5, 0.3, 0.8];
  const y = [1, 0, 0];
  const W = (k: number) => k / 10;
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const h1 = s(W(1) * x[0]! + W(3) * x[1]! + W(5) * x[2]!);
  const h2 = s(W(2) * x[0]! + W(4) * x[1]! + W(6) * x[2]!);
  const o = [s(W(7) * h1 + W(10) * h2), s(W(8) * h1 + W(11) * h2), s(W(9) * h1 + W(12) * h2)];
  const delta = o.map((oi, i) => (2 / 3) * (oi - y[i]!) * oi * (1 - oi));
  const deltaH1 = (delta[0]! * W(7) + delta[1]! * W(8) + delta[2]! * W(9)) * h1 * (1 - h1);
  return deltaH1 * x[2]!;
}

const words = {
  'zh-CN': {
    locked: '已被实验包锁定',
    progress: '已完成 2 / 4 个步骤',
    fail: '未通过',
    labLock: '老师在实验包中锁定了此项，这里不能修改。',
    submission: '学生提交',
  },
  en: {
    locked: 'locked by the lab package',
    progress: '2 of 4 steps done',
    fail: 'fail',
    labLock: 'Locked by your teacher in this lab package: it cannot be changed here.',
    submission: 'Submission',
  },
} as const;

/** The start screen's "Open lab package…" is File → Open: the in-app chooser, then student mode. */
async function openPack(page: Page): Promise<void> {
  await page.getByTestId('pack-open').click();
  await answerChooser(page, samplePack);
  await expect(page.getByTestId('pack-panel')).toBeVisible();
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`a student works through the sample package and the teacher checks it (${locale})`, async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const page = await app.open({ locale });
    await openPack(page);
    // The reading passes once marked read; the required backprop step closes the ones after it.
    await page.getByTestId('pack-mark-read').check();
    await expect(page.getByTestId('pack-step-reading')).toHaveAttribute('data-status', 'pass');
    await expect(page.getByTestId('pack-step-lenet')).toBeDisabled();
    await app.screenshot(page, `lab-packs-start-${locale}`);

    // Backprop: the lab opens with the step page beside it and no answer-key export.
    await page.getByTestId('pack-step-backprop').click();
    await page.getByTestId('pack-open-step').click();
    const lab = page.getByTestId('lab-screen');
    await expect(lab).toHaveAttribute('data-lab', 'backprop');
    await expect(lab.getByTestId('bp-export-md')).toHaveCount(0);
    // The teacher locked the net's numbers: read-only in the lab itself, with the 🔒 and why.
    const x1 = lab.getByTestId('bp-input-1');
    await expect(x1).toHaveAttribute('readonly', '');
    await expect(x1).toHaveAttribute('data-locked', 'true');
    await expect(lab.getByTestId('bp-weight-w5')).toHaveAttribute('readonly', '');
    await expect(lab.locator('.lab-locked-number').first()).toHaveAttribute(
      'title',
      words[locale].labLock,
    );
    await expect(lab.getByTestId('bp-sizes')).toBeDisabled();
    // Applying the update would rewrite the locked weights: it is off too.
    await expect(lab.getByTestId('bp-apply-update')).toBeDisabled();
    // The blank worksheet (no key) prints to a real PDF.
    const pdfDownload = page.waitForEvent('download');
    await lab.getByTestId('lab-worksheet-pdf').click();
    const pdf = await readFile((await (await pdfDownload).path())!);
    expect((await pdfDownload).suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const answer = lab.getByTestId('pack-answer-dw5');
    await answer.fill('0.5');
    await expect(lab.locator('[data-check="dw5"]')).toHaveAttribute('data-status', 'fail');
    await expect(lab.getByTestId('pack-hint')).toBeVisible();
    await app.screenshot(page, `lab-packs-wrong-answer-${locale}`);
    await answer.fill(expectedDw5().toFixed(4));
    await expect(lab.locator('[data-check="dw5"]')).toHaveAttribute('data-status', 'pass');
    // The answer key itself is shown nowhere on the page (only ✓ / ✗).
    await expect(lab.getByTestId('pack-step-card')).not.toContainText(expectedDw5().toFixed(6));
    await app.screenshot(page, `lab-packs-right-answer-${locale}`);
    await lab.getByTestId('lab-back').click();
    await expect(page.getByTestId('pack-step-backprop')).toHaveAttribute('data-status', 'pass');
    await expect(page.getByTestId('pack-progress')).toHaveText(words[locale].progress);

    // LeNet: the locked input layer cannot be deleted and its size fields are read-only.
    await page.getByTestId('pack-step-lenet').click();
    await page.getByTestId('pack-open-step').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const input = page.locator('[data-testid="layer-node"][data-node-id="n1"]');
    await input.click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('toast').filter({ hasText: words[locale].locked })).toBeVisible();
    await expect(input).toBeVisible();
    await expect(page.getByTestId('inspector-layer-locked')).toBeVisible();
    // The lock is marked on the canvas node itself, and only there.
    await expect(input.getByTestId('node-lock')).toBeVisible();
    await expect(page.getByTestId('node-lock')).toHaveCount(1);
    // Where toasts sit beside the panel is checked in lab-packs-open with an error toast, which
    // stays until dismissed: this one goes by itself and was gone before it could be measured.
    await expect(page.locator('input[data-locked="true"]')).toHaveCount(3);
    await app.screenshot(page, `lab-packs-locked-layer-${locale}`);
    // Out of the way of the panel's footer (it may already have gone by itself).
    await page
      .getByTestId('toast')
      .getByRole('button')
      .first()
      .click({ timeout: 3000 })
      .catch(() => undefined);
    // Another layer is the student's to change.
    await page.locator('[data-testid="layer-node"][data-node-id="n2"]').click();
    await page.keyboard.press('Delete');
    await expect(page.locator('[data-testid="layer-node"][data-node-id="n2"]')).toHaveCount(0);

    // Export the submission.
    await page.getByTestId('pack-student').fill(locale === 'en' ? 'Li Lei' : '李雷');
    const download = page.waitForEvent('download');
    await page.getByTestId('pack-export').click();
    const file = (await (await download).path())!;
    const submission = JSON.parse(await readFile(file, 'utf8')) as {
      student: string;
      steps: {
        id: string;
        answers: Record<string, number>;
        work: string | null;
        results: unknown[];
      }[];
    };
    expect(submission.student).toBe(locale === 'en' ? 'Li Lei' : '李雷');
    const lenet = submission.steps.find((s) => s.id === 'lenet');
    expect(lenet?.work).toContain('"format": "layerlab"');
    expect(lenet?.work).not.toContain('"n2"');
    // Opened in the app (File → Open), a submission shows who, which package and each step's results.
    await mkdir(outDir, { recursive: true });
    const opened = path.join(outDir, `opened-${locale}.layerlab-submission`);
    await writeFile(opened, await readFile(file, 'utf8'));
    await page.keyboard.press('Control+o');
    await answerChooser(page, opened);
    const summary = page.getByTestId('submission-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('heading')).toHaveText(words[locale].submission);
    await expect(summary.getByTestId('submission-student')).toHaveText(
      locale === 'en' ? 'Li Lei' : '李雷',
    );
    await expect(summary.getByTestId('submission-step')).toHaveCount(4);
    // Backprop: its lock check and the typed ∂L/∂w5 both passed.
    await expect(summary.locator('[data-step="backprop"] [data-status="pass"]')).toHaveCount(2);
    await expect(summary.locator('[data-step="backprop"] [data-status="fail"]')).toHaveCount(0);
    await app.screenshot(page, `lab-packs-submission-opened-${locale}`);
    await summary.getByRole('button').click();
    await expect(summary).toHaveCount(0);

    // The teacher: one passing (this student's) and one failing submission (a wrong
    // ∂L/∂w5 whose file claims it passed), checked headless.
    await mkdir(outDir, { recursive: true });
    const good = path.join(outDir, `good-${locale}.layerlab-submission`);
    const bad = path.join(outDir, `bad-${locale}.layerlab-submission`);
    await writeFile(good, await readFile(file, 'utf8'));
    const forged = {
      ...submission,
      student: '<script>alert(1)</script>',
      steps: submission.steps.map((s) =>
        s.id === 'backprop'
          ? {
              ...s,
              answers: { dw5: 0.5 },
              results: [{ id: 'dw5', status: 'pass', code: 'check-pass', args: {} }],
            }
          : s,
      ),
    };
    await writeFile(bad, JSON.stringify(forged));
    const reportDir = path.join(outDir, `report-${locale}`);
    const run = promisify(execFile);
    const tsx = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        tsx,
        path.join(repo, 'scripts/check-pack.ts'),
        samplePack,
        good,
        bad,
        '--out',
        reportDir,
        '--lang',
        locale,
      ],
      { cwd: repo },
    );
    const name = locale === 'en' ? 'Li Lei' : '李雷';
    expect(stdout).toContain(`${name}: 2/4`);
    expect(stdout).toContain('<script>alert(1)</script>: 1/4');
    const html = await readFile(path.join(reportDir, 'class-report.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    const report = await page.context().newPage();
    await report.goto(pathToFileURL(path.join(reportDir, 'class-report.html')).href);
    await expect(report.locator('td.fail').first()).toContainText(words[locale].fail);
    await expect(report.locator('tbody tr')).toHaveCount(2);
    await app.screenshot(report, `lab-packs-class-report-${locale}`);
  });
}

test('a package that is not a zip is refused with a clear message (en)', async ({ app }) => {
  const page = await app.open({ locale: 'en' });
  await mkdir(outDir, { recursive: true });
  const fake = path.join(outDir, 'not-a-pack.layerlab-pack');
  await writeFile(fake, '<script>alert(1)</script>');
  await page.getByTestId('pack-open').click();
  await answerChooser(page, fake);
  await expect(page.getByTestId('toast')).toContainText(
    'This file is not a LayerLab package (it is not a zip file).',
  );
  await expect(page.getByTestId('pack-panel')).toHaveCount(0);
});
