/**
 * Bundles the Electron main process and the preload with esbuild into
 * dist/electron/ (package.json `main` is dist/electron/main.cjs). The preload
 * must be one file: a sandboxed preload can require only `electron` and a few
 * built-ins, so everything else is inlined.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

await mkdir(outdir, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(outdir, 'main.cjs') }),
  build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(outdir, 'preload.cjs') }),
]);
console.log(`Electron main and preload bundled into ${path.relative(root, outdir)}/`);
