import { readFileSync } from 'node:fs';
import path from 'node:path';

import { engineBuildFiles, type EngineBuild } from '../../core/engine/index';

/**
 * The engine's kernels are missing from this checkout. `npm run train` builds
 * them before it starts (scripts/build.ts `--changed wasm`), so this means the
 * CLI was started some other way or the build was removed since: training
 * stops here rather than quietly running ten times slower on TensorFlow.js.
 */
export class MissingKernelsError extends Error {
  constructor(readonly file: string) {
    super(
      `LayerLab's engine kernels are missing (${file}): run "npm run build:wasm" once, or start training with "npm run train", which builds them. ("--engine tfjs" trains on TensorFlow.js without them.)`,
    );
    this.name = 'MissingKernelsError';
  }
}

/**
 * Reads a kernel build of LayerLab's engine from `buildDir`
 * (core/engine/build, written by `npm run build:wasm`); throws
 * `MissingKernelsError` when the file cannot be read.
 */
export function readEngineKernels(buildDir: string, build: EngineBuild): Uint8Array {
  const file = path.join(buildDir, engineBuildFiles[build]);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new MissingKernelsError(file);
  }
}
