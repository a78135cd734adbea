/**
 * A SimpleRNN by hand: hₜ = g(W·xₜ + U·hₜ₋₁ + b) over a few time steps, then
 * backpropagation through time (BPTT), exactly, in float64.
 *
 * Layout (the slides' matrix notation, not Keras's): W[j][i] is the weight from input i
 * to hidden unit j, U[j][k] from hidden unit k at t−1 to hidden unit j at t, b[j] the bias.
 * Keras's SimpleRNN stores the transposes (kernel = Wᵀ [in, units], recurrent_kernel = Uᵀ).
 * h₀ = 0, as in Keras. The loss compares hₜ with the typed targets yₜ, on the last step
 * or summed over every step.
 *
 * Backward: ∂L/∂hₜ = (direct loss term at t) + Σₖ δₜ₊₁[k]·U[k][j] (what hₜ feeds at t+1);
 * δₜ = ∂L/∂hₜ · g′(aₜ); and every parameter's gradient is a sum over time steps,
 * ∂L/∂W[j][i] = Σₜ δₜ[j]·xₜ[i], ∂L/∂U[j][k] = Σₜ δₜ[j]·hₜ₋₁[k], ∂L/∂b[j] = Σₜ δₜ[j].
 */
import { err, ok, type Result } from '../result';
import { activations } from './activations';
import { lossGradient, lossValue } from './backprop';

/** Activations the RNN lab offers (tanh is SimpleRNN's default; ReLU shows exploding gradients). */
export type RnnActivation = 'tanh' | 'relu';
export const rnnActivations: readonly RnnActivation[] = ['tanh', 'relu'];

/** Squared-error losses per step (the hidden state is in (−1, 1) for tanh, so no cross-entropy). */
export type RnnLoss = 'half-sse' | 'mean-sse' | 'sse';
export const rnnLosses: readonly RnnLoss[] = ['half-sse', 'mean-sse', 'sse'];

/** Where the loss is taken: on the last step only, or summed over every step. */
export type RnnLossAt = 'last' | 'every';
export const rnnLossAts: readonly RnnLossAt[] = ['last', 'every'];

/** Limits of a hand-sized RNN. */
export const RNN_LIMITS = { maxInputs: 4, maxUnits: 4, maxSteps: 8 } as const;

type Matrix = readonly (readonly number[])[];

/** One sequence on a SimpleRNN, with the step size. */
export interface RnnProblem {
  /** W[j][i], units × inputs. */
  readonly W: Matrix;
  /** U[j][k], units × units. */
  readonly U: Matrix;
  /** b[j]. */
  readonly b: readonly number[];
  readonly activation: RnnActivation;
  /** xs[t][i], steps × inputs (t = 0 is time step 1). */
  readonly xs: Matrix;
  /** ys[t][j], steps × units; with `lossAt: 'last'` only the last row is used. */
  readonly ys: Matrix;
  readonly loss: RnnLoss;
  readonly lossAt: RnnLossAt;
  readonly eta: number;
}

/** A product in a weighted sum: `weight`·`source`. */
export interface RnnTerm {
  readonly weight: string;
  readonly w: number;
  readonly source: string;
  readonly a: number;
}

/** Hidden unit j at time t (t 1-based in names). */
export interface RnnUnitForward {
  readonly t: number;
  readonly j: number;
  /** W·xₜ terms, then U·hₜ₋₁ terms. */
  readonly inputTerms: readonly RnnTerm[];
  readonly recurrentTerms: readonly RnnTerm[];
  readonly bias: number;
  /** aₜ[j] = Σ terms + b[j]. */
  readonly a: number;
  /** hₜ[j] = g(aₜ[j]). */
  readonly h: number;
}

/** Backward values of hidden unit j at time t. */
export interface RnnUnitError {
  readonly t: number;
  readonly j: number;
  /** ∂L/∂hₜ[j] from the loss at step t itself (0 when there is no loss at t). */
  readonly direct: number;
  /** δₜ₊₁[k]·U[k][j] terms: what hₜ[j] contributes through step t+1. */
  readonly through: readonly { readonly k: number; readonly delta: number; readonly u: number }[];
  /** ∂L/∂hₜ[j] = direct + Σ through. */
  readonly dLdh: number;
  /** g′(aₜ[j]). */
  readonly dhda: number;
  /** δₜ[j] = ∂L/∂aₜ[j]. */
  readonly delta: number;
}

/** The gradient of one parameter as its sum over time steps. */
export interface RnnParameterGradient {
  readonly name: string;
  readonly matrix: 'W' | 'U' | 'b';
  /** Row (hidden unit) and column (input or hidden unit; 0 for b), 0-based. */
  readonly row: number;
  readonly col: number;
  readonly value: number;
  /** One term per time step: δₜ[row] · factor (xₜ[col], hₜ₋₁[col] or 1). */
  readonly terms: readonly {
    readonly t: number;
    readonly delta: number;
    readonly factor: number;
  }[];
  readonly gradient: number;
  readonly updated: number;
}

/** The whole trace: forward per step and unit, BPTT per step and unit, gradients, update. */
export interface RnnTrace {
  readonly problem: RnnProblem;
  /** forward[t][j] for t = 0…T−1 (time steps 1…T). */
  readonly forward: readonly (readonly RnnUnitForward[])[];
  /** hs[t] = hₜ, with hs[0] = h₀ = 0 (so hs has T+1 rows). */
  readonly hs: readonly (readonly number[])[];
  /** Loss of each step (0 where there is none) and the total. */
  readonly stepLosses: readonly number[];
  readonly loss: number;
  /** errors[t][j], same indexing as forward. */
  readonly errors: readonly (readonly RnnUnitError[])[];
  /** W row by row, then U row by row, then b. */
  readonly gradients: readonly RnnParameterGradient[];
  readonly lossAfter: number;
}

/** Why an RNN problem cannot be traced. */
export type RnnErrorCode = 'rnn-bad-size' | 'rnn-shape-mismatch' | 'rnn-non-finite';

/** Parameter names, as on the lab and in the answer key: W[1,2], U[2,1], b[1] (1-based). */
export const rnnParamName = (matrix: 'W' | 'U' | 'b', row: number, col: number): string =>
  matrix === 'b' ? `b[${row + 1}]` : `${matrix}[${row + 1},${col + 1}]`;
/** hₜ[j] written h_t[j]; t = 0 is h₀. */
export const hName = (t: number, j: number): string => `h${t}[${j + 1}]`;
export const xName = (t: number, i: number): string => `x${t}[${i + 1}]`;

/** Checks sizes and numbers before tracing. */
export function validateRnnProblem(
  p: RnnProblem,
): Result<true, { code: RnnErrorCode; message: string }> {
  const m = p.W.length;
  const n = p.W[0]?.length ?? 0;
  const T = p.xs.length;
  if (
    m < 1 ||
    m > RNN_LIMITS.maxUnits ||
    n < 1 ||
    n > RNN_LIMITS.maxInputs ||
    T < 1 ||
    T > RNN_LIMITS.maxSteps
  )
    return err({ code: 'rnn-bad-size', message: 'sizes out of range' });
  const rows = (M: Matrix, r: number, c: number) =>
    M.length === r && M.every((row) => row.length === c);
  if (
    !rows(p.W, m, n) ||
    !rows(p.U, m, m) ||
    p.b.length !== m ||
    !rows(p.xs, T, n) ||
    !rows(p.ys, T, m)
  )
    return err({ code: 'rnn-shape-mismatch', message: 'matrices do not match the sizes' });
  const all = [...p.W.flat(), ...p.U.flat(), ...p.b, ...p.xs.flat(), ...p.ys.flat(), p.eta];
  if (!all.every(Number.isFinite))
    return err({ code: 'rnn-non-finite', message: 'a number is missing or not finite' });
  return ok(true);
}

/** Whether step t (0-based) carries a loss. */
export const hasLossAt = (p: RnnProblem, t: number): boolean =>
  p.lossAt === 'every' || t === p.xs.length - 1;

/** Runs the RNN forward; returns the per-unit records and h₀…h_T. */
export function rnnForward(p: RnnProblem): {
  forward: RnnUnitForward[][];
  hs: number[][];
} {
  const g = activations[p.activation];
  const m = p.W.length;
  const hs: number[][] = [Array.from({ length: m }, () => 0)];
  const forward: RnnUnitForward[][] = [];
  p.xs.forEach((x, t) => {
    const prev = hs[t] ?? [];
    const units = Array.from({ length: m }, (_, j): RnnUnitForward => {
      const inputTerms = x.map((xi, i) => ({
        weight: rnnParamName('W', j, i),
        w: p.W[j]?.[i] ?? 0,
        source: xName(t + 1, i),
        a: xi,
      }));
      const recurrentTerms = prev.map((hk, k) => ({
        weight: rnnParamName('U', j, k),
        w: p.U[j]?.[k] ?? 0,
        source: hName(t, k),
        a: hk,
      }));
      const bias = p.b[j] ?? 0;
      const a = [...inputTerms, ...recurrentTerms].reduce((s, term) => s + term.w * term.a, bias);
      return { t: t + 1, j, inputTerms, recurrentTerms, bias, a, h: g.f(a) };
    });
    forward.push(units);
    hs.push(units.map((u) => u.h));
  });
  return { forward, hs };
}

function lossesOf(p: RnnProblem, hs: readonly (readonly number[])[]): number[] {
  return p.xs.map((_, t) =>
    hasLossAt(p, t) ? lossValue(p.loss, hs[t + 1] ?? [], p.ys[t] ?? []) : 0,
  );
}

/** Loss of the problem with its current parameters (forward only). */
export function rnnLoss(p: RnnProblem): number {
  return lossesOf(p, rnnForward(p).hs).reduce((s, v) => s + v, 0);
}

/** Forward, BPTT and the update. Call `validateRnnProblem` first. */
export function traceRnn(p: RnnProblem): RnnTrace {
  const g = activations[p.activation];
  const { forward, hs } = rnnForward(p);
  const T = p.xs.length;
  const m = p.W.length;
  const stepLosses = lossesOf(p, hs);
  const loss = stepLosses.reduce((s, v) => s + v, 0);

  const errors: RnnUnitError[][] = Array.from({ length: T }, () => []);
  for (let t = T - 1; t >= 0; t--) {
    const next = t + 1 < T ? (errors[t + 1] ?? []) : [];
    errors[t] = (forward[t] ?? []).map((u, j) => {
      const direct = hasLossAt(p, t) ? lossGradient(p.loss, u.h, p.ys[t]?.[j] ?? 0, m) : 0;
      const through = next.map((e, k) => ({ k, delta: e.delta, u: p.U[k]?.[j] ?? 0 }));
      const dLdh = through.reduce((s, x) => s + x.delta * x.u, direct);
      const dhda = g.df(u.a);
      return { t: t + 1, j, direct, through, dLdh, dhda, delta: dLdh * dhda };
    });
  }

  const delta = (t: number, j: number) => errors[t]?.[j]?.delta ?? 0;
  const gradients: RnnParameterGradient[] = [];
  const add = (
    matrix: 'W' | 'U' | 'b',
    row: number,
    col: number,
    value: number,
    factor: (t: number) => number,
  ) => {
    const terms = Array.from({ length: T }, (_, t) => ({
      t: t + 1,
      delta: delta(t, row),
      factor: factor(t),
    }));
    const gradient = terms.reduce((s, x) => s + x.delta * x.factor, 0);
    gradients.push({
      name: rnnParamName(matrix, row, col),
      matrix,
      row,
      col,
      value,
      terms,
      gradient,
      updated: value - p.eta * gradient,
    });
  };
  p.W.forEach((r, j) => r.forEach((w, i) => add('W', j, i, w, (t) => p.xs[t]?.[i] ?? 0)));
  p.U.forEach((r, j) => r.forEach((u, k) => add('U', j, k, u, (t) => hs[t]?.[k] ?? 0)));
  p.b.forEach((v, j) => add('b', j, 0, v, () => 1));

  return {
    problem: p,
    forward,
    hs,
    stepLosses,
    loss,
    errors,
    gradients,
    lossAfter: rnnLoss(updatedRnnProblem(p, gradients)),
  };
}

/** The problem with every parameter replaced by its updated value. */
export function updatedRnnProblem(
  p: RnnProblem,
  gradients: readonly RnnParameterGradient[],
): RnnProblem {
  const by = new Map(gradients.map((g) => [g.name, g.updated]));
  return {
    ...p,
    W: p.W.map((r, j) => r.map((w, i) => by.get(rnnParamName('W', j, i)) ?? w)),
    U: p.U.map((r, j) => r.map((u, k) => by.get(rnnParamName('U', j, k)) ?? u)),
    b: p.b.map((v, j) => by.get(rnnParamName('b', j, 0)) ?? v),
  };
}

/** ‖∂L/∂hₜ‖ (Euclidean) for each step t = 1…T: how much of the error reaches each step. */
export function hiddenGradientNorms(trace: RnnTrace): number[] {
  return trace.errors.map((row) => Math.sqrt(row.reduce((s, e) => s + e.dLdh * e.dLdh, 0)));
}
