import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';

import { fashionFolder } from './support/fashion-mnist';
import { answerChooser, expect, test, type LayerLabApp, type UiLanguage } from './support/fixtures';

/**
 * Teacher mode (issue 19): a teacher builds a three-step package in the app —
 * the backprop lab with its numbers locked and ∂L/∂w5 asked, the LeNet
 * template with its input layer locked and a validation-accuracy expectation,
 * the convolution lab with one output cell asked — previews it as a student,
 * and saves it. A student opens the saved file, cannot delete the locked
 * layer nor edit its size, completes the three steps (training LeNet on a
 * small real Fashion-MNIST folder) and exports a submission; the teacher
 * checks it and a failing one with `check-pack` and looks at the class report.
 */

const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repo, 'test-results/lab-packs-teacher');
const view = { width: 1440, height: 760 };

/** ∂L/∂w5 of the course 3-2-3 net at the lab's default numbers, written out by hand (see lab-packs.spec.ts). */
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

/** The top-left output cell of a valid, stride-1 convolution, summed here from the saved lab file. */
function topLeftCell(lab: { state: { input: number[][]; kernel: number[][] } }): number {
  const { input, kernel } = lab.state;
  let sum = 0;
  kernel.forEach((row, r) => row.forEach((k, c) => (sum += k * input[r]![c]!)));
  return sum;
}

const text = {
  'zh-CN': {
    title: '第三次实验课：反向传播与卷积',
    locked: '已被实验包锁定',
    noDataset: '学生无法训练这个项目',
    progress: '已完成 3 / 3 个步骤',
    fail: '未通过',
    student: '韩梅梅',
    preview: '预览',
  },
  en: {
    title: 'Session 3: backprop and convolution',
    locked: 'locked by the lab package',
    noDataset: 'students cannot train this project',
    progress: '3 of 3 steps done',
    fail: 'fail',
    student: 'Han Meimei',
    preview: 'Preview',
  },
} as const;

async function teacherBuildsAndSaves(
  page: Page,
  app: LayerLabApp,
  locale: UiLanguage,
  parent: string,
): Promise<void> {
  const words = text[locale];
  await page.getByTestId('author-new').click();
  const panel = page.getByTestId('author-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('author-title-zh-CN').fill(text['zh-CN'].title);
  await panel.getByTestId('author-title-en').fill(text.en.title);
  await panel.getByTestId('author-instructions-zh-CN').fill('按顺序完成**每个**步骤。');
  await panel.getByTestId('author-instructions-en').fill('Work through **every** step in order.');

  // Step 1: the backprop lab opens at once; its numbers are left as they are, then locked.
  await panel.getByTestId('author-add-lab-select').selectOption('backprop');
  await panel.getByTestId('author-add-lab').click();
  const lab = page.getByTestId('lab-screen');
  await expect(lab).toHaveAttribute('data-lab', 'backprop');
  await expect(lab.getByTestId('author-lab-note')).toBeVisible();
  await app.screenshot(page, `lab-packs-teacher-lab-${locale}`);
  await lab.getByTestId('lab-back').click();
  const backprop = panel.getByTestId('author-step-step1');
  await backprop.getByTestId('author-step-required').check();
  for (const field of [
    'layerSizes',
    'activations',
    'kernels',
    'biases',
    'inputs',
    'targets',
    'loss',
    'eta',
  ])
    await backprop.getByTestId(`author-lock-field-${field}`).check();
  await backprop.getByTestId('author-add-answer').click();
  await backprop.getByTestId('author-answer-quantity').selectOption('dL/dw5');
  await backprop.getByTestId('author-answer-tolerance').fill('0.001');
  await backprop.getByTestId('author-hint-check1-en').fill('w5 connects x3 to h1.');
  await backprop.getByTestId('author-hint-check1-zh-CN').fill('w5 连接 x3 和 h1。');

  // Step 2: the LeNet template, open in the editor, becomes the starter network.
  await page.getByTestId('template-lenet').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('tab-training').click();
  const epochs = page.locator('[data-setting="epochs"]');
  await epochs.fill('3');
  await epochs.press('Enter');
  await panel.getByTestId('author-add-project').click();
  const lenet = panel.getByTestId('author-step-step2');
  await lenet.getByTestId('author-lock-layer-n1').check();
  for (const param of ['height', 'width', 'channels'])
    await lenet.getByTestId(`author-lock-param-n1-${param}`).check();
  await lenet.getByTestId('author-add-metric').click();
  await lenet.getByTestId('author-value').fill('0.2');

  // A training expectation on a project students cannot train is a clear error, not a silent package.
  await panel.getByTestId('author-preview').click();
  await expect(panel.getByTestId('author-problems')).toContainText(words.noDataset);
  await expect(page.getByTestId('pack-panel')).toHaveCount(0);
  await app.screenshot(page, `lab-packs-teacher-problem-${locale}`);
  await lenet.getByTestId('author-dataset-folder').check();
  await lenet.getByTestId('author-dataset-description-zh-CN').fill('老师发的 Fashion-MNIST 文件夹');
  await lenet
    .getByTestId('author-dataset-description-en')
    .fill('The Fashion-MNIST folder from class');
  await expect(panel.getByTestId('author-problems')).toHaveCount(0);

  // Step 3: the convolution lab, one output cell asked.
  await panel.getByTestId('author-add-lab-select').selectOption('convolution');
  await panel.getByTestId('author-add-lab').click();
  await expect(lab).toHaveAttribute('data-lab', 'convolution');
  await lab.getByTestId('lab-back').click();
  const conv = panel.getByTestId('author-step-step3');
  await conv.getByTestId('author-lock-field-input').check();
  await conv.getByTestId('author-lock-field-kernel').check();
  await conv.getByTestId('author-add-answer').click();
  await conv.getByTestId('author-answer-quantity').selectOption('conv[1,1]');
  await conv.getByTestId('author-answer-tolerance').fill('0.000001');

  // Undo takes back the last step change (a reading added by mistake).
  await panel.getByTestId('author-add-reading').click();
  await expect(panel.getByTestId('author-steps').locator(':scope > li')).toHaveCount(4);
  await panel.getByTestId('author-undo').click();
  await expect(panel.getByTestId('author-steps').locator(':scope > li')).toHaveCount(3);
  await app.screenshot(page, `lab-packs-teacher-steps-${locale}`);

  // Preview as a student, and back.
  await panel.getByTestId('author-preview').click();
  const pack = page.getByTestId('pack-panel');
  await expect(pack).toBeVisible();
  await expect(pack.locator('#pack-title')).toContainText(
    `${words.preview} · ${text[locale].title}`,
  );
  await expect(page.getByTestId('pack-step-step3')).toBeDisabled();
  await expect(pack.getByTestId('pack-export')).toHaveCount(0);
  await app.screenshot(page, `lab-packs-teacher-preview-${locale}`);
  await pack.getByTestId('pack-close').click();
  await expect(panel).toBeVisible();

  // Save through the Host: the in-app chooser in browser mode.
  await panel.getByTestId('author-save').click();
  await answerChooser(page, parent);
  await expect(panel.getByTestId('author-saved')).toBeVisible();
  await expect(panel).toHaveAttribute('data-unsaved', 'false');
  await app.screenshot(page, `lab-packs-teacher-saved-${locale}`);
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`a teacher builds a three-step package, a student works through it, the teacher checks it (${locale})`, async ({
    app,
  }) => {
    test.setTimeout(420_000);
    const words = text[locale];
    const parent = await app.makeFolder('packs');
    const data = await app.makeFolder('fashion', await fashionFolder(20));
    const teacher = await app.open({ locale, viewport: view });
    await teacherBuildsAndSaves(teacher, app, locale, parent);
    // One folder holding one package (the host makes the title safe as a file name on every OS).
    const [folder] = await readdir(parent);
    const [name] = await readdir(path.join(parent, folder!));
    expect(name).toMatch(/\.layerlab-pack$/);
    const packFile = path.join(parent, folder!, name!);
    const zip = unzipSync(new Uint8Array(await readFile(packFile)));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as {
      steps: { id: string; kind: string; locks: { layers: string[] } }[];
    };
    expect(manifest.steps.map((s) => s.kind)).toEqual(['lab', 'project', 'lab']);
    expect(manifest.steps[1]?.locks.layers).toEqual(['n1']);
    const convLab = JSON.parse(strFromU8(zip['steps/step3.layerlab-lab.json']!)) as Parameters<
      typeof topLeftCell
    >[0];

    // The student: a fresh window opens the saved package.
    const page = await app.open({ locale, viewport: view });
    // "Open lab package…" is File → Open: the in-app chooser, then student mode.
    await page.getByTestId('pack-open').click();
    await answerChooser(page, packFile);
    await expect(page.getByTestId('pack-panel')).toBeVisible();
    await expect(page.getByTestId('pack-step-step2')).toBeDisabled();

    // Backprop: the hand-computed ∂L/∂w5.
    await page.getByTestId('pack-step-step1').click();
    await page.getByTestId('pack-open-step').click();
    const lab = page.getByTestId('lab-screen');
    await expect(lab).toHaveAttribute('data-lab', 'backprop');
    await lab.getByTestId('pack-answer-check1').fill(expectedDw5().toFixed(4));
    await expect(lab.locator('[data-check="check1"]')).toHaveAttribute('data-status', 'pass');
    await lab.getByTestId('lab-back').click();
    await expect(page.getByTestId('pack-step-step1')).toHaveAttribute('data-status', 'pass');

    // LeNet: the locked input layer cannot be deleted nor its size edited; then it trains.
    await page.getByTestId('pack-step-step2').click();
    await page.getByTestId('pack-open-step').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const input = page.locator('[data-testid="layer-node"][data-node-id="n1"]');
    await input.click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('toast').filter({ hasText: words.locked })).toBeVisible();
    await expect(input).toBeVisible();
    await expect(page.locator('input[data-locked="true"]')).toHaveCount(3);
    await app.screenshot(page, `lab-packs-teacher-student-locked-${locale}`);
    await page.getByTestId('tab-training').click();
    await page.getByTestId('train-pick-dataset').click();
    await answerChooser(page, data);
    await expect(page.getByTestId('training-dataset')).toHaveAttribute('data-loaded', 'true');
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('training-panel')).toHaveAttribute(
      'data-training-state',
      'completed',
      { timeout: 240_000 },
    );
    await expect(page.getByTestId('pack-step-step2')).toHaveAttribute('data-status', 'pass', {
      timeout: 30_000,
    });

    // Convolution: the top-left output cell.
    await page.getByTestId('pack-step-step3').click();
    await page.getByTestId('pack-open-step').click();
    await expect(lab).toHaveAttribute('data-lab', 'convolution');
    await lab.getByTestId('pack-answer-check3').fill(String(topLeftCell(convLab)));
    await expect(lab.locator('[data-check="check3"]')).toHaveAttribute('data-status', 'pass');
    await lab.getByTestId('lab-back').click();
    await expect(page.getByTestId('pack-progress')).toHaveText(words.progress);
    await app.screenshot(page, `lab-packs-teacher-student-done-${locale}`);

    // Export the submission.
    await page.getByTestId('pack-student').fill(words.student);
    const download = page.waitForEvent('download');
    await page.getByTestId('pack-export').click();
    const file = (await (await download).path())!;
    const submission = JSON.parse(await readFile(file, 'utf8')) as {
      steps: { id: string; answers: Record<string, number> }[];
    };

    // The teacher checks it and a failing one (a wrong convolution cell) headless.
    await mkdir(outDir, { recursive: true });
    const good = path.join(outDir, `good-${locale}.layerlab-submission`);
    const bad = path.join(outDir, `bad-${locale}.layerlab-submission`);
    await writeFile(good, await readFile(file, 'utf8'));
    const wrong = {
      ...submission,
      student: locale === 'en' ? 'Li Lei' : '李雷',
      steps: submission.steps.map((s) =>
        s.id === 'step3' ? { ...s, answers: { check3: topLeftCell(convLab) + 1 } } : s,
      ),
    };
    await writeFile(bad, JSON.stringify(wrong));
    const reportDir = path.join(outDir, `report-${locale}`);
    const tsx = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        tsx,
        path.join(repo, 'scripts/check-pack.ts'),
        packFile,
        good,
        bad,
        '--out',
        reportDir,
        '--lang',
        locale,
      ],
      { cwd: repo },
    );
    expect(stdout).toContain(`${words.student}: 3/3`);
    expect(stdout).toContain(`${wrong.student}: 2/3`);
    const report = await teacher.context().newPage();
    await report.setViewportSize(view);
    await report.goto(pathToFileURL(path.join(reportDir, 'class-report.html')).href);
    await expect(report.locator('tbody tr')).toHaveCount(2);
    await expect(report.locator('td.fail').first()).toContainText(words.fail);
    await app.screenshot(report, `lab-packs-teacher-class-report-${locale}`);
  });
}

test('closing a package with unsaved steps asks first, and Keep editing keeps it (en)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'en', viewport: view });
  await page.getByTestId('author-new').click();
  const panel = page.getByTestId('author-panel');
  await panel.getByTestId('author-add-reading').click();
  await panel.getByTestId('author-close').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('It has changes that are not saved in a package file.');
  await app.screenshot(page, 'lab-packs-teacher-close-unsaved-en');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(panel.getByTestId('author-steps').locator(':scope > li')).toHaveCount(1);
  await panel.getByTestId('author-close').click();
  await dialog.getByRole('button', { name: 'Close without saving' }).click();
  await expect(panel).toHaveCount(0);
});
