/**
 * The vanishing/exploding-gradient view: for one random network and sequence,
 * ‖∂L/∂hₜ‖ at every step t when the loss is on the last step only, for a SimpleRNN
 * with tanh, the same RNN with ReLU, and an LSTM. Going back in time, each RNN step
 * multiplies the error by Uᵀ·diag(g′), so it shrinks (tanh, |U| small) or grows (ReLU,
 * |U| large) geometrically; the LSTM's cell path multiplies by the forget gate instead,
 * which stays near 1 when the forget bias is large, so the error survives.
 */
import { randomValues, seededRandom } from './dense-net';
import { lstmBackward, lstmGates, type LstmWeights } from './lstm';
import { hiddenGradientNorms, traceRnn, type RnnActivation } from './rnn';

/** Settings of the view. */
export interface GradientFlowSettings {
  readonly steps: number;
  readonly units: number;
  readonly inputs: number;
  /** Weights are uniform in [−scale, scale]. */
  readonly scale: number;
  /** The LSTM's forget-gate bias (Keras starts it at 1: unit_forget_bias). */
  readonly forgetBias: number;
  readonly seed: number;
}

export const GRADIENT_FLOW_DEFAULTS: GradientFlowSettings = {
  steps: 30,
  units: 4,
  inputs: 2,
  // Seed 3 at scale 1.2 shows all three behaviours at once (see the figures in lstm.test.ts).
  scale: 1.2,
  forgetBias: 3,
  seed: 3,
};

/** Largest sequence the view draws. */
export const MAX_GRADIENT_FLOW_STEPS = 100;

export type GradientFlowSeries = 'tanh' | 'relu' | 'lstm';

/** ‖∂L/∂hₜ‖ for t = 1…T of each network, plus the random sequence and weights used. */
export interface GradientFlow {
  readonly norms: Readonly<Record<GradientFlowSeries, readonly number[]>>;
}

const matrix = (rows: number, cols: number, r: () => number, scale: number) =>
  Array.from({ length: rows }, () => randomValues(cols, r, 6).map((v) => v * scale));

/** The random networks and sequence of `s` (the same seed always gives the same ones). */
export function gradientFlowNetworks(s: GradientFlowSettings) {
  const r = seededRandom(s.seed);
  const { units: m, inputs: n, steps: T, scale } = s;
  const xs = matrix(T, n, r, 1);
  const y = randomValues(m, r, 6).map((v) => v * 0.5);
  const rnn = { W: matrix(m, n, r, scale), U: matrix(m, m, r, scale), b: matrix(1, m, r, 0.1)[0]! };
  const lstm = Object.fromEntries(
    lstmGates.map((g) => [
      g,
      {
        W: matrix(m, n, r, scale),
        U: matrix(m, m, r, scale),
        b: matrix(1, m, r, 0.1)[0]!.map((v) => (g === 'f' ? v + s.forgetBias : v)),
      },
    ]),
  ) as unknown as LstmWeights;
  return { xs, y, rnn, lstm };
}

/** Computes the three curves. */
export function gradientFlow(s: GradientFlowSettings): GradientFlow {
  const { xs, y, rnn, lstm } = gradientFlowNetworks(s);
  const ys = xs.map((_, t) => (t === xs.length - 1 ? y : y.map(() => 0)));
  const rnnNorms = (activation: RnnActivation) =>
    hiddenGradientNorms(
      traceRnn({ ...rnn, activation, xs, ys, loss: 'half-sse', lossAt: 'last', eta: 0 }),
    );
  const l = lstmBackward(lstm, xs, y);
  return {
    norms: {
      tanh: rnnNorms('tanh'),
      relu: rnnNorms('relu'),
      lstm: l.dh.map((v) => Math.sqrt(v.reduce((a, x) => a + x * x, 0))),
    },
  };
}
