import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { NodeId } from '../graph/types';
import type { ReceptiveField } from './receptive-fields-of';
import { receptiveFieldsOf, unitFieldOf } from './receptive-fields-of';
import type { ChainLayer } from './testing/chain-network';
import { buildChainNetwork } from './testing/chain-network';

/**
 * Cross-check of the theoretical receptive field against autodiff: on random
 * small linear networks (random kernels, average pooling, so no gradient is
 * zero by accident), the bounding box of the non-zero entries of
 * d unit / d input must equal the theoretical rectangle clipped to the input.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Small deterministic PRNG (mulberry32) so every run tests the same networks. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function randomChain(rand: () => number, side: number): ChainLayer[] {
  const layers: ChainLayer[] = [];
  let n = side;
  const depth = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < depth && n >= 4; i++) {
    const padding = pick(rand, ['valid', 'same'] as const);
    if (rand() < 0.3) {
      const poolSize = pick(rand, [2, 3]);
      const strides = pick(rand, [1, 2, poolSize]);
      layers.push({ kind: 'AveragePooling2D', params: { poolSize, strides, padding } });
      n = padding === 'same' ? Math.ceil(n / strides) : Math.ceil((n - poolSize + 1) / strides);
    } else {
      const kernelSize = pick(rand, [1, 2, 3, 5]);
      // TF.js rejects strides > 1 together with dilation > 1.
      const strides = pick(rand, [1, 2]);
      const dilationRate = strides === 1 ? pick(rand, [1, 1, 2]) : 1;
      const kEff = dilationRate * (kernelSize - 1) + 1;
      if (padding === 'valid' && n - kEff + 1 < 2) break;
      layers.push({
        kind: 'Conv2D',
        params: { filters: 2, kernelSize, strides, dilationRate, padding, useBias: false },
      });
      n = padding === 'same' ? Math.ceil(n / strides) : Math.ceil((n - kEff + 1) / strides);
    }
  }
  return layers;
}

/**
 * |d unit / d input| as a side×side array. TF.js cannot differentiate dilated
 * convolutions ("dilation rates greater than 1 are not yet supported in
 * gradients"), so for those networks we take the Jacobian row from impulse
 * responses instead: the networks are linear and bias-free, so unit(e_p) is
 * exactly d unit / d input[p].
 */
function inputJacobian(
  model: tf.LayersModel,
  side: number,
  unit: readonly [number, number, number],
  dilated: boolean,
): tf.Tensor2D {
  if (dilated) {
    return tf.tidy(() => {
      const impulses = tf.eye(side * side).reshape([side * side, side, side, 1]);
      const y = model.predict(impulses) as tf.Tensor4D;
      return y
        .slice([0, unit[0], unit[1], unit[2]], [side * side, 1, 1, 1])
        .abs()
        .reshape([side, side]);
    });
  }
  return tf.tidy(() => {
    const f = (x: tf.Tensor): tf.Scalar => {
      const y = model.apply(x) as tf.Tensor4D;
      return y.slice([0, unit[0], unit[1], unit[2]], [1, 1, 1, 1]).sum();
    };
    return tf
      .grad(f)(tf.randomNormal([1, side, side, 1]))
      .abs()
      .reshape([side, side]);
  });
}

/** Bounding box [rowLo, colLo, rowHi, colHi] of the non-zero Jacobian entries, or null if all zero. */
function gradientSupport(
  model: tf.LayersModel,
  side: number,
  unit: readonly [number, number, number],
  dilated: boolean,
): number[] | null {
  const grad = inputJacobian(model, side, unit, dilated);
  const values = grad.arraySync();
  grad.dispose();
  let box: number[] | null = null;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === 0) return;
      box = box
        ? [Math.min(box[0]!, r), Math.min(box[1]!, c), Math.max(box[2]!, r), Math.max(box[3]!, c)]
        : [r, c, r, c];
    }),
  );
  return box;
}

describe('theoretical receptive field = support of the input gradient', () => {
  const rand = prng(20261126);
  const cases = Array.from({ length: 24 }, (_, i) => {
    const side = pick(rand, [11, 14, 17]);
    return { i, side, layers: randomChain(rand, side) };
  });
  it.each(cases)('random network $i on $side×$side', ({ side, layers }) => {
    const net = buildChainNetwork([side, side, 1], layers);
    try {
      const outId = net.ids[net.ids.length - 1] as NodeId;
      const outShape = net.shapes.get(outId) as number[];
      const field = receptiveFieldsOf(net.doc, net.shapes).get(outId) as ReceptiveField;
      expect(field.kind).toBe('spatial');
      const [h, w] = [outShape[1] as number, outShape[2] as number];
      const units: [number, number, number][] = [
        [0, 0, 0],
        [h - 1, w - 1, 1 % (outShape[3] as number)],
        [Math.floor(h / 2), Math.floor(w / 3), 0],
      ];
      const dilated = layers.some((l) => l.params['dilationRate'] === 2);
      // Strides larger than the kernel, and dilation, leave holes in the field:
      // the window's ends are still taps, but clipping may cut between taps, so
      // there the support is only contained in the clipped window.
      const holey = layers.some(
        (l) =>
          (l.params['dilationRate'] ?? 1) !== 1 ||
          ((l.params['strides'] ?? 1) as number) >
            ((l.params['kernelSize'] ?? l.params['poolSize']) as number),
      );
      for (const unit of units) {
        const window = unitFieldOf(field, [unit[0], unit[1]]);
        const expected = window?.clipped ?? null;
        const support = gradientSupport(net.model, side, unit, dilated);
        const label = `unit ${unit.join(',')} of ${JSON.stringify(layers)}`;
        const inside =
          window?.unclipped.lo.every(
            (v, a) => v === expected?.lo[a] && window.unclipped.hi[a] === expected.hi[a],
          ) ?? false;
        if (!holey || inside) {
          expect(support, label).toEqual(
            expected ? [expected.lo[0], expected.lo[1], expected.hi[0], expected.hi[1]] : null,
          );
        } else if (support && expected) {
          const contained =
            support[0]! >= expected.lo[0]! &&
            support[1]! >= expected.lo[1]! &&
            support[2]! <= expected.hi[0]! &&
            support[3]! <= expected.hi[1]!;
          expect(contained, label).toBe(true);
        } else {
          expect(support, label).toBeNull();
        }
      }
    } finally {
      net.model.dispose();
    }
  });
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});
