import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationName } from './activations';
import {
  backpropLosses,
  traceBackprop,
  validateBackpropProblem,
  type BackpropProblem,
  type BackpropLoss,
} from './backprop';
import {
  COURSE_323_DEFAULTS,
  courseNet323,
  listParameters,
  randomDenseNet,
  randomValues,
  seededRandom,
  type DenseNet,
} from './dense-net';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tfActivation: Record<ActivationName, (x: tf.Tensor) => tf.Tensor> = {
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  relu: (x) => tf.relu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.2),
  elu: (x) => tf.elu(x),
  linear: (x) => x,
};

/** The same loss written with TF.js ops, independently of backprop.ts. */
function tfLoss(loss: BackpropLoss, yhat: tf.Tensor, y: tf.Tensor): tf.Scalar {
  const n = yhat.size;
  switch (loss) {
    case 'half-sse':
      return tf.mul(0.5, tf.sum(tf.square(tf.sub(yhat, y))));
    case 'mean-sse':
      return tf.div(tf.sum(tf.square(tf.sub(yhat, y))), n);
    case 'sse':
      return tf.sum(tf.square(tf.sub(yhat, y)));
    case 'binary-cross-entropy':
      return tf.div(
        tf.neg(
          tf.sum(tf.add(tf.mul(y, tf.log(yhat)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, yhat))))),
        ),
        n,
      );
  }
}

/** ∂L/∂(every kernel and bias) by tf.grads, flattened as name → value. */
function tfGradients(p: BackpropProblem): Map<string, number> {
  const { net } = p;
  const params: tf.Tensor[] = [
    ...net.kernels.map((k) => tf.tensor2d(k.map((r) => [...r]))),
    ...net.biases.flatMap((b) => (b ? [tf.tensor1d([...b])] : [])),
  ];
  const nK = net.kernels.length;
  const f = (...ts: tf.Tensor[]): tf.Scalar => {
    let a: tf.Tensor = tf.tensor2d([[...p.inputs]]);
    let bi = nK;
    for (let l = 0; l < nK; l++) {
      let z = tf.matMul(a as tf.Tensor2D, ts[l] as tf.Tensor2D);
      if (net.biases[l]) z = tf.add(z, ts[bi++]!);
      a = tfActivation[net.activations[l]!](z);
    }
    return tfLoss(p.loss, a, tf.tensor2d([[...p.targets]]));
  };
  const grads = tf.grads(f)(params);
  const names = listParameters(net);
  // listParameters gives weights in number order = row-major kernels, then biases in layer order.
  const flat = grads.flatMap((g) => Array.from(g.dataSync()));
  return new Map(names.map((n, i) => [n.name, flat[i]!]));
}

/** ∂L/∂(each parameter) by float64 central differences on our own forward pass. */
function finiteDifferences(p: BackpropProblem): Map<string, number> {
  const out = new Map<string, number>();
  const h = 1e-6;
  for (const { name, value } of listParameters(p.net)) {
    const at = (v: number) => traceBackprop({ ...p, net: setParam(p.net, name, v) }).loss;
    out.set(name, (at(value + h) - at(value - h)) / (2 * h));
  }
  return out;
}

function setParam(net: DenseNet, name: string, v: number): DenseNet {
  const names = listParameters(net).map((x) => x.name);
  const idx = names.indexOf(name);
  let k = 0;
  return {
    ...net,
    kernels: net.kernels.map((m) => m.map((r) => r.map((w) => (k++ === idx ? v : w)))),
    biases: net.biases.map((b) => b?.map((x) => (k++ === idx ? v : x)) ?? null),
  };
}

const shapes: Array<{ sizes: number[]; acts: ActivationName[]; bias: boolean }> = [
  { sizes: [3, 2, 3], acts: ['sigmoid', 'sigmoid'], bias: false },
  { sizes: [2, 4, 1], acts: ['tanh', 'sigmoid'], bias: true },
  { sizes: [4, 5, 3, 2], acts: ['relu', 'tanh', 'linear'], bias: true },
  { sizes: [3, 6, 6, 3], acts: ['leakyRelu', 'elu', 'sigmoid'], bias: true },
  { sizes: [5, 10, 10, 10], acts: ['sigmoid', 'tanh', 'sigmoid'], bias: false },
];

describe('traceBackprop gradients', () => {
  shapes.forEach((shape, si) => {
    for (const loss of backpropLosses) {
      if (loss === 'binary-cross-entropy' && shape.acts[shape.acts.length - 1] !== 'sigmoid')
        continue;
      for (const seed of [1, 2, 3]) {
        it(`equals tf.grads (1e-6) and float64 finite differences (1e-8): ${shape.sizes.join('-')} ${shape.acts.join('/')} ${loss} seed ${seed}`, () => {
          const net = randomDenseNet(shape.sizes, shape.acts, seed * 100 + si, shape.bias);
          const random = seededRandom(seed + 7);
          const targets = randomValues(shape.sizes[shape.sizes.length - 1]!, random).map((v) =>
            loss === 'binary-cross-entropy' || shape.acts.at(-1) === 'sigmoid' ? Math.abs(v) : v,
          );
          const problem: BackpropProblem = {
            net,
            inputs: randomValues(shape.sizes[0]!, random),
            targets,
            loss,
            eta: 0.3,
          };
          expect(validateBackpropProblem(problem).ok).toBe(true);
          const trace = traceBackprop(problem);
          let viaTf = new Map<string, number>();
          tf.tidy(() => {
            viaTf = tfGradients(problem);
          });
          const viaFd = finiteDifferences(problem);
          expect(trace.gradients).toHaveLength(listParameters(net).length);
          for (const g of trace.gradients) {
            expect(Math.abs(g.gradient - viaTf.get(g.name)!), `${g.name} vs tf.grads`).toBeLessThan(
              1e-6,
            );
            expect(
              Math.abs(g.gradient - viaFd.get(g.name)!),
              `${g.name} vs finite differences`,
            ).toBeLessThan(1e-8);
            expect(g.updated).toBeCloseTo(g.value - 0.3 * g.gradient, 14);
          }
        });
      }
    }
  });

  it('lowers the loss of the sample with a small η', () => {
    const t = traceBackprop({
      net: courseNet323(COURSE_323_DEFAULTS.weights),
      inputs: COURSE_323_DEFAULTS.inputs,
      targets: COURSE_323_DEFAULTS.targets,
      loss: 'mean-sse',
      eta: 0.5,
    });
    expect(t.lossAfter).toBeLessThan(t.loss);
  });
});

describe('the course 3-2-3 network, by an independent hand calculation', () => {
  const x = [0.5, 0.3, 0.8];
  const y = [1, 0, 0];
  const w = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
  const W = (k: number) => w[k - 1]!;
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  // Forward, written out the way the slides do: w1, w3, w5 into h1; w2, w4, w6 into h2.
  const h1 = s(W(1) * x[0]! + W(3) * x[1]! + W(5) * x[2]!);
  const h2 = s(W(2) * x[0]! + W(4) * x[1]! + W(6) * x[2]!);
  // w7, w10 into o1; w8, w11 into o2; w9, w12 into o3.
  const o1 = s(W(7) * h1 + W(10) * h2);
  const o2 = s(W(8) * h1 + W(11) * h2);
  const o3 = s(W(9) * h1 + W(12) * h2);

  for (const [loss, c] of [
    ['mean-sse', 2 / 3],
    ['half-sse', 1],
    ['sse', 2],
  ] as const) {
    it(`matches ∂L/∂w7, ∂L/∂w1 and every other weight for ${loss} (∂L/∂ŷ = ${c.toFixed(3)}(ŷ − y))`, () => {
      const d1 = c * (o1 - y[0]!) * o1 * (1 - o1);
      const d2 = c * (o2 - y[1]!) * o2 * (1 - o2);
      const d3 = c * (o3 - y[2]!) * o3 * (1 - o3);
      const dh1 = (d1 * W(7) + d2 * W(8) + d3 * W(9)) * h1 * (1 - h1);
      const dh2 = (d1 * W(10) + d2 * W(11) + d3 * W(12)) * h2 * (1 - h2);
      const expected: Record<string, number> = {
        w1: dh1 * x[0]!,
        w3: dh1 * x[1]!,
        w5: dh1 * x[2]!,
        w2: dh2 * x[0]!,
        w4: dh2 * x[1]!,
        w6: dh2 * x[2]!,
        w7: d1 * h1,
        w10: d1 * h2,
        w8: d2 * h1,
        w11: d2 * h2,
        w9: d3 * h1,
        w12: d3 * h2,
      };
      const t = traceBackprop({ net: courseNet323(w), inputs: x, targets: y, loss, eta: 0.5 });
      expect(t.forward[1]!.map((u) => u.Out)).toEqual([h1, h2].map((v) => expect.closeTo(v, 14)));
      expect(t.predictions).toEqual([o1, o2, o3].map((v) => expect.closeTo(v, 14)));
      expect(t.gradients.map((g) => g.name)).toEqual([
        'w7',
        'w8',
        'w9',
        'w10',
        'w11',
        'w12',
        'w1',
        'w2',
        'w3',
        'w4',
        'w5',
        'w6',
      ]);
      for (const g of t.gradients) {
        expect(g.gradient, g.name).toBeCloseTo(expected[g.name]!, 14);
        expect(g.updated, g.name).toBeCloseTo(
          W(Number(g.name.slice(1))) - 0.5 * expected[g.name]!,
          14,
        );
      }
      const w7 = t.gradients.find((g) => g.name === 'w7')!;
      expect(w7.dLdOut).toBeCloseTo(c * (o1 - 1), 14);
      expect(w7.dOutdIn).toBeCloseTo(o1 * (1 - o1), 14);
      expect(w7.dIndW).toBeCloseTo(h1, 14);
      const w1 = t.gradients.find((g) => g.name === 'w1')!;
      expect(w1.dLdOut).toBeCloseTo(d1 * W(7) + d2 * W(8) + d3 * W(9), 14);
      expect(t.errors[1]![0]!.downstream.map((d) => d.weight)).toEqual(['w7', 'w8', 'w9']);
    });
  }
  it('names weights as the course does', () => {
    const t = traceBackprop({
      net: courseNet323(w),
      inputs: x,
      targets: y,
      loss: 'mean-sse',
      eta: 0.5,
    });
    const into = (u: string) => t.gradients.filter((g) => g.to === u).map((g) => g.name);
    expect(into('h1')).toEqual(['w1', 'w3', 'w5']);
    expect(into('h2')).toEqual(['w2', 'w4', 'w6']);
    expect(into('o1')).toEqual(['w7', 'w10']);
    expect(into('o2')).toEqual(['w8', 'w11']);
    expect(into('o3')).toEqual(['w9', 'w12']);
  });
});

describe('validateBackpropProblem', () => {
  const base: BackpropProblem = {
    net: courseNet323(COURSE_323_DEFAULTS.weights),
    inputs: [1, 2, 3],
    targets: [0, 1, 0],
    loss: 'mean-sse',
    eta: 0.1,
  };
  const code = (p: BackpropProblem) => {
    const r = validateBackpropProblem(p);
    return r.ok ? 'ok' : r.error.code;
  };
  it('accepts the course net', () => expect(code(base)).toBe('ok'));
  it('rejects wrong input or target counts', () => {
    expect(code({ ...base, inputs: [1, 2] })).toBe('bp-shape-mismatch');
    expect(code({ ...base, targets: [1] })).toBe('bp-shape-mismatch');
  });
  it('rejects NaN numbers', () => expect(code({ ...base, eta: Number.NaN })).toBe('bp-non-finite'));
  it('rejects too many units', () =>
    expect(
      code({
        ...base,
        net: randomDenseNet([3, 30, 30, 3], ['relu', 'relu', 'linear'], 1),
        targets: [0, 0, 0],
      }),
    ).toBe('bp-too-many-units'));
  it('rejects cross-entropy on non-sigmoid outputs', () => {
    const net = randomDenseNet([3, 2, 3], ['sigmoid', 'linear'], 1);
    expect(code({ ...base, net, loss: 'binary-cross-entropy' })).toBe(
      'bp-cross-entropy-needs-sigmoid',
    );
  });
});
