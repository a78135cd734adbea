import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, seededRandom } from './dense-net';
import {
  hiddenGradientNorms,
  rnnLoss,
  rnnLosses,
  traceRnn,
  validateRnnProblem,
  type RnnActivation,
  type RnnLoss,
  type RnnLossAt,
  type RnnProblem,
} from './rnn';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomMatrix(rows: number, cols: number, random: () => number): number[][] {
  return Array.from({ length: rows }, () => randomValues(cols, random));
}

function randomProblem(
  n: number,
  m: number,
  T: number,
  activation: RnnActivation,
  loss: RnnLoss,
  lossAt: RnnLossAt,
  seed: number,
): RnnProblem {
  const r = seededRandom(seed);
  return {
    W: randomMatrix(m, n, r),
    U: randomMatrix(m, m, r),
    b: randomValues(m, r),
    activation,
    xs: randomMatrix(T, n, r),
    ys: randomMatrix(T, m, r),
    loss,
    lossAt,
    eta: 0.1,
  };
}

/** The same network and loss written with TF.js ops, independently of rnn.ts. */
function tfGradients(p: RnnProblem): { W: number[]; U: number[]; b: number[] } {
  const m = p.W.length;
  const g = (a: tf.Tensor) => (p.activation === 'tanh' ? tf.tanh(a) : tf.relu(a));
  const lossOf = (h: tf.Tensor, y: tf.Tensor): tf.Scalar => {
    const s: tf.Scalar = tf.sum(tf.square(tf.sub(h, y)));
    return p.loss === 'half-sse'
      ? tf.mul<tf.Scalar>(0.5, s)
      : p.loss === 'mean-sse'
        ? tf.div<tf.Scalar>(s, m)
        : s;
  };
  const f = (W: tf.Tensor, U: tf.Tensor, b: tf.Tensor): tf.Scalar => {
    let h: tf.Tensor = tf.zeros([m, 1]);
    let total: tf.Scalar = tf.scalar(0);
    p.xs.forEach((x, t) => {
      const a = tf.add(
        tf.add(
          tf.matMul(W as tf.Tensor2D, tf.tensor2d(x.map((v) => [v]))),
          tf.matMul(U as tf.Tensor2D, h as tf.Tensor2D),
        ),
        b,
      );
      h = g(a);
      if (p.lossAt === 'every' || t === p.xs.length - 1)
        total = tf.add(total, lossOf(h, tf.tensor2d((p.ys[t] ?? []).map((v) => [v]))));
    });
    return total;
  };
  const grads = tf.grads(f)([
    tf.tensor2d(p.W.map((r) => [...r])),
    tf.tensor2d(p.U.map((r) => [...r])),
    tf.tensor2d(p.b.map((v) => [v])),
  ]);
  const [gW, gU, gb] = grads.map((t) => Array.from(t.dataSync()));
  return { W: gW ?? [], U: gU ?? [], b: gb ?? [] };
}

describe('traceRnn (BPTT)', () => {
  const cases: Array<[number, number, number]> = [
    [2, 2, 3],
    [3, 2, 4],
    [2, 3, 4],
    [3, 3, 3],
    [1, 4, 8],
  ];
  for (const [n, m, T] of cases)
    for (const activation of ['tanh', 'relu'] as const)
      for (const loss of rnnLosses)
        for (const lossAt of ['last', 'every'] as const)
          for (const seed of [1, 2, 3])
            it(`equals tf.grads within 1e-6: ${n} inputs, ${m} units, ${T} steps, ${activation}, ${loss} on ${lossAt}, seed ${seed}`, () => {
              const p = randomProblem(n, m, T, activation, loss, lossAt, seed * 31 + n * 7 + m);
              expect(validateRnnProblem(p).ok).toBe(true);
              const trace = traceRnn(p);
              let viaTf = { W: [] as number[], U: [] as number[], b: [] as number[] };
              tf.tidy(() => {
                viaTf = tfGradients(p);
              });
              const ours = {
                W: trace.gradients.filter((g) => g.matrix === 'W').map((g) => g.gradient),
                U: trace.gradients.filter((g) => g.matrix === 'U').map((g) => g.gradient),
                b: trace.gradients.filter((g) => g.matrix === 'b').map((g) => g.gradient),
              };
              for (const key of ['W', 'U', 'b'] as const) {
                expect(ours[key]).toHaveLength(viaTf[key].length);
                // TF.js computes in float32, so its rounding grows with the gradient's size:
                // 1e-6 absolute for |g| ≤ 1, 1e-6 relative above (only the 8-step nets get there).
                ours[key].forEach((v, i) =>
                  expect(Math.abs(v - viaTf[key][i]!), `${key}[${i}] = ${v}`).toBeLessThan(
                    1e-6 * Math.max(1, Math.abs(v)),
                  ),
                );
              }
              // Each gradient is literally the sum of its per-step terms.
              for (const g of trace.gradients) {
                expect(g.terms).toHaveLength(T);
                expect(g.gradient).toBe(g.terms.reduce((s, x) => s + x.delta * x.factor, 0));
              }
            });

  it('matches float64 central differences within 1e-8', () => {
    const p = randomProblem(3, 3, 4, 'tanh', 'half-sse', 'every', 99);
    const trace = traceRnn(p);
    const h = 1e-6;
    for (const g of trace.gradients) {
      const set = (v: number): RnnProblem => {
        if (g.matrix === 'b') return { ...p, b: p.b.map((x, j) => (j === g.row ? v : x)) };
        const M = p[g.matrix].map((r, j) => r.map((x, k) => (j === g.row && k === g.col ? v : x)));
        return { ...p, [g.matrix]: M };
      };
      const fd = (rnnLoss(set(g.value + h)) - rnnLoss(set(g.value - h))) / (2 * h);
      expect(Math.abs(g.gradient - fd), g.name).toBeLessThan(1e-8);
    }
  });

  it('agrees with a Keras-layout tf.layers.simpleRNN (kernel = Wᵀ, recurrent kernel = Uᵀ)', () => {
    const p = randomProblem(3, 2, 4, 'tanh', 'half-sse', 'last', 5);
    const trace = traceRnn(p);
    const transpose = (M: readonly (readonly number[])[]) =>
      (M[0] ?? []).map((_, c) => M.map((r) => r[c] ?? 0));
    const hT = tf.tidy(() => {
      const layer = tf.layers.simpleRNN({ units: 2, activation: 'tanh', inputShape: [4, 3] });
      const model = tf.sequential({ layers: [layer] });
      layer.setWeights([
        tf.tensor2d(transpose(p.W)),
        tf.tensor2d(transpose(p.U)),
        tf.tensor1d([...p.b]),
      ]);
      const out = model.predict(tf.tensor3d([p.xs.map((r) => [...r])])) as tf.Tensor;
      return Array.from(out.dataSync());
    });
    const ours = trace.hs[4] ?? [];
    hT.forEach((v, j) => expect(Math.abs(v - ours[j]!)).toBeLessThan(1e-6));
  });

  it('lowers the loss with a small η, and tanh shrinks ‖∂L/∂hₜ‖ going back in time', () => {
    const p = { ...randomProblem(2, 3, 8, 'tanh', 'half-sse', 'last', 7), eta: 0.05 };
    const trace = traceRnn(p);
    expect(trace.lossAfter).toBeLessThan(trace.loss);
    const norms = hiddenGradientNorms(trace);
    expect(norms).toHaveLength(8);
    expect(norms[0]!).toBeLessThan(norms[7]!);
  });

  it('refuses wrong shapes and non-finite numbers with a code', () => {
    const p = randomProblem(2, 2, 3, 'tanh', 'half-sse', 'last', 1);
    expect(validateRnnProblem({ ...p, b: [0] })).toMatchObject({
      ok: false,
      error: { code: 'rnn-shape-mismatch' },
    });
    expect(validateRnnProblem({ ...p, eta: Number.NaN })).toMatchObject({
      ok: false,
      error: { code: 'rnn-non-finite' },
    });
    expect(validateRnnProblem({ ...p, xs: [] })).toMatchObject({
      ok: false,
      error: { code: 'rnn-bad-size' },
    });
  });
});

describe('∂L/∂hₜ of the RNN (the gradient-flow view)', () => {
  for (const activation of ['tanh', 'relu'] as const)
    it(`equals tf.grads through a zero added to each hₜ (${activation})`, () => {
      const p = randomProblem(2, 3, 6, activation, 'half-sse', 'last', 17);
      const trace = traceRnn(p);
      const m = 3;
      const viaTf = tf.tidy(() => {
        const zs = p.xs.map(() => tf.zeros([m, 1]));
        const f = (...ts: tf.Tensor[]): tf.Scalar => {
          let h: tf.Tensor = tf.zeros([m, 1]);
          p.xs.forEach((x, t) => {
            const a = tf.add(
              tf.add(
                tf.matMul(tf.tensor2d(p.W.map((r) => [...r])), tf.tensor2d(x.map((v) => [v]))),
                tf.matMul(tf.tensor2d(p.U.map((r) => [...r])), h as tf.Tensor2D),
              ),
              tf.tensor2d(p.b.map((v) => [v])),
            );
            h = tf.add(activation === 'tanh' ? tf.tanh(a) : tf.relu(a), ts[t]!);
          });
          return tf.mul<tf.Scalar>(
            0.5,
            tf.sum(tf.square(tf.sub(h, tf.tensor2d((p.ys[5] ?? []).map((v) => [v]))))),
          );
        };
        return tf
          .grads(f)(zs)
          .map((g) => Array.from(g.dataSync()));
      });
      trace.errors.forEach((row, t) =>
        row.forEach((e, j) => expect(Math.abs(e.dLdh - viaTf[t]![j]!)).toBeLessThan(1e-6)),
      );
    });
});
