import { test as base } from '@playwright/test';

import { LayerLabApp } from './layerlab-app';

export { expect } from '@playwright/test';
export { answerChooser, cancelChooser, goTo } from './chooser';
export {
  artifactsDir,
  LayerLabApp,
  repoRoot,
  type FolderTree,
  type OpenOptions,
  type UiLanguage,
} from './layerlab-app';

/**
 * `test` with an `app` fixture: a LayerLab browser-mode server on a random
 * port with a temp user-data folder, torn down after the test.
 *
 * @example
 *   test('opens', async ({ app }) => {
 *     const page = await app.open({ locale: 'en' });
 *     const data = await app.makeFolder('cats', { 'cat/1.png': pngBytes });
 *     await app.screenshot(page, 'start-en');
 *   });
 */
export const test = base.extend<{ app: LayerLabApp }>({
  app: async ({ browser }, use) => {
    const app = await LayerLabApp.create(browser);
    try {
      await use(app);
    } finally {
      await app.dispose();
    }
  },
});
