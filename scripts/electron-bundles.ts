import path from 'node:path';

import type { BuildOptions } from 'esbuild';

/**
 * esbuild options for the Electron main process and the preload (shared by
 * scripts/build-electron.ts and the preload bundle test). Both are single CJS
 * files with everything but `electron` inlined: a sandboxed preload can
 * require only `electron` and a few built-ins.
 */
export function electronBundles(root: string): { main: BuildOptions; preload: BuildOptions } {
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
  return {
    main: {
      ...common,
      entryPoints: [path.join(root, 'electron/shell/main/index.ts')],
      outfile: path.join(outdir, 'main.cjs'),
    },
    preload: {
      ...common,
      entryPoints: [path.join(root, 'electron/shell/preload/index.ts')],
      outfile: path.join(outdir, 'preload.cjs'),
    },
  };
}
