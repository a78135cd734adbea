/**
 * `npm run build:wasm`: compiles the engine's AssemblyScript kernels
 * (core/engine/assembly) into two builds under core/engine/build/:
 * - engine-relaxed.wasm: SIMD + relaxed SIMD (fused multiply-add; Chromium/Electron by default,
 *   Node 20 with --experimental-wasm-relaxed-simd),
 * - engine-simd.wasm: plain 128-bit SIMD (mul + add), the fallback.
 * Run as a command, it also regenerates core/engine/kernel-exports.ts, the
 * TypeScript view of the kernels' exports (scripts/kernel-exports-gen.ts), and
 * always compiles. `npm start`, `npm run train` and the unit tests go through
 * the build stamp instead (scripts/build-steps.ts `wasm`): they compile only
 * when the kernel sources changed or a build is missing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestProject } from 'vitest/node';

import { buildStepNamed, runBuildSteps, wasmCompileStep } from './build-steps';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Both kernel builds, base64 (read by core/engine/testing/engine-wasm.ts). */
    engineWasm: Record<'relaxed-simd' | 'simd', string>;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(repoRoot, 'core/engine/assembly');
const buildDir = path.join(repoRoot, 'core/engine/build');

const builds = [
  { file: 'engine-relaxed.wasm', features: 'simd,relaxed-simd' },
  { file: 'engine-simd.wasm', features: 'simd' },
] as const;

/** Compiles both builds; throws with the compiler's output on failure. */
export async function buildWasm(): Promise<string[]> {
  mkdirSync(buildDir, { recursive: true });
  const written: string[] = [];
  const { default: asc } = await import('assemblyscript/asc'); // a large module: loaded only to compile
  for (const build of builds) {
    const out = path.join(buildDir, build.file);
    const stderr: string[] = [];
    const result = await asc.main(
      [
        path.join(sourceDir, 'index.ts'),
        '--outFile',
        out,
        '--optimizeLevel',
        '3',
        '--shrinkLevel',
        '0',
        '--runtime',
        'stub',
        '--noAssert',
        '--importMemory',
        '--enable',
        build.features,
      ],
      { stderr: { write: (s: string | Uint8Array) => (stderr.push(String(s)), true) } as never },
    );
    if (result.error)
      throw new Error(
        `AssemblyScript build of ${build.file} failed: ${result.error.message}\n${stderr.join('')}`,
      );
    written.push(out);
  }
  return written;
}

/**
 * Vitest global setup (vitest.config.ts `globalSetup`): builds the kernels if
 * stale (the same stamp as `npm start`) and provides both builds,
 * base64-encoded, as `inject('engineWasm')` (core tests may not read files).
 */
export async function setup(project: TestProject): Promise<void> {
  await runBuildSteps([wasmCompileStep], { force: false, say: () => {} });
  const read = (file: string): string => readFileSync(path.join(buildDir, file)).toString('base64');
  project.provide('engineWasm', {
    'relaxed-simd': read(builds[0].file),
    simd: read(builds[1].file),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The command is the forced wasm step: exports regenerated, both builds compiled, stamp written.
  runBuildSteps([buildStepNamed('wasm')], { force: true }).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
