import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { expect, goTo, test } from './support/fixtures';

/**
 * Issue #15 item 7: the export folder chooser had no "New folder". The
 * in-app chooser (browser mode) now makes one inside the folder it shows
 * (the server checks the name and that the folder is the one it listed),
 * opens it, and the export is written there.
 */
for (const locale of ['en', 'zh-CN'] as const) {
  test(`exports into a folder made with the chooser's New folder (${locale})`, async ({ app }) => {
    test.setTimeout(180_000);
    const parent = await app.makeFolder('exports');
    const page = await app.open({ locale });
    await page.getByTestId('template-lenet').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    await page.getByTestId('tab-export').click();
    await page.getByTestId('export-name').fill('lenet');
    await page.getByTestId('export-model').click();

    const dialog = page.getByTestId('file-chooser');
    await expect(dialog).toHaveAttribute('data-purpose', 'export-parent');
    await goTo(page, parent);
    await page.getByTestId('file-chooser-new-folder').click();
    const name = page.getByTestId('file-chooser-new-folder-name');
    // A name Windows refuses is explained, and nothing is made.
    await name.fill('a:b');
    await name.press('Enter');
    await expect(page.getByTestId('file-chooser-new-folder-form').getByRole('alert')).toBeVisible();
    await app.screenshot(page, `chooser-new-folder-refused-${locale}`);
    expect(readdirSync(parent)).toEqual([]);

    const folderName = locale === 'en' ? 'Week 3 exports' : '第三周 导出';
    await name.fill(folderName);
    await app.screenshot(page, `chooser-new-folder-${locale}`);
    await name.press('Enter');
    const created = path.join(parent, folderName);
    await expect(dialog).toHaveAttribute('data-path', created);
    expect(statSync(created).isDirectory()).toBe(true);
    await app.screenshot(page, `chooser-new-folder-opened-${locale}`);

    await page.getByTestId('file-chooser-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('export-panel')).toHaveAttribute('data-export-state', 'written', {
      timeout: 120_000,
    });
    expect(readdirSync(path.join(created, 'lenet'))).toContain('model.json');
  });
}
