import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { MissingKernelsError, readEngineKernels } from './engine-kernels';

const dir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-kernels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readEngineKernels', () => {
  it('refuses a missing build with a message that says how to build it, instead of returning nothing', () => {
    let thrown: unknown = null;
    try {
      readEngineKernels(dir, 'relaxed-simd');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingKernelsError);
    expect((thrown as MissingKernelsError).file).toBe(path.join(dir, 'engine-relaxed.wasm'));
    expect((thrown as Error).message).toMatch(/npm run build:wasm/);
  });

  it('returns the bytes of a build that exists', () => {
    writeFileSync(path.join(dir, 'engine-simd.wasm'), new Uint8Array([0, 97, 115, 109]));
    expect([...readEngineKernels(dir, 'simd')]).toEqual([0, 97, 115, 109]);
  });
});
