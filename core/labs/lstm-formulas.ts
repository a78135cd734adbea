/**
 * The LSTM cell step by step, for the hand-mode lab: each gate's weighted sum with
 * every product, its σ or tanh, then cₜ and hₜ — as `FormulaLine`s like backprop's.
 * Notation: gates iₜ, fₜ, oₜ, candidate c̃ₜ, cell cₜ, hidden hₜ (c0 = h0 = 0).
 */
import type { FormulaLine } from './backprop-formulas';
import { formatFactor as ff, formatNumber as fn } from './format';
import { lstmForward, type LstmGate, type LstmStep, type LstmWeights } from './lstm';

const SYMBOL: Record<LstmGate, string> = { i: 'i', f: 'f', c: 'c̃', o: 'o' };

/** All lines of time step t (1-based) for hidden unit j (0-based). */
export function lstmStepFormulas(
  w: LstmWeights,
  xs: readonly (readonly number[])[],
  steps: readonly LstmStep[],
  t: number,
  j: number,
  d: number,
): { gate: LstmGate | 'cell' | 'h'; sum?: FormulaLine; line: FormulaLine }[] {
  const s = steps[t - 1];
  if (!s) return [];
  const x = xs[t - 1] ?? [];
  const hPrev = steps[t - 2]?.h ?? Array.from({ length: w.i.b.length }, () => 0);
  const cPrev = steps[t - 2]?.cell[j] ?? 0;
  const u = `[${j + 1}]`;
  const out: { gate: LstmGate | 'cell' | 'h'; sum?: FormulaLine; line: FormulaLine }[] = [];
  for (const g of ['f', 'i', 'c', 'o'] as const) {
    const W = w[g].W[j] ?? [];
    const U = w[g].U[j] ?? [];
    const b = w[g].b[j] ?? 0;
    const a =
      W.reduce((acc, v, k) => acc + v * (x[k] ?? 0), b) +
      U.reduce((acc, v, k) => acc + v * (hPrev[k] ?? 0), 0);
    const sym = [
      ...W.map((_, k) => `W_${g}[${j + 1},${k + 1}]·x${t}[${k + 1}]`),
      ...U.map((_, k) => `U_${g}[${j + 1},${k + 1}]·h${t - 1}[${k + 1}]`),
      `b_${g}${u}`,
    ];
    const num = [
      ...W.map((v, k) => `${ff(v, d)}·${ff(x[k] ?? 0, d)}`),
      ...U.map((v, k) => `${ff(v, d)}·${ff(hPrev[k] ?? 0, d)}`),
      ff(b, d),
    ];
    const f = g === 'c' ? 'tanh' : 'σ';
    out.push({
      gate: g,
      sum: {
        lhs: `z_${g}${t}${u}`,
        symbolic: sym.join(' + '),
        substituted: num.join(' + '),
        result: fn(a, d),
      },
      line: {
        lhs: `${SYMBOL[g]}${t}${u}`,
        symbolic: `${f}(z_${g}${t}${u})`,
        substituted: `${f}(${fn(a, d)})`,
        result: fn(s[g][j] ?? 0, d),
      },
    });
  }
  out.push({
    gate: 'cell',
    line: {
      lhs: `c${t}${u}`,
      symbolic: `f${t}${u}·c${t - 1}${u} + i${t}${u}·c̃${t}${u}`,
      substituted: `${ff(s.f[j] ?? 0, d)}·${ff(cPrev, d)} + ${ff(s.i[j] ?? 0, d)}·${ff(s.c[j] ?? 0, d)}`,
      result: fn(s.cell[j] ?? 0, d),
    },
  });
  out.push({
    gate: 'h',
    line: {
      lhs: `h${t}${u}`,
      symbolic: `o${t}${u}·tanh(c${t}${u})`,
      substituted: `${ff(s.o[j] ?? 0, d)}·tanh(${fn(s.cell[j] ?? 0, d)})`,
      result: fn(s.h[j] ?? 0, d),
    },
  });
  return out;
}

/** Convenience: forward pass plus the lines of step t, unit j. */
export function lstmHandStep(
  w: LstmWeights,
  xs: readonly (readonly number[])[],
  t: number,
  j: number,
  d: number,
) {
  const steps = lstmForward(w, xs);
  return { steps, lines: lstmStepFormulas(w, xs, steps, t, j, d) };
}
