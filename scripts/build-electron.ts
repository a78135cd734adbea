/**
 * Bundles the Electron main process and the preload with esbuild into
 * dist/electron/ (package.json `main` is dist/electron/main.cjs).
 * `npm run build:electron` always bundles; `npm start` goes through the build
 * stamp (scripts/build-steps.ts `electron`).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { electronBundles } from './electron-bundles';

/** Writes dist/electron/main.cjs and preload.cjs under `root`. */
export async function bundleElectron(root: string): Promise<void> {
  const bundles = electronBundles(root);
  await mkdir(path.join(root, 'dist', 'electron'), { recursive: true });
  await Promise.all([build(bundles.main), build(bundles.preload)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await bundleElectron(root);
  console.log('Electron main and preload bundled into dist/electron/');
}
