/**
 * Backpropagation by hand: a full, exact trace of one training step of a small
 * Dense net on one sample, in float64.
 *
 * Forward: per unit In = Σ w·a (+ b) and Out = g(In). Backward: per unit the error
 * term δ = ∂L/∂Out · g′(In), where ∂L/∂Out is ∂L/∂ŷ for an output and Σₖ δₖ·wₖ over the
 * units it feeds for a hidden unit; then per weight ∂L/∂w = δ(target) · Out(source),
 * i.e. the chain-rule factors ∂L/∂Out · ∂Out/∂In · ∂In/∂w. Update: w ← w − η·∂L/∂w.
 * Display rounding is left to the caller (format.ts); every number here is exact.
 */
import { err, ok, type Result } from '../result';
import { activations } from './activations';
import { biasName, MAX_LAB_UNITS, unitName, weightName, type DenseNet } from './dense-net';

/**
 * The loss on one sample with n outputs. Choose `half-sse` (½Σ(ŷ−y)²) to match slides that write
 * ∂L/∂ŷ = ŷ − y; `mean-sse` ((1/n)Σ(ŷ−y)², the course's ⅓Σ for n = 3 and Keras's MSE);
 * `sse` (Σ(ŷ−y)², no scaling); `binary-cross-entropy` (−(1/n)Σ[y ln ŷ + (1−y) ln(1−ŷ)], sigmoid outputs only).
 */
export type BackpropLoss = 'half-sse' | 'mean-sse' | 'sse' | 'binary-cross-entropy';

/** All loss kinds, in the order the lab offers them. */
export const backpropLosses: readonly BackpropLoss[] = [
  'mean-sse',
  'half-sse',
  'sse',
  'binary-cross-entropy',
];

/** One training sample on a net, with the step size. */
export interface BackpropProblem {
  readonly net: DenseNet;
  readonly inputs: readonly number[];
  readonly targets: readonly number[];
  readonly loss: BackpropLoss;
  readonly eta: number;
}

/** A term wᵢ·aᵢ of a unit's weighted sum. */
export interface InTerm {
  readonly source: string;
  readonly weight: string;
  readonly w: number;
  readonly a: number;
}

/** Forward values of one unit. Input units have In = Out = the input and no terms. */
export interface UnitForward {
  readonly name: string;
  readonly layer: number;
  readonly index: number;
  readonly In: number;
  readonly Out: number;
  readonly terms: readonly InTerm[];
  readonly bias: { readonly name: string; readonly value: number } | null;
}

/** A downstream contribution δₖ·wₖ to a hidden unit's ∂L/∂Out. */
export interface DownstreamTerm {
  readonly unit: string;
  readonly delta: number;
  readonly weight: string;
  readonly w: number;
}

/** Backward values of one non-input unit. */
export interface UnitError {
  readonly name: string;
  readonly layer: number;
  readonly index: number;
  /** ∂L/∂Out: ∂L/∂ŷ for an output unit, Σ δₖ·wₖ for a hidden unit. */
  readonly dLdOut: number;
  /** ∂Out/∂In = g′(In). */
  readonly dOutdIn: number;
  /** δ = ∂L/∂In = ∂L/∂Out · ∂Out/∂In. */
  readonly delta: number;
  /** For hidden units, the δₖ·wₖ terms summed into dLdOut; empty for outputs. */
  readonly downstream: readonly DownstreamTerm[];
}

/** Gradient and update of one weight or bias. */
export interface ParameterGradient {
  readonly name: string;
  readonly kind: 'weight' | 'bias';
  /** Source unit name (`1` for a bias). */
  readonly from: string;
  readonly to: string;
  /** Layer of the target unit (1…L). */
  readonly layer: number;
  readonly value: number;
  /** The target unit's factors (∂L/∂Out, ∂Out/∂In, δ). */
  readonly dLdOut: number;
  readonly dOutdIn: number;
  readonly delta: number;
  /** ∂In/∂w = Out of the source unit (1 for a bias). */
  readonly dIndW: number;
  /** ∂L/∂w = δ · ∂In/∂w. */
  readonly gradient: number;
  /** w − η·∂L/∂w. */
  readonly updated: number;
}

/** The whole trace of one step. */
export interface BackpropTrace {
  readonly problem: BackpropProblem;
  /** forward[l][j]: layer l (0 = inputs). */
  readonly forward: readonly (readonly UnitForward[])[];
  readonly predictions: readonly number[];
  readonly loss: number;
  /** errors[l][j] for l = 1…L; errors[0] is empty. */
  readonly errors: readonly (readonly UnitError[])[];
  /** In backward order: last layer first; inside a layer weights by number, then biases. */
  readonly gradients: readonly ParameterGradient[];
  readonly updatedNet: DenseNet;
  /** Loss of the same sample after the update (should be lower for a small enough η). */
  readonly lossAfter: number;
}

/** Why a problem cannot be traced. */
export type BackpropErrorCode =
  | 'bp-too-few-layers'
  | 'bp-too-many-units'
  | 'bp-shape-mismatch'
  | 'bp-non-finite'
  | 'bp-cross-entropy-needs-sigmoid';

/** Checks sizes, numbers and loss/activation compatibility before tracing. */
export function validateBackpropProblem(
  p: BackpropProblem,
): Result<true, { code: BackpropErrorCode; message: string }> {
  const { net } = p;
  const sizes = net.layerSizes;
  const L = sizes.length - 1;
  if (L < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    return err({
      code: 'bp-too-few-layers',
      message: 'need an input layer and at least one Dense layer',
    });
  if (sizes.slice(1).reduce((a, b) => a + b, 0) > MAX_LAB_UNITS)
    return err({ code: 'bp-too-many-units', message: `more than ${MAX_LAB_UNITS} units` });
  const shapeOk =
    net.activations.length === L &&
    net.kernels.length === L &&
    net.biases.length === L &&
    p.inputs.length === sizes[0] &&
    p.targets.length === sizes[L] &&
    net.kernels.every(
      (k, l) => k.length === sizes[l] && k.every((row) => row.length === sizes[l + 1]),
    ) &&
    net.biases.every((b, l) => b === null || b.length === sizes[l + 1]);
  if (!shapeOk)
    return err({
      code: 'bp-shape-mismatch',
      message: 'weights, inputs or targets do not match the layer sizes',
    });
  const numbers = [
    ...p.inputs,
    ...p.targets,
    p.eta,
    ...net.kernels.flat(2),
    ...net.biases.flatMap((b) => b ?? []),
  ];
  if (!numbers.every(Number.isFinite))
    return err({ code: 'bp-non-finite', message: 'a number is missing or not finite' });
  if (p.loss === 'binary-cross-entropy' && net.activations[L - 1] !== 'sigmoid') {
    return err({
      code: 'bp-cross-entropy-needs-sigmoid',
      message: 'binary cross-entropy needs sigmoid outputs',
    });
  }
  return ok(true);
}

/** L(ŷ, y) for the chosen loss. */
export function lossValue(
  loss: BackpropLoss,
  yhat: readonly number[],
  y: readonly number[],
): number {
  const n = yhat.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = yhat[i] ?? 0;
    const t = y[i] ?? 0;
    sum +=
      loss === 'binary-cross-entropy'
        ? -(t * Math.log(a) + (1 - t) * Math.log(1 - a))
        : (a - t) ** 2;
  }
  switch (loss) {
    case 'half-sse':
      return sum / 2;
    case 'mean-sse':
    case 'binary-cross-entropy':
      return sum / n;
    case 'sse':
      return sum;
  }
}

/** ∂L/∂ŷᵢ for the chosen loss. */
export function lossGradient(loss: BackpropLoss, yhat: number, y: number, n: number): number {
  switch (loss) {
    case 'half-sse':
      return yhat - y;
    case 'mean-sse':
      return (2 / n) * (yhat - y);
    case 'sse':
      return 2 * (yhat - y);
    case 'binary-cross-entropy':
      return (yhat - y) / (n * yhat * (1 - yhat));
  }
}

/** Runs the net forward on `inputs`; forward[l][j] per unit. */
export function forwardPass(net: DenseNet, inputs: readonly number[]): UnitForward[][] {
  const sizes = net.layerSizes;
  const layers: UnitForward[][] = [
    inputs.map((v, j) => ({
      name: unitName(sizes, 0, j),
      layer: 0,
      index: j,
      In: v,
      Out: v,
      terms: [],
      bias: null,
    })),
  ];
  for (let l = 1; l < sizes.length; l++) {
    const prev = layers[l - 1] ?? [];
    const g = activations[net.activations[l - 1] ?? 'linear'];
    const kernel = net.kernels[l - 1] ?? [];
    const bias = net.biases[l - 1] ?? null;
    const units: UnitForward[] = [];
    for (let j = 0; j < (sizes[l] ?? 0); j++) {
      const terms = prev.map((src, i) => ({
        source: src.name,
        weight: weightName(sizes, l - 1, i, j),
        w: kernel[i]?.[j] ?? 0,
        a: src.Out,
      }));
      const b = bias ? { name: biasName(sizes, l, j), value: bias[j] ?? 0 } : null;
      const In = terms.reduce((s, t) => s + t.w * t.a, b?.value ?? 0);
      units.push({
        name: unitName(sizes, l, j),
        layer: l,
        index: j,
        In,
        Out: g.f(In),
        terms,
        bias: b,
      });
    }
    layers.push(units);
  }
  return layers;
}

/** Traces forward, backward and the update. Call `validateBackpropProblem` first. */
export function traceBackprop(problem: BackpropProblem): BackpropTrace {
  const { net, targets, loss, eta } = problem;
  const sizes = net.layerSizes;
  const L = sizes.length - 1;
  const forward = forwardPass(net, problem.inputs);
  const outputs = forward[L] ?? [];
  const predictions = outputs.map((u) => u.Out);
  const n = predictions.length;

  const errors: UnitError[][] = Array.from({ length: L + 1 }, () => []);
  for (let l = L; l >= 1; l--) {
    const g = activations[net.activations[l - 1] ?? 'linear'];
    errors[l] = (forward[l] ?? []).map((u, j) => {
      let downstream: DownstreamTerm[] = [];
      let dLdOut: number;
      if (l === L) {
        dLdOut = lossGradient(loss, u.Out, targets[j] ?? 0, n);
      } else {
        downstream = (errors[l + 1] ?? []).map((e, k) => ({
          unit: e.name,
          delta: e.delta,
          weight: weightName(sizes, l, j, k),
          w: net.kernels[l]?.[j]?.[k] ?? 0,
        }));
        dLdOut = downstream.reduce((s, t) => s + t.delta * t.w, 0);
      }
      const dOutdIn = g.df(u.In);
      return {
        name: u.name,
        layer: l,
        index: j,
        dLdOut,
        dOutdIn,
        delta: dLdOut * dOutdIn,
        downstream,
      };
    });
  }

  const gradients: ParameterGradient[] = [];
  for (let l = L; l >= 1; l--) {
    const layerGrads: ParameterGradient[] = [];
    (errors[l] ?? []).forEach((e, j) => {
      (forward[l - 1] ?? []).forEach((src, i) => {
        const w = net.kernels[l - 1]?.[i]?.[j] ?? 0;
        const gradient = e.delta * src.Out;
        layerGrads.push({
          name: weightName(sizes, l - 1, i, j),
          kind: 'weight',
          from: src.name,
          to: e.name,
          layer: l,
          value: w,
          dLdOut: e.dLdOut,
          dOutdIn: e.dOutdIn,
          delta: e.delta,
          dIndW: src.Out,
          gradient,
          updated: w - eta * gradient,
        });
      });
    });
    layerGrads.sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1)));
    const bias = net.biases[l - 1];
    if (bias) {
      (errors[l] ?? []).forEach((e, j) => {
        const b = bias[j] ?? 0;
        layerGrads.push({
          name: biasName(sizes, l, j),
          kind: 'bias',
          from: '1',
          to: e.name,
          layer: l,
          value: b,
          dLdOut: e.dLdOut,
          dOutdIn: e.dOutdIn,
          delta: e.delta,
          dIndW: 1,
          gradient: e.delta,
          updated: b - eta * e.delta,
        });
      });
    }
    gradients.push(...layerGrads);
  }

  const updatedNet = applyGradients(net, gradients);
  const after = forwardPass(updatedNet, problem.inputs)[L] ?? [];
  return {
    problem,
    forward,
    predictions,
    loss: lossValue(loss, predictions, targets),
    errors,
    gradients,
    updatedNet,
    lossAfter: lossValue(
      loss,
      after.map((u) => u.Out),
      targets,
    ),
  };
}

function applyGradients(net: DenseNet, gradients: readonly ParameterGradient[]): DenseNet {
  const byName = new Map(gradients.map((g) => [g.name, g.updated]));
  const sizes = net.layerSizes;
  return {
    ...net,
    kernels: net.kernels.map((k, l) =>
      k.map((row, i) => row.map((w, j) => byName.get(weightName(sizes, l, i, j)) ?? w)),
    ),
    biases: net.biases.map(
      (b, l) => b?.map((v, j) => byName.get(biasName(sizes, l + 1, j)) ?? v) ?? null,
    ),
  };
}
