import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Locator, Page } from '@playwright/test';

import { answerChooser, expect, test, type UiLanguage } from './support/fixtures';

/**
 * Issue 19's polish: File → Open (Ctrl+O, the in-app chooser in browser mode)
 * opens a lab package in student mode; at a 1440×760 window with the package
 * panel open the toolbar stays on one line in both languages, and a toast never
 * covers the panel's submit button; a worksheet's PDF button writes a real PDF.
 */

const repo = path.resolve(import.meta.dirname, '..');
const samplePack = path.join(repo, 'assets/packs/course-first-half.layerlab-pack');
const outDir = path.join(repo, 'test-results/lab-packs-open');

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function openPackWithCtrlO(page: Page): Promise<void> {
  await page.keyboard.press('Control+o');
  await expect(page.getByTestId('file-chooser')).toHaveAttribute('data-purpose', 'open-document');
  await answerChooser(page, samplePack);
  await expect(page.getByTestId('pack-panel')).toBeVisible();
}

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`File → Open opens a package; the toolbar fits and toasts keep off the panel at 1440×760 (${locale})`, async ({
    app,
  }) => {
    const page = await app.open({ locale, viewport: { width: 1440, height: 760 } });
    await openPackWithCtrlO(page);
    // A project beside the package: the full toolbar and the panel together.
    await page.getByTestId('start-new').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const toolbar = page.getByRole('toolbar').first();
    const bar = await boxOf(toolbar);
    expect(bar.height).toBeLessThanOrEqual(41);
    for (const id of ['language-select', 'theme-select', 'presentation-toggle']) {
      const control = await boxOf(page.getByTestId(id));
      // Inside the toolbar, on its one line, not cut off at its right edge.
      expect(control.y).toBeGreaterThanOrEqual(bar.y);
      expect(control.y + control.height).toBeLessThanOrEqual(bar.y + bar.height);
      expect(control.x + control.width).toBeLessThanOrEqual(bar.x + bar.width);
    }
    // The selects keep their caption as name and tooltip when the caption gives way.
    await expect(page.getByTestId('language-select')).toHaveAccessibleName(
      locale === 'en' ? 'Language' : '语言',
    );

    // An error toast (it stays until dismissed) beside the panel's submit button.
    await mkdir(outDir, { recursive: true });
    const broken = path.join(outDir, `broken-${locale}.layerlab-pack`);
    await writeFile(broken, 'not a zip');
    await page.keyboard.press('Control+o');
    await answerChooser(page, broken);
    await expect(page.getByTestId('toast').first()).toBeVisible();
    await app.screenshot(page, `lab-packs-toolbar-1440x760-${locale}`);
    const toast = await boxOf(page.getByTestId('toast').first());
    const submit = await boxOf(page.getByTestId('pack-export'));
    expect(overlaps(toast, submit)).toBe(false);
    expect(toast.x + toast.width).toBeLessThanOrEqual(
      (await boxOf(page.getByTestId('pack-panel'))).x,
    );
  });
}
