/**
 * The activation functions LayerLab offers (TF.js identifiers), as plain
 * math for plotting f and f′ — no tensors, so the UI can redraw on every
 * mouse move. Values match TF.js's own kernels (tested against them).
 */

/** TF.js activation identifiers we can plot. */
export const plottableActivations = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'relu6',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'hardSigmoid',
  'swish',
  'mish',
  'gelu',
  'softmax',
] as const;
export type PlottableActivation = (typeof plottableActivations)[number];

/** One activation: formula, output range as the course table writes it, f and f′. */
export interface ActivationFunction {
  readonly name: PlottableActivation;
  /** Plain-text formula, e.g. `σ(z) = 1 / (1 + e^(−z))`. */
  readonly formula: string;
  /** Output range in interval notation, e.g. `(0, 1)`, `[0, ∞)`. */
  readonly range: string;
  /** Range of f′, e.g. `(0, 0.25]`. */
  readonly derivativeRange: string;
  f(z: number): number;
  df(z: number): number;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const softplus = (z: number): number => (z > 20 ? z : Math.log1p(Math.exp(z)));

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for plots and for GELU. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

const table: Readonly<Record<PlottableActivation, Omit<ActivationFunction, 'name'>>> = {
  linear: {
    formula: 'f(z) = z',
    range: '(−∞, ∞)',
    derivativeRange: '{1}',
    f: (z) => z,
    df: () => 1,
  },
  sigmoid: {
    formula: 'σ(z) = 1 / (1 + e^(−z))',
    range: '(0, 1)',
    derivativeRange: '(0, 0.25]',
    f: sigmoid,
    df: (z) => sigmoid(z) * (1 - sigmoid(z)),
  },
  tanh: {
    formula: 'tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))',
    range: '(−1, 1)',
    derivativeRange: '(0, 1]',
    f: Math.tanh,
    df: (z) => 1 - Math.tanh(z) ** 2,
  },
  relu: {
    formula: 'ReLU(z) = max(0, z)',
    range: '[0, ∞)',
    derivativeRange: '{0, 1}',
    f: (z) => Math.max(0, z),
    df: (z) => (z > 0 ? 1 : 0),
  },
  relu6: {
    formula: 'ReLU6(z) = min(max(0, z), 6)',
    range: '[0, 6]',
    derivativeRange: '{0, 1}',
    f: (z) => Math.min(Math.max(0, z), 6),
    df: (z) => (z > 0 && z < 6 ? 1 : 0),
  },
  elu: {
    formula: 'ELU(z) = z if z > 0, else e^z − 1',
    range: '(−1, ∞)',
    derivativeRange: '(0, 1]',
    f: (z) => (z > 0 ? z : Math.expm1(z)),
    df: (z) => (z > 0 ? 1 : Math.exp(z)),
  },
  selu: {
    formula: 'SELU(z) = λ·z if z > 0, else λ·α·(e^z − 1)',
    range: '(−λα, ∞) ≈ (−1.76, ∞)',
    derivativeRange: '(0, λα] ≈ (0, 1.76]',
    f: (z) => SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
    df: (z) => SELU_SCALE * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)),
  },
  softplus: {
    formula: 'softplus(z) = ln(1 + e^z)',
    range: '(0, ∞)',
    derivativeRange: '(0, 1)',
    f: softplus,
    df: sigmoid,
  },
  softsign: {
    formula: 'softsign(z) = z / (1 + |z|)',
    range: '(−1, 1)',
    derivativeRange: '(0, 1]',
    f: (z) => z / (1 + Math.abs(z)),
    df: (z) => 1 / (1 + Math.abs(z)) ** 2,
  },
  hardSigmoid: {
    formula: 'hardSigmoid(z) = clip(0.2·z + 0.5, 0, 1)',
    range: '[0, 1]',
    derivativeRange: '{0, 0.2}',
    f: (z) => Math.min(1, Math.max(0, 0.2 * z + 0.5)),
    df: (z) => (z > -2.5 && z < 2.5 ? 0.2 : 0),
  },
  swish: {
    formula: 'swish(z) = z·σ(z)',
    range: '[≈−0.278, ∞)',
    derivativeRange: '≈[−0.1, 1.1]',
    f: (z) => z * sigmoid(z),
    df: (z) => sigmoid(z) + z * sigmoid(z) * (1 - sigmoid(z)),
  },
  mish: {
    formula: 'mish(z) = z·tanh(softplus(z))',
    range: '[≈−0.309, ∞)',
    derivativeRange: '≈[−0.11, 1.09]',
    f: (z) => z * Math.tanh(softplus(z)),
    df: (z) => {
      const t = Math.tanh(softplus(z));
      return t + z * (1 - t * t) * sigmoid(z);
    },
  },
  gelu: {
    formula: 'GELU(z) = z·Φ(z) = ½·z·(1 + erf(z/√2))',
    range: '[≈−0.17, ∞)',
    derivativeRange: '≈[−0.13, 1.13]',
    f: (z) => 0.5 * z * (1 + erf(z / Math.SQRT2)),
    df: (z) =>
      0.5 * (1 + erf(z / Math.SQRT2)) + (z * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI),
  },
  // Softmax maps a vector to a vector; we plot one output of softmax([z, 0]),
  // which equals σ(z), and its diagonal derivative p(1 − p).
  softmax: {
    formula: 'softmax(z)_i = e^(z_i) / Σ_j e^(z_j)',
    range: '(0, 1), Σ = 1',
    derivativeRange: '(0, 0.25] (∂p_i/∂z_i = p_i(1 − p_i))',
    f: sigmoid,
    df: (z) => sigmoid(z) * (1 - sigmoid(z)),
  },
};

/** True if LayerLab can plot this activation identifier. */
export function isPlottableActivation(name: string): name is PlottableActivation {
  return (plottableActivations as readonly string[]).includes(name);
}

/** The activation of that TF.js name (e.g. `relu`). */
export function activationFunction(name: PlottableActivation): ActivationFunction {
  return { name, ...table[name] };
}

/** f and f′ sampled at `points` evenly spaced z in [zMin, zMax], for the plot. */
export interface ActivationCurve {
  readonly name: PlottableActivation;
  readonly z: Float32Array;
  readonly f: Float32Array;
  readonly df: Float32Array;
}

/** Samples f and f′ over [zMin, zMax]. */
export function activationCurve(
  name: PlottableActivation,
  zMin = -6,
  zMax = 6,
  points = 241,
): ActivationCurve {
  const fn = table[name];
  const n = Math.max(2, points);
  const z = new Float32Array(n);
  const f = new Float32Array(n);
  const df = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = zMin + ((zMax - zMin) * i) / (n - 1);
    z[i] = x;
    f[i] = fn.f(x);
    df[i] = fn.df(x);
  }
  return { name, z, f, df };
}
