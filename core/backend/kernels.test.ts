import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from './init-backend';

/** The tfjs-backend-wasm binaries in node_modules (the wasm backend works in Node). */
const wasmPaths = decodeURIComponent(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname,
);

/** Naive dW reference straight from the definition (NHWC, dilation 1). */
function referenceFilterGrad(
  x: Float32Array,
  xShape: number[],
  dy: Float32Array,
  dyShape: number[],
  kh: number,
  kw: number,
  sh: number,
  sw: number,
  padTop: number,
  padLeft: number,
): Float32Array {
  const [b, h, w, ci] = xShape as [number, number, number, number];
  const [, oh, ow, co] = dyShape as [number, number, number, number];
  const out = new Float32Array(kh * kw * ci * co);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let c = 0; c < ci; c++)
        for (let o = 0; o < co; o++) {
          let s = 0;
          for (let n = 0; n < b; n++)
            for (let y = 0; y < oh; y++)
              for (let z = 0; z < ow; z++) {
                const r = y * sh + i - padTop;
                const q = z * sw + j - padLeft;
                if (r < 0 || r >= h || q < 0 || q >= w) continue;
                s +=
                  (x[((n * h + r) * w + q) * ci + c] as number) *
                  (dy[((n * oh + y) * ow + z) * co + o] as number);
              }
          out[((i * kw + j) * ci + c) * co + o] = s;
        }
  return out;
}

function seededValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

function maxRelError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-6;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i] as number));
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)) / scale);
  return worst;
}

const convCases = [
  { name: '5×5 valid stride 1', x: [3, 12, 12, 2], k: [5, 5], co: 4, s: 1, pad: 'valid' as const },
  { name: '3×3 same stride 1', x: [2, 9, 7, 3], k: [3, 3], co: 5, s: 1, pad: 'same' as const },
  {
    name: '3×3 valid stride 2 (drops a row)',
    x: [2, 10, 10, 2],
    k: [3, 3],
    co: 3,
    s: 2,
    pad: 'valid' as const,
  },
  { name: '4×4 same stride 2', x: [2, 11, 8, 1], k: [4, 4], co: 2, s: 2, pad: 'same' as const },
  { name: '1×1 valid stride 3', x: [4, 7, 7, 3], k: [1, 1], co: 2, s: 3, pad: 'valid' as const },
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`LayerLab kernels on ${backend}`, () => {
    beforeAll(async () => {
      const info = await initBackend(backend, { wasmPaths });
      expect(info.backend).toBe(backend);
    });
    afterAll(() => {
      tf.disposeVariables();
    });

    for (const c of convCases) {
      it(`Conv2DBackpropFilter matches the definition: ${c.name}`, () => {
        const [kh, kw] = c.k as [number, number];
        const filterShape: [number, number, number, number] = [kh, kw, c.x[3] as number, c.co];
        const xv = seededValues(
          c.x.reduce((a, d) => a * d, 1),
          7,
        );
        const info = tf.backend_util.computeConv2DInfo(
          c.x as [number, number, number, number],
          filterShape,
          c.s,
          1,
          c.pad,
        );
        const dyShape = [c.x[0] as number, info.outHeight, info.outWidth, c.co];
        const dyv = seededValues(
          dyShape.reduce((a, d) => a * d, 1),
          11,
        );
        const before = tf.memory().numTensors;
        const got = tf.tidy(() => {
          const x = tf.tensor4d(xv, c.x as [number, number, number, number]);
          const dy = tf.tensor4d(dyv, dyShape as [number, number, number, number]);
          const attrs = { strides: [c.s, c.s], pad: c.pad, dataFormat: 'NHWC', filterShape };
          return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
        });
        expect(got.shape).toEqual(filterShape);
        const want = referenceFilterGrad(
          xv,
          c.x,
          dyv,
          dyShape,
          kh,
          kw,
          c.s,
          c.s,
          info.padInfo.top,
          info.padInfo.left,
        );
        expect(maxRelError(got.dataSync(), want)).toBeLessThan(1e-5);
        got.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });
    }

    it('UnsortedSegmentSum adds rows by id and drops out-of-range ids', () => {
      const x = tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ]);
      const ids = tf.tensor1d([2, 0, 2, 9], 'int32');
      const out = tf.unsortedSegmentSum(x, ids, 3);
      expect(out.shape).toEqual([3, 2]);
      expect(Array.from(out.dataSync())).toEqual([3, 4, 0, 0, 6, 8]);
      tf.dispose([x, ids, out]);
    });

    it('Embedding gradients (gather → UnsortedSegmentSum) match the definition', () => {
      const table = tf.variable(tf.tensor2d(seededValues(10 * 3, 3), [10, 3]));
      const idx = tf.tensor2d(
        [
          [1, 4, 4],
          [9, 0, 1],
        ],
        [2, 3],
        'int32',
      );
      const { grads } = tf.variableGrads(
        () => tf.gather(table, idx).square().sum() as tf.Scalar,
        [table],
      );
      const g = grads[table.name] as tf.Tensor;
      const t = table.dataSync();
      const want = new Float32Array(30);
      for (const id of [1, 4, 4, 9, 0, 1])
        for (let j = 0; j < 3; j++) want[id * 3 + j]! += 2 * (t[id * 3 + j] as number);
      expect(maxRelError(g.dataSync(), want)).toBeLessThan(1e-6);
      tf.dispose([table, idx, g]);
    });
  });
}
