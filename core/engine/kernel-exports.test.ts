import { describe, expect, it } from 'vitest';

import { kernelArity } from './kernel-exports';
import { checkKernelExports, instantiateKernels, type EngineBuild } from './load-kernels';
import { engineWasmForTests } from './testing/engine-wasm';
import { readWasmInterface } from './testing/wasm-interface';

describe.each(['simd', 'relaxed-simd'] as EngineBuild[])(
  'the %s build matches kernel-exports.ts',
  (build) => {
    const wasm = readWasmInterface(engineWasmForTests(build));

    it('exports exactly the declared kernels, each with the declared number of parameters', () => {
      expect(wasm.functions).toEqual(kernelArity);
    });

    it('imports only its memory', () => {
      expect(wasm.imports).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    });
  },
);

describe('instantiateKernels', () => {
  it('loads a build whose exports match', async () => {
    const kernels = await instantiateKernels(engineWasmForTests());
    expect(kernels.gemmWorkspaceBytes()).toBeGreaterThan(0);
  });

  it('refuses exports that differ from kernel-exports.ts, naming each difference', () => {
    const exports: Record<string, unknown> = Object.fromEntries(
      Object.entries(kernelArity).map(([name, arity]) => [
        name,
        new Function(...Array.from({ length: arity }, (_, i) => `a${i}`), ''),
      ]),
    );
    expect(checkKernelExports(exports)).toBe(exports);
    delete exports['sgemm'];
    exports['im2col'] = (a: number) => a;
    expect(() => checkKernelExports(exports)).toThrow(
      /sgemm is missing; im2col takes 1 parameters, not 16.*npm run build:wasm/,
    );
  });
});
