/**
 * The three steps of LayerLab's build, their inputs and outputs, and the
 * runner that skips a step whose inputs are unchanged (scripts/build-stamp.ts).
 * `npm run build` forces every step but the kernels (built when their inputs changed); `npm start` and `npm run train` run only
 * the steps whose inputs changed (scripts/build.ts `--changed`).
 *
 * Heavy tools (AssemblyScript, TypeScript + Prettier for the kernel exports,
 * Vite, esbuild) are imported only by a step that runs, so an up-to-date check
 * costs the hashing alone.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkStep, forgetFileHashes, writeStamp, type BuildStep } from './build-stamp';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What every bundle depends on besides its sources: dependency versions and shared configs. */
const toolchain = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json'];

/** Compiles the AssemblyScript kernels (both builds). */
async function compileKernels(): Promise<void> {
  const { buildWasm } = await import('./build-wasm');
  await buildWasm();
}

const wasm: BuildStep = {
  name: 'wasm',
  label: 'engine kernels (WebAssembly)',
  inputs: [
    'core/engine/assembly',
    'scripts/build-wasm.ts',
    'scripts/kernel-exports-gen.ts',
    'package-lock.json',
  ],
  outputs: ['core/engine/build/engine-relaxed.wasm', 'core/engine/build/engine-simd.wasm'],
  stamp: 'core/engine/build/.build-stamp.json',
  // The kernels' TypeScript view (core/engine/kernel-exports.ts) follows the same sources.
  run: async () => {
    const { writeKernelExports } = await import('./kernel-exports-gen');
    await writeKernelExports();
    await compileKernels();
  },
};

/**
 * The wasm step without regenerating kernel-exports.ts, for the unit tests'
 * setup: there `scripts/kernel-exports.test.ts` must see the committed file as
 * it is, to catch one that was not regenerated.
 */
export const wasmCompileStep: BuildStep = { ...wasm, run: compileKernels };

const renderer: BuildStep = {
  name: 'renderer',
  label: 'renderer (Vite)',
  // core/ includes core/engine/build: the renderer bundles the kernels, so it follows the wasm step.
  inputs: ['renderer', 'core', 'assets/templates', 'vite.config.ts', ...toolchain],
  outputs: ['dist/renderer/index.html'],
  stamp: 'dist/.build-stamps/renderer.json',
  run: async () => {
    const { build } = await import('vite');
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  },
};

const electron: BuildStep = {
  name: 'electron',
  label: 'Electron main and preload (esbuild)',
  inputs: [
    'electron',
    'core',
    'scripts/build-electron.ts',
    'scripts/electron-bundles.ts',
    ...toolchain,
  ],
  outputs: ['dist/electron/main.cjs', 'dist/electron/preload.cjs'],
  stamp: 'dist/.build-stamps/electron.json',
  run: async () => {
    const { bundleElectron } = await import('./build-electron');
    await bundleElectron(repoRoot);
  },
};

/** Every step, in the order they must run (the renderer bundles the wasm step's output). */
export const buildSteps: readonly BuildStep[] = [wasm, renderer, electron];

export function buildStepNamed(name: string): BuildStep {
  const step = buildSteps.find((s) => s.name === name);
  if (!step)
    throw new Error(
      `unknown build step "${name}" (known: ${buildSteps.map((s) => s.name).join(', ')})`,
    );
  return step;
}

export interface RunOptions {
  /** Run every step even when its stamp says it is up to date (`npm run build`). */
  readonly force: boolean;
  /** Where the one line per step goes (stdout by default). */
  readonly say?: (line: string) => void;
}

/**
 * Runs `steps` in order, skipping those that are up to date unless forced,
 * and prints one line per step: `built` with the time taken, or `up to date`.
 * A failing step throws; its stamp is left as it was, so the next run retries.
 */
export async function runBuildSteps(
  steps: readonly BuildStep[],
  options: RunOptions,
): Promise<void> {
  const say = options.say ?? ((line: string) => void process.stdout.write(`${line}\n`));
  for (const step of steps) {
    const { fresh, inputsHash } = checkStep(repoRoot, step);
    if (fresh && !options.force) {
      say(`${step.label}: up to date`);
      continue;
    }
    const started = Date.now();
    try {
      await step.run();
    } finally {
      forgetFileHashes();
    }
    writeStamp(repoRoot, step, inputsHash);
    say(`${step.label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
