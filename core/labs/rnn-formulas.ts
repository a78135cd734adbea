/**
 * The formulas of an RNN trace, with symbols and with the numbers substituted,
 * for the lab screen and the answer key (the same `FormulaLine` as backprop).
 * Notation: xₜ[i], hₜ[j] (h0 = 0), aₜ[j] the weighted sum before g, δₜ[j] = ∂L/∂aₜ[j].
 */
import type { FormulaLine } from './backprop-formulas';
import { formatFactor as ff, formatNumber as fn } from './format';
import {
  hName,
  type RnnParameterGradient,
  type RnnTrace,
  type RnnUnitError,
  type RnnUnitForward,
} from './rnn';

const aName = (t: number, j: number) => `a${t}[${j + 1}]`;
const dName = (t: number, j: number) => `δ${t}[${j + 1}]`;
const yName = (t: number, j: number) => `y${t}[${j + 1}]`;
const G = { tanh: 'tanh', relu: 'ReLU' } as const;

/** aₜ[j] = Σᵢ W[j,i]·xₜ[i] + Σₖ U[j,k]·hₜ₋₁[k] + b[j], every product written out. */
export function rnnSumFormula(u: RnnUnitForward, d: number): FormulaLine {
  const terms = [...u.inputTerms, ...u.recurrentTerms];
  return {
    lhs: aName(u.t, u.j),
    symbolic: [...terms.map((x) => `${x.weight}·${x.source}`), `b[${u.j + 1}]`].join(' + '),
    substituted: [...terms.map((x) => `${ff(x.w, d)}·${ff(x.a, d)}`), ff(u.bias, d)].join(' + '),
    result: fn(u.a, d),
  };
}

/** hₜ[j] = g(aₜ[j]). */
export function rnnActivationFormula(t: RnnTrace, u: RnnUnitForward, d: number): FormulaLine {
  const g = G[t.problem.activation];
  return {
    lhs: hName(u.t, u.j),
    symbolic: `${g}(${aName(u.t, u.j)})`,
    substituted: `${g}(${fn(u.a, d)})`,
    result: fn(u.h, d),
  };
}

/** The loss of step t (1-based) on all hidden units. */
export function rnnStepLossFormula(tr: RnnTrace, t: number, d: number): FormulaLine {
  const { loss, ys } = tr.problem;
  const m = tr.problem.W.length;
  const pre = loss === 'half-sse' ? '1/2·' : loss === 'mean-sse' ? `1/${m}·` : '';
  const idx = Array.from({ length: m }, (_, j) => j);
  return {
    lhs: `L${t}`,
    symbolic: `${pre}[${idx.map((j) => `(${hName(t, j)} − ${yName(t, j)})²`).join(' + ')}]`,
    substituted: `${pre}[${idx.map((j) => `(${fn(tr.hs[t]?.[j] ?? 0, d)} − ${fn(ys[t - 1]?.[j] ?? 0, d)})²`).join(' + ')}]`,
    result: fn(tr.stepLosses[t - 1] ?? 0, d),
  };
}

/** L = Σ of the step losses (just L_T when the loss is on the last step). */
export function rnnTotalLossFormula(tr: RnnTrace, d: number): FormulaLine {
  const steps = tr.stepLosses
    .map((_, i) => i + 1)
    .filter((t) => tr.problem.lossAt === 'every' || t === tr.stepLosses.length);
  return {
    lhs: 'L',
    symbolic: steps.map((t) => `L${t}`).join(' + '),
    substituted: steps.map((t) => fn(tr.stepLosses[t - 1] ?? 0, d)).join(' + '),
    result: fn(tr.loss, d),
  };
}

/** ∂L/∂hₜ[j] = (loss at t) + Σₖ δₜ₊₁[k]·U[k,j]. */
export function rnnDLdhFormula(tr: RnnTrace, e: RnnUnitError, d: number): FormulaLine {
  const m = tr.problem.W.length;
  const c = tr.problem.loss === 'half-sse' ? '' : tr.problem.loss === 'mean-sse' ? `2/${m}·` : '2·';
  const hasDirect = tr.problem.lossAt === 'every' || e.t === tr.forward.length;
  const sym: string[] = [];
  const num: string[] = [];
  if (hasDirect) {
    sym.push(`${c}(${hName(e.t, e.j)} − ${yName(e.t, e.j)})`);
    num.push(
      `${c}(${fn(tr.hs[e.t]?.[e.j] ?? 0, d)} − ${fn(tr.problem.ys[e.t - 1]?.[e.j] ?? 0, d)})`,
    );
  }
  for (const x of e.through) {
    sym.push(`${dName(e.t + 1, x.k)}·U[${x.k + 1},${e.j + 1}]`);
    num.push(`${ff(x.delta, d)}·${ff(x.u, d)}`);
  }
  return {
    lhs: `∂L/∂${hName(e.t, e.j)}`,
    symbolic: sym.join(' + ') || '0',
    substituted: num.join(' + ') || '0',
    result: fn(e.dLdh, d),
  };
}

/** δₜ[j] = ∂L/∂hₜ[j] · g′(aₜ[j]) (tanh′ = 1 − h², ReLU′ = 1 if a > 0 else 0). */
export function rnnDeltaFormula(tr: RnnTrace, e: RnnUnitError, d: number): FormulaLine {
  const h = hName(e.t, e.j);
  const tanh = tr.problem.activation === 'tanh';
  const value = tanh
    ? `(1 − ${fn(tr.hs[e.t]?.[e.j] ?? 0, d)}²)`
    : `[${fn(tr.forward[e.t - 1]?.[e.j]?.a ?? 0, d)} > 0]`;
  return {
    lhs: dName(e.t, e.j),
    symbolic: `∂L/∂${h} · ${tanh ? `(1 − ${h}²)` : `[${aName(e.t, e.j)} > 0]`}`,
    substituted: `${ff(e.dLdh, d)} · ${value}`,
    result: fn(e.delta, d),
  };
}

/** ∂L/∂p = Σₜ δₜ[row]·(xₜ[col] | hₜ₋₁[col] | 1): one term per time step. */
export function rnnGradientFormula(g: RnnParameterGradient, d: number): FormulaLine {
  const factor = (t: number) =>
    g.matrix === 'W' ? `x${t}[${g.col + 1}]` : g.matrix === 'U' ? hName(t - 1, g.col) : '1';
  return {
    lhs: `∂L/∂${g.name}`,
    symbolic: g.terms
      .map((x) => (g.matrix === 'b' ? dName(x.t, g.row) : `${dName(x.t, g.row)}·${factor(x.t)}`))
      .join(' + '),
    substituted: g.terms
      .map((x) => (g.matrix === 'b' ? ff(x.delta, d) : `${ff(x.delta, d)}·${ff(x.factor, d)}`))
      .join(' + '),
    result: fn(g.gradient, d),
  };
}

/** p′ = p − η·∂L/∂p. */
export function rnnUpdateFormula(tr: RnnTrace, g: RnnParameterGradient, d: number): FormulaLine {
  return {
    lhs: `${g.name}′`,
    symbolic: `${g.name} − η·∂L/∂${g.name}`,
    substituted: `${fn(g.value, d)} − ${fn(tr.problem.eta, d)}·${ff(g.gradient, d)}`,
    result: fn(g.updated, d),
  };
}
