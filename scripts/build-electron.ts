/**
 * Bundles the Electron main process and the preload with esbuild into
 * dist/electron/ (package.json `main` is dist/electron/main.cjs).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { electronBundles } from './electron-bundles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundles = electronBundles(root);

await mkdir(path.join(root, 'dist', 'electron'), { recursive: true });
await Promise.all([build(bundles.main), build(bundles.preload)]);
console.log('Electron main and preload bundled into dist/electron/');
