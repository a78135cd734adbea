import path from 'node:path';

import { expect, type Page } from '@playwright/test';

/**
 * Answers the in-app file chooser (browser mode's stand-in for native
 * dialogs) the way a user would: type the folder into the path box, then pick
 * the file or type the file name, then confirm. Works for every purpose:
 * open-project and open-document (a file), save-project (folder + typed name), dataset-folder
 * and export-parent (a folder).
 */
export async function answerChooser(page: Page, absolutePath: string): Promise<void> {
  const dialog = page.getByTestId('file-chooser');
  await expect(dialog).toBeVisible();
  const purpose = await dialog.getAttribute('data-purpose');
  const opensFile = purpose === 'open-project' || purpose === 'open-document';
  const isFile = opensFile || purpose === 'save-project';
  const folder = isFile ? path.dirname(absolutePath) : absolutePath;
  await goTo(page, folder);
  if (opensFile) {
    await dialog
      .locator(`[data-testid="file-chooser-entry"][data-name="${path.basename(absolutePath)}"]`)
      .click();
  } else if (purpose === 'save-project') {
    await page.getByTestId('file-chooser-filename').fill(path.basename(absolutePath));
  }
  await page.getByTestId('file-chooser-confirm').click();
  await expect(dialog).toBeHidden();
}

/** Navigates the open chooser to `folder` and waits until it is listed. */
export async function goTo(page: Page, folder: string): Promise<void> {
  // Wait for the first listing, or it would overwrite the typed path when it arrives.
  await expect(page.getByTestId('file-chooser')).toHaveAttribute('data-state', 'ready');
  const input = page.getByTestId('file-chooser-path');
  await input.fill(folder);
  await input.press('Enter');
  await expect(page.getByTestId('file-chooser')).toHaveAttribute('data-path', folder);
}

/** Dismisses the chooser as a user would (Escape). */
export async function cancelChooser(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('file-chooser')).toBeHidden();
}
