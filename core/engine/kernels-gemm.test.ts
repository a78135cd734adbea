import { describe, expect, it } from 'vitest';

import { Arena } from './arena';
import { instantiateKernels } from './load-kernels';
import { engineWasmForTests } from './testing/engine-wasm';

/** Seeded uniform values in [−1, 1). */
function randomValues(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** op(A)·op(B) (+ C0) in float64, the reference. */
function referenceGemm(
  tA: boolean,
  tB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c0: Float32Array | null,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = c0 ? c0[i * n + j]! : 0;
      for (let p = 0; p < k; p++)
        s += a[tA ? p * m + i : i * k + p]! * b[tB ? j * k + p : p * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

function normwiseError(actual: Float32Array, expected: Float64Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return diff / Math.max(scale, 1e-30);
}

// Shapes cross every edge of the 2×16 tile and the KC=256 / NC=2048 blocking.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [2, 16, 3],
  [3, 17, 5],
  [17, 15, 25],
  [64, 33, 300],
  [121, 10, 257],
  [5, 2100, 9],
  [130, 40, 64],
];

describe('sgemm', async () => {
  const kernels = await instantiateKernels(engineWasmForTests());
  for (const [m, n, k] of shapes) {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        for (const accumulate of [false, true]) {
          it(`matches float64 for ${m}×${n}×${k}${tA ? ' Aᵀ' : ''}${tB ? ' Bᵀ' : ''}${accumulate ? ' accumulating' : ''}`, () => {
            const arena = new Arena(kernels);
            const aAt = arena.alloc(m * k);
            const bAt = arena.alloc(k * n);
            const cAt = arena.alloc(m * n);
            const work = arena.alloc(kernels.gemmWorkspaceBytes() / 4);
            arena.commit();
            const a = randomValues(m * k, m * 7 + k);
            const b = randomValues(k * n, n * 13 + k);
            const c0 = randomValues(m * n, m + n);
            arena.f32(aAt, m * k).set(a);
            arena.f32(bAt, k * n).set(b);
            arena.f32(cAt, m * n).set(accumulate ? c0 : randomValues(m * n, 99)); // garbage must be overwritten
            kernels.sgemm(
              tA ? 1 : 0,
              tB ? 1 : 0,
              m,
              n,
              k,
              aAt,
              tA ? m : k,
              bAt,
              tB ? k : n,
              cAt,
              n,
              accumulate ? 1 : 0,
              work,
            );
            const expected = referenceGemm(tA, tB, m, n, k, a, b, accumulate ? c0 : null);
            expect(normwiseError(arena.f32(cAt, m * n), expected)).toBeLessThan(1e-5);
          });
        }
      }
    }
  }

  it('leaves the rows of C outside M×N untouched when ldc > N', () => {
    const arena = new Arena(kernels);
    const [m, n, k, ldc] = [5, 7, 4, 12];
    const aAt = arena.alloc(m * k);
    const bAt = arena.alloc(k * n);
    const cAt = arena.alloc(m * ldc);
    const work = arena.alloc(kernels.gemmWorkspaceBytes() / 4);
    arena.commit();
    arena.f32(aAt, m * k).set(randomValues(m * k, 1));
    arena.f32(bAt, k * n).set(randomValues(k * n, 2));
    arena.f32(cAt, m * ldc).fill(42);
    kernels.sgemm(0, 0, m, n, k, aAt, k, bAt, n, cAt, ldc, 0, work);
    const c = arena.f32(cAt, m * ldc);
    for (let i = 0; i < m; i++) for (let j = n; j < ldc; j++) expect(c[i * ldc + j]).toBe(42);
  });
});
