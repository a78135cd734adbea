import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conv2d,
  convCellTerms,
  convOutputSize,
  planConv,
  pool2d,
  poolCell,
  type ConvOptions,
  type Grid,
} from './convolution';
import { convExamples, findKernelPreset, kernelPresets } from './convolution-presets';
import { seededRandom } from './dense-net';
import { decodeBase64, gridFromRgba, sampleImageGrid, sampleImages } from './sample-images';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const randomGrid = (rows: number, cols: number, random: () => number): number[][] =>
  Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Math.round((random() * 2 - 1) * 10) / 10),
  );

function tfConv(input: Grid, kernel: Grid, o: ConvOptions): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor4d(input.flat(), [1, input.length, input[0]!.length, 1]);
    const k = tf.tensor4d(kernel.flat(), [kernel.length, kernel[0]!.length, 1, 1]);
    const y = tf.conv2d(x, k, o.stride, o.padding, 'NHWC', o.dilation);
    return y.squeeze([0, 3]).arraySync() as number[][];
  });
}

describe('conv2d', () => {
  const cases: Array<[number, number, ConvOptions]> = [];
  for (const n of [5, 7, 8])
    for (const k of [2, 3, 5]) {
      for (const stride of [1, 2, 3])
        for (const padding of ['valid', 'same', 0, 1, 2] as const)
          cases.push([n, k, { stride, padding, dilation: 1 }]);
      for (const dilation of [2, 3])
        for (const padding of ['valid', 'same', 1] as const)
          cases.push([n, k, { stride: 1, padding, dilation }]);
    }
  const random = seededRandom(42);
  for (const [n, k, o] of cases) {
    it(`equals tf.conv2d: ${n}×${n} * ${k}×${k}, stride ${o.stride}, padding ${o.padding}, dilation ${o.dilation}`, () => {
      const input = randomGrid(n, n, random);
      const kernel = randomGrid(k, k, random);
      const ours = conv2d(input, kernel, o);
      if (!ours.ok) {
        // Only acceptable when the kernel does not fit: TF.js then yields an empty result.
        expect(ours.error.code).toBe('conv-kernel-too-large');
        return;
      }
      const expected = tfConv(input, kernel, o);
      expect(ours.value.output.length).toBe(expected.length);
      expect(ours.value.output[0]!.length).toBe(expected[0]!.length);
      ours.value.output.forEach((row, r) =>
        row.forEach((v, c) => expect(v).toBeCloseTo(expected[r]![c]!, 5)),
      );
    });
  }

  it('follows ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1', () => {
    expect(convOutputSize(5, 3, 1, 0, 0, 1)).toBe(3);
    expect(convOutputSize(7, 3, 1, 0, 0, 1)).toBe(5);
    expect(convOutputSize(7, 3, 2, 1, 1, 1)).toBe(4);
    expect(convOutputSize(28, 5, 1, 0, 0, 2)).toBe(20);
  });

  it('gives the 9 centre pixels for the course 5×5 example (the classic 4 3 4 / 2 4 3 / 2 3 4)', () => {
    const ex = convExamples.find((e) => e.id === 'course-5x5')!;
    const r = conv2d(ex.input, findKernelPreset(ex.kernelId)!.kernel, {
      stride: 1,
      padding: 'valid',
      dilation: 1,
    });
    expect(r.ok && r.value.output).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
  });

  it('turns the course 7×7 example into 5×5 and smooths it', () => {
    const ex = convExamples.find((e) => e.id === 'course-7x7')!;
    const r = conv2d(ex.input, findKernelPreset('box-blur')!.kernel, {
      stride: 1,
      padding: 'valid',
      dilation: 1,
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.output).toHaveLength(5);
    expect(r.value.output[0]).toHaveLength(5);
    const spread = (g: number[][]) => Math.max(...g.flat()) - Math.min(...g.flat());
    expect(spread(r.value.output)).toBeLessThan(spread(ex.input.map((row) => [...row])));
  });

  it('explains a cell as its window and multiply-add, padding counted as 0', () => {
    const input = [
      [1, 2],
      [3, 4],
    ];
    const kernel = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    const plan = planConv(input, kernel, { stride: 1, padding: 'same', dilation: 1 });
    if (!plan.ok) throw new Error(plan.error.code);
    const cell = convCellTerms(input, kernel, plan.value, 0, 0);
    expect(cell.sum).toBe(10);
    expect(cell.terms.filter((t) => t.inside)).toHaveLength(4);
    expect(cell.terms[0]).toMatchObject({ row: -1, col: -1, inside: false, x: 0, product: 0 });
  });

  it('rejects bad settings with codes instead of throwing', () => {
    const k3 = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    const code = (input: Grid, o: ConvOptions, kernel: Grid = k3) => {
      const r = conv2d(input, kernel, o);
      return r.ok ? 'ok' : r.error.code;
    };
    const o: ConvOptions = { stride: 1, padding: 'valid', dilation: 1 };
    expect(code([], o)).toBe('conv-empty-grid');
    expect(code([[1, 2], [3]], o)).toBe('conv-ragged-grid');
    expect(code(randomGrid(29, 29, Math.random), o)).toBe('conv-grid-too-large');
    expect(
      code(
        [
          [1, 2],
          [3, 4],
        ],
        o,
      ),
    ).toBe('conv-kernel-too-large');
    expect(code(randomGrid(5, 5, Math.random), { ...o, stride: 0 })).toBe('conv-bad-stride');
    expect(code(randomGrid(5, 5, Math.random), { ...o, dilation: 1.5 })).toBe('conv-bad-dilation');
    expect(code(randomGrid(5, 5, Math.random), { ...o, padding: -1 })).toBe('conv-bad-padding');
    expect(
      code(
        [
          [1, Number.NaN, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        o,
      ),
    ).toBe('conv-non-finite');
  });

  it('has kernel presets that are square, odd or 5×5, and blur kernels that sum to 1', () => {
    for (const p of kernelPresets) {
      expect(p.kernel.length).toBe(p.kernel[0]!.length);
      if (p.id.includes('blur'))
        expect(p.kernel.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('pool2d', () => {
  const random = seededRandom(7);
  for (const kind of ['max', 'average'] as const) {
    for (const [n, size, stride] of [
      [4, 2, 2],
      [5, 2, 2],
      [6, 3, 3],
      [7, 3, 2],
      [5, 2, 1],
    ] as const) {
      it(`equals tf.${kind === 'max' ? 'maxPool' : 'avgPool'}: ${n}×${n}, size ${size}, stride ${stride}`, () => {
        const grid = randomGrid(n, n, random);
        const r = pool2d(grid, { kind, size, stride });
        if (!r.ok) throw new Error(r.error.code);
        const expected = tf.tidy(() => {
          const x = tf.tensor4d(grid.flat(), [1, n, n, 1]);
          const y =
            kind === 'max'
              ? tf.maxPool(x, size, stride, 'valid')
              : tf.avgPool(x, size, stride, 'valid');
          return y.squeeze([0, 3]).arraySync() as number[][];
        });
        expect(r.value.rows).toBe(expected.length);
        r.value.output.forEach((row, i) =>
          row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 5)),
        );
      });
    }
  }
  it('shows the window of a pooled cell', () => {
    const cell = poolCell(
      [
        [1, 5],
        [3, 2],
      ],
      { kind: 'max', size: 2, stride: 2 },
      0,
      0,
    );
    expect(cell.result).toBe(5);
    expect(cell.cells).toHaveLength(4);
  });
});

describe('sample images', () => {
  it('decodes base64 like Node does', () => {
    for (const s of ['', 'QQ==', 'QUI=', 'QUJD', 'AP8Q'])
      expect(Array.from(decodeBase64(s))).toEqual(Array.from(Buffer.from(s, 'base64')));
  });
  it('stores real 28×28 Fashion-MNIST images with values in 0…1', () => {
    for (const s of sampleImages) {
      const g = sampleImageGrid(s);
      expect(g).toHaveLength(28);
      expect(Math.max(...g.flat())).toBeGreaterThan(0.5);
      expect(Math.min(...g.flat())).toBeGreaterThanOrEqual(0);
    }
  });
  it('averages an RGBA image down to a grey grid', () => {
    // 2×2 image: white, black / black, white → 1×1 grid of 0.5; 2×2 keeps it.
    const rgba = [255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255];
    expect(gridFromRgba(rgba, 2, 2, 1)).toEqual([[0.5]]);
    expect(gridFromRgba(rgba, 2, 2, 2)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
