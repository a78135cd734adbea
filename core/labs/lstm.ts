/**
 * An LSTM cell over a sequence, forward and backward, exactly in float64 — the
 * arithmetic behind the gradient-flow view (and the LSTM hand lab to come).
 *
 * Gates in Keras order i, f, c, o, each with its own W_g (units × inputs),
 * U_g (units × units) and b_g, in the slides' matrix layout; Keras's kernel is
 * [W_iᵀ W_fᵀ W_cᵀ W_oᵀ] ([inputs, 4·units]), recurrent_kernel the same with U, bias [b_i b_f b_c b_o].
 *
 *   iₜ = σ(W_i·xₜ + U_i·hₜ₋₁ + b_i)   fₜ = σ(W_f·xₜ + U_f·hₜ₋₁ + b_f)
 *   c̃ₜ = tanh(W_c·xₜ + U_c·hₜ₋₁ + b_c) oₜ = σ(W_o·xₜ + U_o·hₜ₋₁ + b_o)
 *   cₜ = fₜ⊙cₜ₋₁ + iₜ⊙c̃ₜ              hₜ = oₜ⊙tanh(cₜ),   h₀ = c₀ = 0.
 */
import { sigmoid } from './activations';

/** Gate names in Keras's order. */
export type LstmGate = 'i' | 'f' | 'c' | 'o';
export const lstmGates: readonly LstmGate[] = ['i', 'f', 'c', 'o'];

type Matrix = readonly (readonly number[])[];

/** Weights of one gate. */
export interface LstmGateWeights {
  readonly W: Matrix;
  readonly U: Matrix;
  readonly b: readonly number[];
}

export type LstmWeights = Readonly<Record<LstmGate, LstmGateWeights>>;

/** One step: gate values, cell and hidden state per unit. */
export interface LstmStep {
  readonly i: readonly number[];
  readonly f: readonly number[];
  /** The candidate c̃ₜ. */
  readonly c: readonly number[];
  readonly o: readonly number[];
  readonly cell: readonly number[];
  readonly h: readonly number[];
}

const matVec = (M: Matrix, v: readonly number[]) =>
  M.map((row) => row.reduce((s, w, k) => s + w * (v[k] ?? 0), 0));

/** Runs the LSTM over `xs`; steps[t] is time step t+1. */
export function lstmForward(w: LstmWeights, xs: Matrix): LstmStep[] {
  const m = w.i.b.length;
  let h: readonly number[] = Array.from({ length: m }, () => 0);
  let cell: readonly number[] = h;
  const steps: LstmStep[] = [];
  for (const x of xs) {
    const pre = (g: LstmGate) => {
      const wx = matVec(w[g].W, x);
      const uh = matVec(w[g].U, h);
      return wx.map((v, j) => v + (uh[j] ?? 0) + (w[g].b[j] ?? 0));
    };
    const i = pre('i').map(sigmoid);
    const f = pre('f').map(sigmoid);
    const c = pre('c').map(Math.tanh);
    const o = pre('o').map(sigmoid);
    const prevCell = cell;
    cell = c.map((cj, j) => (f[j] ?? 0) * (prevCell[j] ?? 0) + (i[j] ?? 0) * cj);
    h = cell.map((cj, j) => (o[j] ?? 0) * Math.tanh(cj));
    steps.push({ i, f, c, o, cell, h });
  }
  return steps;
}

/** Gradients of an LSTM for L = ½Σ(h_T − y)² on the last step. */
export interface LstmGradients {
  readonly loss: number;
  /** ∂L/∂hₜ for t = 1…T (hₜ as the input of step t+1, as in the RNN lab). */
  readonly dh: readonly (readonly number[])[];
  /** ∂L/∂cₜ for t = 1…T. */
  readonly dc: readonly (readonly number[])[];
  readonly weights: Readonly<Record<LstmGate, { W: number[][]; U: number[][]; b: number[] }>>;
}

/** Backpropagation through time for the LSTM, loss ½Σ(h_T − y)² on the last step. */
export function lstmBackward(w: LstmWeights, xs: Matrix, y: readonly number[]): LstmGradients {
  const steps = lstmForward(w, xs);
  const T = steps.length;
  const m = w.i.b.length;
  const zeros = () => Array.from({ length: m }, () => 0);
  const last = steps[T - 1]?.h ?? [];
  const loss = last.reduce((s, h, j) => s + 0.5 * (h - (y[j] ?? 0)) ** 2, 0);
  const grads = Object.fromEntries(
    lstmGates.map((g) => [
      g,
      {
        W: w[g].W.map((r) => r.map(() => 0)),
        U: w[g].U.map((r) => r.map(() => 0)),
        b: zeros(),
      },
    ]),
  ) as Record<LstmGate, { W: number[][]; U: number[][]; b: number[] }>;
  const dhs: number[][] = Array.from({ length: T }, zeros);
  const dcs: number[][] = Array.from({ length: T }, zeros);
  let dh = last.map((h, j) => h - (y[j] ?? 0));
  let dcNext = zeros();
  for (let t = T - 1; t >= 0; t--) {
    const s = steps[t]!;
    const prevCell = steps[t - 1]?.cell ?? zeros();
    const prevH = steps[t - 1]?.h ?? zeros();
    dhs[t] = dh;
    const tc = s.cell.map(Math.tanh);
    const dc = dcNext.map((v, j) => v + dh[j]! * s.o[j]! * (1 - tc[j]! ** 2));
    dcs[t] = dc;
    const da: Record<LstmGate, number[]> = {
      i: dc.map((v, j) => v * s.c[j]! * s.i[j]! * (1 - s.i[j]!)),
      f: dc.map((v, j) => v * prevCell[j]! * s.f[j]! * (1 - s.f[j]!)),
      c: dc.map((v, j) => v * s.i[j]! * (1 - s.c[j]! ** 2)),
      o: dh.map((v, j) => v * tc[j]! * s.o[j]! * (1 - s.o[j]!)),
    };
    const x = xs[t] ?? [];
    const dhPrev = zeros();
    for (const g of lstmGates) {
      const G = grads[g];
      da[g].forEach((d, j) => {
        G.b[j]! += d;
        x.forEach((xi, k) => (G.W[j]![k]! += d * xi));
        prevH.forEach((hk, k) => {
          G.U[j]![k]! += d * hk;
          dhPrev[k]! += d * (w[g].U[j]?.[k] ?? 0);
        });
      });
    }
    dh = dhPrev;
    dcNext = dc.map((v, j) => v * s.f[j]!);
  }
  return { loss, dh: dhs, dc: dcs, weights: grads };
}
