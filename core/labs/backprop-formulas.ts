/**
 * The formulas of a backprop trace, written out with symbols and with the numbers
 * substituted, for the lab screen and the answer key. Mathematical notation only;
 * the words around it are translated by the caller.
 *
 * Outputs are written ŷ1… (Out of o1…), inputs x1…, as on the course slides.
 */
import type { ActivationName } from './activations';
import type {
  BackpropTrace,
  BackpropLoss,
  ParameterGradient,
  UnitError,
  UnitForward,
} from './backprop';
import { formatFactor as ff, formatNumber as fn } from './format';

/** One line `lhs = symbolic = substituted = result`. */
export interface FormulaLine {
  readonly lhs: string;
  readonly symbolic: string;
  readonly substituted: string;
  readonly result: string;
}

/** A place where the course slides write something other than what the lab computes. */
export interface SlideNote {
  /**
   * `slide-dl-dyhat`: slides write ∂L/∂ŷ = ŷ − y, exact only for ½Σ; here it is `factor`·(ŷ − y).
   * `slide-hidden-sum`: slides write the sum of output-weight gradients (`slideForm`) where the
   * exact chain sums δ·w over the units this unit feeds (`exactForm`).
   */
  readonly code: SlideNoteCode;
  readonly unit: string;
  readonly slideForm: string;
  readonly exactForm: string;
  /**
   * `slide-literal` only: the weight, its ∂L/∂w when the slide is read literally (its δ7 is
   * ∂L/∂w7 = δ_o1·Out_h1, so Out_h1 stands where w7 belongs), and the exact value.
   */
  readonly literal?: { readonly weight: string; readonly slide: number; readonly exact: number };
}

/**
 * `slide-literal`: the slide's hidden sum read literally (`slideForm`, Out in place of each
 * outgoing weight) against the exact sum (`exactForm`), with the two gradients in `literal`.
 * `slide-factor-hidden`: the loss's factor (⅔ for ⅓Σ) in ∂L/∂ŷ reaches the hidden weights too,
 * through every δ_o (`slideForm` is the factor, `exactForm` the δ_o it enters).
 * `delta-meanings`: the slides' δ7 is a weight's gradient ∂L/∂w7 (`slideForm`), the lab's δ_o1 a
 * unit's error term ∂L/∂In_o1 (`exactForm`); both on one line so the two are not confused.
 */
export type SlideNoteCode =
  | 'slide-dl-dyhat'
  | 'slide-hidden-sum'
  | 'slide-literal'
  | 'slide-factor-hidden'
  | 'delta-meanings';

const isOutput = (t: BackpropTrace, layer: number): boolean =>
  layer === t.problem.net.layerSizes.length - 1;

/** Display symbol of a unit's output: ŷ1 for o1, x1 for x1, Out_h1 otherwise. */
export function outSymbol(
  t: BackpropTrace,
  unit: { name: string; layer: number; index: number },
): string {
  if (unit.layer === 0) return unit.name;
  return isOutput(t, unit.layer) ? `ŷ${unit.index + 1}` : `Out_${unit.name}`;
}

const G_SYMBOL: Record<ActivationName, string> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'LeakyReLU',
  elu: 'ELU',
  linear: 'linear',
};

/** The coefficient c in ∂L/∂ŷ = c(ŷ − y) for squared-error losses ('' for 1). */
function lossCoefficient(loss: BackpropLoss, n: number): string {
  return loss === 'mean-sse' ? `2/${n}·` : loss === 'sse' ? '2·' : '';
}

/** In_u = Σ w·a (+ b). */
export function inFormula(t: BackpropTrace, u: UnitForward, d: number): FormulaLine {
  const sym = u.terms.map((term) => `${term.weight}·${symbolOf(t, term.source)}`);
  const num = u.terms.map((term) => `${ff(term.w, d)}·${ff(term.a, d)}`);
  if (u.bias) {
    sym.push(u.bias.name);
    num.push(ff(u.bias.value, d));
  }
  return {
    lhs: `In_${u.name}`,
    symbolic: sym.join(' + '),
    substituted: num.join(' + '),
    result: fn(u.In, d),
  };
}

/** Out_u = g(In_u). */
export function outFormula(t: BackpropTrace, u: UnitForward, d: number): FormulaLine {
  const g = G_SYMBOL[t.problem.net.activations[u.layer - 1] ?? 'linear'];
  return {
    lhs: outSymbol(t, u),
    symbolic: `${g}(In_${u.name})`,
    substituted: `${g}(${fn(u.In, d)})`,
    result: fn(u.Out, d),
  };
}

function symbolOf(t: BackpropTrace, name: string): string {
  for (const layer of t.forward) for (const u of layer) if (u.name === name) return outSymbol(t, u);
  return name;
}

/** L for the chosen loss, over all outputs. */
export function lossFormula(t: BackpropTrace, d: number): FormulaLine {
  const { loss, targets } = t.problem;
  const n = t.predictions.length;
  const idx = t.predictions.map((_, i) => i + 1);
  const pre =
    loss === 'half-sse'
      ? '1/2·'
      : loss === 'mean-sse' || loss === 'binary-cross-entropy'
        ? `1/${n}·`
        : '';
  if (loss === 'binary-cross-entropy') {
    return {
      lhs: 'L',
      symbolic: `-${pre}[${idx.map((i) => `y${i}·ln ŷ${i} + (1 − y${i})·ln(1 − ŷ${i})`).join(' + ')}]`,
      substituted: `-${pre}[${t.predictions.map((p, i) => `${ff(targets[i] ?? 0, d)}·ln ${fn(p, d)} + (1 − ${fn(targets[i] ?? 0, d)})·ln(1 − ${fn(p, d)})`).join(' + ')}]`,
      result: fn(t.loss, d),
    };
  }
  return {
    lhs: 'L',
    symbolic: `${pre}[${idx.map((i) => `(ŷ${i} − y${i})²`).join(' + ')}]`,
    substituted: `${pre}[${t.predictions.map((p, i) => `(${fn(p, d)} − ${fn(targets[i] ?? 0, d)})²`).join(' + ')}]`,
    result: fn(t.loss, d),
  };
}

/** ∂L/∂Out of a unit: ∂L/∂ŷ for an output, Σ δ·w for a hidden unit. */
export function dLdOutFormula(t: BackpropTrace, e: UnitError, d: number): FormulaLine {
  const { loss, targets } = t.problem;
  const n = t.predictions.length;
  if (isOutput(t, e.layer)) {
    const i = e.index + 1;
    const yhat = t.predictions[e.index] ?? 0;
    const y = targets[e.index] ?? 0;
    if (loss === 'binary-cross-entropy') {
      return {
        lhs: `∂L/∂ŷ${i}`,
        symbolic: `(ŷ${i} − y${i}) / (${n}·ŷ${i}(1 − ŷ${i}))`,
        substituted: `(${fn(yhat, d)} − ${fn(y, d)}) / (${n}·${fn(yhat, d)}·(1 − ${fn(yhat, d)}))`,
        result: fn(e.dLdOut, d),
      };
    }
    const c = lossCoefficient(loss, n);
    return {
      lhs: `∂L/∂ŷ${i}`,
      symbolic: `${c}(ŷ${i} − y${i})`,
      substituted: `${c}(${fn(yhat, d)} − ${fn(y, d)})`,
      result: fn(e.dLdOut, d),
    };
  }
  return {
    lhs: `∂L/∂Out_${e.name}`,
    symbolic: e.downstream.map((k) => `δ_${k.unit}·${k.weight}`).join(' + '),
    substituted: e.downstream.map((k) => `${ff(k.delta, d)}·${ff(k.w, d)}`).join(' + '),
    result: fn(e.dLdOut, d),
  };
}

/** ∂Out/∂In = g′(In), in the course's form (σ′ = Out(1 − Out), tanh′ = 1 − Out²). */
export function dOutdInFormula(t: BackpropTrace, e: UnitError, d: number): FormulaLine {
  const u = t.forward[e.layer]?.[e.index];
  const out = outSymbol(t, e);
  const O = fn(u?.Out ?? 0, d);
  const I = fn(u?.In ?? 0, d);
  const act = t.problem.net.activations[e.layer - 1] ?? 'linear';
  const lhs = `∂${out}/∂In_${e.name}`;
  const forms: Record<ActivationName, [string, string]> = {
    sigmoid: [`${out}(1 − ${out})`, `${O}·(1 − ${O})`],
    tanh: [`1 − ${out}²`, `1 − ${O}²`],
    relu: [`1 if In_${e.name} > 0 else 0`, `In = ${I}`],
    leakyRelu: [`1 if In_${e.name} > 0 else 0.2`, `In = ${I}`],
    elu: [`1 if In_${e.name} > 0 else e^In_${e.name}`, `In = ${I}`],
    linear: ['1', '1'],
  };
  const [symbolic, substituted] = forms[act];
  return { lhs, symbolic, substituted, result: fn(e.dOutdIn, d) };
}

/** δ = ∂L/∂Out · ∂Out/∂In. */
export function deltaFormula(t: BackpropTrace, e: UnitError, d: number): FormulaLine {
  const out = outSymbol(t, e);
  const dl = isOutput(t, e.layer) ? `∂L/∂${out}` : `∂L/∂Out_${e.name}`;
  return {
    lhs: `δ_${e.name}`,
    symbolic: `${dl} · ∂${out}/∂In_${e.name}`,
    substituted: `${ff(e.dLdOut, d)} · ${ff(e.dOutdIn, d)}`,
    result: fn(e.delta, d),
  };
}

/** ∂L/∂w as the three chain-rule factors, then as δ·Out(source). */
export function gradientFormula(t: BackpropTrace, g: ParameterGradient, d: number): FormulaLine {
  const e = t.errors[g.layer]?.[t.forward[g.layer]?.findIndex((u) => u.name === g.to) ?? -1];
  const out = e ? outSymbol(t, e) : g.to;
  const dl = isOutput(t, g.layer) ? `∂L/∂${out}` : `∂L/∂Out_${g.to}`;
  const src = g.kind === 'bias' ? '1' : symbolOf(t, g.from);
  return {
    lhs: `∂L/∂${g.name}`,
    symbolic: `${dl} · ∂${out}/∂In_${g.to} · ∂In_${g.to}/∂${g.name} = ${dl} · ∂${out}/∂In_${g.to} · ${src}`,
    substituted: `${ff(g.dLdOut, d)} · ${ff(g.dOutdIn, d)} · ${ff(g.dIndW, d)}`,
    result: fn(g.gradient, d),
  };
}

/** w ← w − η·∂L/∂w. */
export function updateFormula(t: BackpropTrace, g: ParameterGradient, d: number): FormulaLine {
  return {
    lhs: `${g.name}′`,
    symbolic: `${g.name} − η·∂L/∂${g.name}`,
    substituted: `${fn(g.value, d)} − ${fn(t.problem.eta, d)}·${ff(g.gradient, d)}`,
    result: fn(g.updated, d),
  };
}

/** Slide-notation notes that apply to this parameter's step (empty when the slides are exact). */
export function slideNotes(t: BackpropTrace, g: ParameterGradient): SlideNote[] {
  const notes: SlideNote[] = [];
  const { loss } = t.problem;
  const n = t.predictions.length;
  if (isOutput(t, g.layer)) {
    const i = (t.forward[g.layer]?.findIndex((u) => u.name === g.to) ?? 0) + 1;
    if (g.kind === 'weight')
      notes.push({
        code: 'delta-meanings',
        unit: g.to,
        slideForm: `δ${g.name.slice(1)} = ∂L/∂${g.name} = δ_${g.to}·${symbolOf(t, g.from)}`,
        exactForm: `δ_${g.to} = ∂L/∂In_${g.to} = ∂L/∂ŷ${i}·∂ŷ${i}/∂In_${g.to}`,
      });
    if (loss === 'mean-sse' || loss === 'sse') {
      notes.push({
        code: 'slide-dl-dyhat',
        unit: g.to,
        slideForm: `∂L/∂ŷ${i} = ŷ${i} − y${i}`,
        exactForm: `∂L/∂ŷ${i} = ${lossCoefficient(loss, n)}(ŷ${i} − y${i})`,
      });
    }
    return notes;
  }
  const e = t.errors[g.layer]?.find((u) => u.name === g.to);
  if (e && e.downstream.length > 0) {
    const out = symbolOf(t, g.to);
    const literal =
      g.kind === 'weight' && g.layer === t.problem.net.layerSizes.length - 2
        ? { weight: g.name, slide: slideLiteralGradient(t, g, e), exact: g.gradient }
        : undefined;
    notes.push({
      code: 'slide-hidden-sum',
      unit: g.to,
      slideForm: e.downstream.map((k) => `δ${k.weight.slice(1)}`).join(' + '),
      exactForm: e.downstream.map((k) => `δ_${k.unit}·${k.weight}`).join(' + '),
    });
    if (literal) {
      // The literal reading, written out: δ7 = δ_o1·Out_h1 stands where δ_o1·w7 belongs.
      notes.push({
        code: 'slide-literal',
        unit: g.to,
        slideForm: e.downstream.map((k) => `δ_${k.unit}·${out}`).join(' + '),
        exactForm: e.downstream.map((k) => `δ_${k.unit}·${k.weight}`).join(' + '),
        literal,
      });
    }
    if (loss === 'mean-sse' || loss === 'sse')
      notes.push({
        code: 'slide-factor-hidden',
        unit: g.to,
        slideForm: lossCoefficient(loss, n).replace(/·$/, ''),
        exactForm: e.downstream.map((k) => `δ_${k.unit}`).join(', '),
      });
  }
  return notes;
}

/**
 * ∂L/∂w of a weight into the last hidden layer as the slide's shortcut reads literally:
 * (δ7 + δ8 + δ9)·∂Out_h1/∂In_h1·x with the slide's δ7 = ∂L/∂w7 = δ_o1·Out_h1, i.e. Out_h1 in
 * place of each outgoing weight. Exported so a test can check the figure the note prints.
 */
export function slideLiteralGradient(t: BackpropTrace, g: ParameterGradient, e: UnitError): number {
  const out = t.forward[e.layer]?.[e.index]?.Out ?? 0;
  const slideSum = e.downstream.reduce((s, k) => s + k.delta * out, 0);
  return slideSum * e.dOutdIn * g.dIndW;
}
