/**
 * Activation functions of the course, with their derivatives and ranges, and
 * the single neuron In = Σ wᵢaᵢ + b, Out = g(In).
 *
 * Everything is plain float64 arithmetic so the labs can show exact numbers;
 * the derivative conventions match TF.js (ReLU′(0) = 0, as `tf.grads` gives).
 */

/** Activation kinds offered by the labs; names follow Keras/TF.js. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'linear';

/** All activation names in the order the course introduces them. */
export const activationNames: readonly ActivationName[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'linear',
];

/** The set of values g can take, as in the course table: (0,1), (−1,1), [0,∞). */
export interface ActivationRange {
  readonly min: number;
  readonly max: number;
  /** Whether `min` itself is reached (a closed bracket). */
  readonly minClosed: boolean;
  readonly maxClosed: boolean;
  /** The range as the slides write it, e.g. `(0, 1)` or `[0, ∞)`. */
  readonly label: string;
}

/** One activation: its function, its derivative and the formulas shown to students. */
export interface Activation {
  readonly name: ActivationName;
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
  readonly range: ActivationRange;
  /** Plain-text formula of g, e.g. `1 / (1 + e^(−x))`. */
  readonly formula: string;
  /** Plain-text formula of g′, written in terms of g where the course does (f(1 − f)). */
  readonly derivativeFormula: string;
}

/** Slope of leakyRelu for x < 0 (TF.js `tf.leakyRelu` default). */
export const LEAKY_RELU_ALPHA = 0.2;
/** ELU's α (Keras default). */
export const ELU_ALPHA = 1;

/** σ(x) written so that neither branch overflows for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const range = (
  min: number,
  max: number,
  minClosed: boolean,
  maxClosed: boolean,
  label: string,
): ActivationRange => ({
  min,
  max,
  minClosed,
  maxClosed,
  label,
});

/** The activation table. `df` is g′ evaluated at the pre-activation x (= In). */
export const activations: Readonly<Record<ActivationName, Activation>> = {
  sigmoid: {
    name: 'sigmoid',
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
    range: range(0, 1, false, false, '(0, 1)'),
    formula: 'g(x) = 1 / (1 + e^(−x))',
    derivativeFormula: 'g′(x) = g(x)(1 − g(x))',
  },
  tanh: {
    name: 'tanh',
    f: Math.tanh,
    df: (x) => 1 - Math.tanh(x) ** 2,
    range: range(-1, 1, false, false, '(−1, 1)'),
    formula: 'g(x) = (e^x − e^(−x)) / (e^x + e^(−x))',
    derivativeFormula: 'g′(x) = 1 − g(x)²',
  },
  relu: {
    name: 'relu',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    range: range(0, Infinity, true, false, '[0, ∞)'),
    formula: 'g(x) = max(0, x)',
    derivativeFormula: 'g′(x) = 1 if x > 0, else 0',
  },
  leakyRelu: {
    name: 'leakyRelu',
    f: (x) => (x > 0 ? x : LEAKY_RELU_ALPHA * x),
    df: (x) => (x > 0 ? 1 : LEAKY_RELU_ALPHA),
    range: range(-Infinity, Infinity, false, false, '(−∞, ∞)'),
    formula: `g(x) = x if x > 0, else ${LEAKY_RELU_ALPHA}·x`,
    derivativeFormula: `g′(x) = 1 if x > 0, else ${LEAKY_RELU_ALPHA}`,
  },
  elu: {
    name: 'elu',
    f: (x) => (x > 0 ? x : ELU_ALPHA * (Math.exp(x) - 1)),
    df: (x) => (x > 0 ? 1 : ELU_ALPHA * Math.exp(x)),
    range: range(-ELU_ALPHA, Infinity, false, false, '(−1, ∞)'),
    formula: 'g(x) = x if x > 0, else e^x − 1',
    derivativeFormula: 'g′(x) = 1 if x > 0, else e^x',
  },
  linear: {
    name: 'linear',
    f: (x) => x,
    df: () => 1,
    range: range(-Infinity, Infinity, false, false, '(−∞, ∞)'),
    formula: 'g(x) = x',
    derivativeFormula: 'g′(x) = 1',
  },
};

/** True when `name` is one of the lab activations (for validating loaded files). */
export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (activationNames as readonly string[]).includes(name);
}

/** The result of one neuron: the weighted sum and the activation of it. */
export interface NeuronResult {
  /** In = Σ wᵢaᵢ + b. */
  readonly In: number;
  /** Out = g(In). */
  readonly Out: number;
  /** g′(In): the slope at the current point. */
  readonly slope: number;
  /** The products wᵢ·aᵢ, in input order, for showing the sum term by term. */
  readonly products: readonly number[];
}

/**
 * One neuron: In = Σ wᵢaᵢ + b, Out = g(In).
 * Inputs and weights must have the same length (extra entries of the longer are ignored).
 * @example neuron([1, 2], [0.5, -1], 0, 'sigmoid') // { In: -1.5, Out: 0.182… }
 */
export function neuron(
  inputs: readonly number[],
  weights: readonly number[],
  bias: number,
  g: ActivationName,
): NeuronResult {
  const n = Math.min(inputs.length, weights.length);
  const products: number[] = [];
  let In = bias;
  for (let i = 0; i < n; i++) {
    const p = (inputs[i] ?? 0) * (weights[i] ?? 0);
    products.push(p);
    In += p;
  }
  const act = activations[g];
  return { In, Out: act.f(In), slope: act.df(In), products };
}

/** The course's softmax example: logits 4, 1, −4. */
export const COURSE_SOFTMAX_LOGITS: readonly number[] = [4, 1, -4];

/**
 * softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ). Subtracts max(z) first so large logits do not
 * overflow; the result is mathematically the same. Empty input gives an empty array.
 */
export function softmax(logits: readonly number[]): number[] {
  if (logits.length === 0) return [];
  const m = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - m));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** ∂softmaxᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), as a row-major matrix. */
export function softmaxJacobian(logits: readonly number[]): number[][] {
  const s = softmax(logits);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}
