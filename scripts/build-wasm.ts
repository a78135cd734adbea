/**
 * `npm run build:wasm`: compiles the engine's AssemblyScript kernels
 * (core/engine/assembly) into two builds under core/engine/build/:
 * - engine-relaxed.wasm: SIMD + relaxed SIMD (fused multiply-add; Chromium/Electron by default,
 *   Node 20 with --experimental-wasm-relaxed-simd),
 * - engine-simd.wasm: plain 128-bit SIMD (mul + add), the fallback.
 * Skips a build whose output is newer than every source (so tests can call it cheaply).
 * Run as a command, it also regenerates core/engine/kernel-exports.ts, the
 * TypeScript view of the kernels' exports (scripts/kernel-exports-gen.ts).
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestProject } from 'vitest/node';

import { kernelExportsFile, writeKernelExports } from './kernel-exports-gen';

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

function newestSource(): number {
  const own = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  return Math.max(
    own,
    ...readdirSync(sourceDir).map((f) => statSync(path.join(sourceDir, f)).mtimeMs),
  );
}

function isFresh(out: string, sourcesTime: number): boolean {
  try {
    return statSync(out).mtimeMs >= sourcesTime;
  } catch {
    return false;
  }
}

/** Compiles both builds (unless fresh); throws with the compiler's output on failure. */
export async function buildWasm(options: { force?: boolean } = {}): Promise<string[]> {
  mkdirSync(buildDir, { recursive: true });
  const sourcesTime = newestSource();
  const written: string[] = [];
  for (const build of builds) {
    const out = path.join(buildDir, build.file);
    if (!options.force && isFresh(out, sourcesTime)) continue;
    const { default: asc } = await import('assemblyscript/asc'); // loaded only when a build is stale
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
 * stale and provides both builds, base64-encoded, as `inject('engineWasm')`
 * (core tests may not read files).
 */
export async function setup(project: TestProject): Promise<void> {
  await buildWasm();
  const read = (file: string): string => readFileSync(path.join(buildDir, file)).toString('base64');
  project.provide('engineWasm', {
    'relaxed-simd': read(builds[0].file),
    simd: read(builds[1].file),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeKernelExports()
    .then(async (generated) => {
      if (generated) process.stdout.write(`wrote ${path.relative(repoRoot, kernelExportsFile)}\n`);
      const written = await buildWasm({ force: process.argv.includes('--force') });
      process.stdout.write(
        written.length
          ? written.map((w) => `built ${path.relative(repoRoot, w)}\n`).join('')
          : 'wasm builds are up to date\n',
      );
    })
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
}
