import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { Arena } from './arena';
import type { EngineKernels } from './kernel-abi';
import { instantiateKernels } from './load-kernels';
import { planEngineModel } from './plan-model';
import { engineWasmForTests } from './testing/engine-wasm';
import {
  chainModel,
  referenceGradients,
  relativeError,
  seededTargets,
  seededValues,
  seedWeights,
} from './testing/reference';
import { TrainingEngine } from './training-engine';

/** Seeded values in [−1, 1) with about `zeros` of them set to 0 (−0 for some, which counts as zero). */
function sparseValues(n: number, seed: number, zeros: number): Float32Array {
  const values = seededValues(n, seed);
  const coin = seededValues(n, seed + 1, 0, 1);
  return values.map((v, i) => (coin[i]! < zeros ? (i % 3 === 0 ? -0 : 0) : v));
}

/** a[M×K]·b[K×N] (+ bias row, + c0) in float64. */
function reference(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  bias: Float32Array | null,
  c0: Float32Array | null,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = (bias ? bias[j]! : 0) + (c0 ? c0[i * n + j]! : 0);
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
      c[i * n + j] = s;
    }
  return c;
}

function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j]!;
  return t;
}

// Odd M and K (a missing row of the last pair), N below, at and across the 16-wide strips.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [2, 16, 3],
  [7, 17, 5],
  [17, 40, 33],
  [64, 128, 784],
  [33, 5, 64],
];

describe('sparse dense-layer kernels', async () => {
  const k: EngineKernels = await instantiateKernels(engineWasmForTests());

  for (const [m, n, kk] of shapes) {
    for (const mode of ['plain', 'bias', 'accumulate'] as const) {
      it(`compressRowPairs + packStrips + pairGemm match float64 for ${m}×${n}×${kk} (${mode})`, () => {
        const arena = new Arena(k);
        const pairs = Math.ceil(m / 2);
        const aAt = arena.alloc(m * kk);
        const bAt = arena.alloc(kk * n);
        const biasAt = arena.alloc(n);
        const cAt = arena.alloc(m * n);
        const start = arena.alloc(pairs + 1);
        const cols = arena.alloc(pairs * kk);
        const vals = arena.alloc(2 * pairs * kk);
        const packed = arena.alloc(kk * Math.ceil(n / 16) * 16);
        const sink = arena.alloc(16);
        arena.commit();
        const a = sparseValues(m * kk, m + kk, 0.6);
        const b = seededValues(kk * n, n + 3);
        const bias = seededValues(n, 5);
        const c0 = seededValues(m * n, 9);
        arena.f32(aAt, m * kk).set(a);
        arena.f32(bAt, kk * n).set(b);
        arena.f32(biasAt, n).set(bias);
        arena.f32(cAt, m * n).set(mode === 'accumulate' ? c0 : seededValues(m * n, 77)); // garbage must go
        const kept = k.compressRowPairs(aAt, m, kk, kk, 64, start, cols, vals);
        let expectedKept = 0;
        for (let p = 0; p < pairs; p++)
          for (let j = 0; j < kk; j++)
            if (a[2 * p * kk + j] !== 0 || (2 * p + 1 < m && a[(2 * p + 1) * kk + j] !== 0))
              expectedKept++;
        expect(kept).toBe(expectedKept);
        k.packStrips(bAt, n, kk, n, packed);
        k.pairGemm(
          m,
          n,
          start,
          cols,
          vals,
          packed,
          kk * 64,
          cAt,
          n,
          mode === 'bias' ? biasAt : 0,
          mode === 'accumulate' ? 1 : 0,
          sink,
        );
        const expected = reference(
          m,
          n,
          kk,
          a,
          b,
          mode === 'bias' ? bias : null,
          mode === 'accumulate' ? c0 : null,
        );
        expect(relativeError(arena.f32(cAt, m * n), expected)).toBeLessThan(1e-5);
      });
    }

    it(`compressColumnPairs + pairGemm give Aᵀ·D for A ${m}×${kk}, D ${m}×${n}`, () => {
      const arena = new Arena(k);
      const pairs = Math.ceil(kk / 2);
      const aAt = arena.alloc(m * kk);
      const dAt = arena.alloc(m * n);
      const cAt = arena.alloc(kk * n);
      const start = arena.alloc(pairs + 1);
      const cols = arena.alloc(pairs * m);
      const vals = arena.alloc(2 * pairs * m);
      const packed = arena.alloc(m * Math.ceil(n / 16) * 16);
      const sink = arena.alloc(16);
      arena.commit();
      const a = sparseValues(m * kk, m * 3 + kk, 0.5);
      const d = seededValues(m * n, n + 1);
      arena.f32(aAt, m * kk).set(a);
      arena.f32(dAt, m * n).set(d);
      arena.f32(cAt, kk * n).fill(42);
      k.compressColumnPairs(aAt, m, kk, kk, 64, start, cols, vals);
      k.packStrips(dAt, n, m, n, packed);
      k.pairGemm(kk, n, start, cols, vals, packed, m * 64, cAt, n, 0, 0, sink);
      const expected = reference(kk, n, m, transpose(a, m, kk), d, null, null);
      expect(relativeError(arena.f32(cAt, kk * n), expected)).toBeLessThan(1e-5);
    });
  }

  it('keeps NaN inputs (they must reach the output as in sgemm)', () => {
    const arena = new Arena(k);
    const [m, n, kk] = [2, 16, 4];
    const aAt = arena.alloc(m * kk);
    const bAt = arena.alloc(kk * n);
    const cAt = arena.alloc(m * n);
    const start = arena.alloc(2);
    const cols = arena.alloc(kk);
    const vals = arena.alloc(2 * kk);
    const sink = arena.alloc(16);
    arena.commit();
    arena.f32(aAt, m * kk).set([0, NaN, 0, 0, 0, 0, 0, 1]);
    arena.f32(bAt, kk * n).fill(1);
    expect(k.compressRowPairs(aAt, m, kk, kk, n * 4, start, cols, vals)).toBe(2);
    k.pairGemm(m, n, start, cols, vals, bAt, 64, cAt, n, 0, 0, sink);
    const c = arena.f32(cAt, m * n);
    expect(Number.isNaN(c[0])).toBe(true);
    expect(c[n]).toBe(1);
  });
});

describe('Dense on mostly-zero inputs (the sparse path) matches TF.js (cpu) within 1e-4', () => {
  beforeAll(() => tf.setBackend('cpu'));
  const wasm = engineWasmForTests();

  /** Trains one batch; counts dense_1's sparse GEMMs and measures the worst relative error. */
  async function run(zeros: number): Promise<{ pairGemmCalls: number; error: number }> {
    const L = tf.layers;
    const model = chainModel(
      [50],
      [
        L.dense({ units: 37, activation: 'relu' }),
        L.dense({ units: 20, activation: 'relu' }),
        L.dense({ units: 3, activation: 'softmax' }),
      ],
    );
    seedWeights(model, 31);
    const planned = planEngineModel(model, 'categoricalCrossentropy');
    if (!planned.ok) throw new Error(planned.reason);
    const n = 7; // odd: the last row pair has one row
    const x = sparseValues(n * 50, 3, zeros);
    const y = seededTargets('categoricalCrossentropy', n, 3, 4);
    const engine = await TrainingEngine.create(wasm, planned.plan, {
      loss: 'categoricalCrossentropy',
      optimizer: { kind: 'sgd', learningRate: 0 },
      maxBatch: 8,
      seed: 1,
    });
    engine.loadWeightsFrom(model);
    let pairGemmCalls = 0;
    const kernels = engine.kernels as { pairGemm: EngineKernels['pairGemm'] };
    const pairGemm = kernels.pairGemm;
    kernels.pairGemm = (...args) => {
      if (args[1] === 37) pairGemmCalls++; // dense_1's 37 units (dense_2's ReLU input may be sparse too)
      pairGemm(...args);
    };
    const expected = referenceGradients(model, 'categoricalCrossentropy', x, y, n);
    engine.inputsOfPlan(n).set(x);
    engine.targets(n).set(y);
    const result = engine.trainBatch(n);
    const { grads } = engine.readParams();
    const error = Math.max(
      Math.abs(result.loss - expected.loss) / Math.abs(expected.loss),
      ...grads.map((g, i) => relativeError(g, expected.grads[i]!)),
    );
    model.dispose();
    return { pairGemmCalls, error };
  }

  it('takes the sparse path for a 70 %-zero input and keeps the gradients exact', async () => {
    const { pairGemmCalls, error } = await run(0.7);
    expect(pairGemmCalls).toBe(2); // dense_1's forward and weight gradient
    expect(error).toBeLessThan(1e-4);
  });

  it('stays on sgemm for a dense input', async () => {
    const { pairGemmCalls, error } = await run(0);
    expect(pairGemmCalls).toBe(0);
    expect(error).toBeLessThan(1e-4);
  });
});
