/**
 * Small fully-connected networks for the backpropagation lab, and the course's
 * naming of units and weights.
 *
 * Naming rule (derived from the course's 3-2-3 net, where w1, w3, w5 go into h1,
 * w2, w4, w6 into h2, w7, w10 into o1, w8, w11 into o2, w9, w12 into o3):
 * weights are numbered layer by layer from the input side; inside a layer they are
 * numbered by source unit first, then target unit:
 *
 *     number = (weights of earlier layers) + i·nOut + j + 1     (i source, j target, 0-based)
 *
 * which is exactly the row-major order of the Keras kernel matrix [in, out].
 * Units: inputs x1…, outputs o1…, hidden units h1… counted on across hidden layers
 * (a 3-2-2-1 net has h1, h2 in the first hidden layer and h3, h4 in the second).
 * Biases (the course net has none) are named after their unit: b_h1, b_o2.
 */
import type { ActivationName } from './activations';

/** A fully-connected net. Layer 0 is the input; every later layer is a Dense layer. */
export interface DenseNet {
  /** Units per layer, input first, e.g. [3, 2, 3]. */
  readonly layerSizes: readonly number[];
  /** Activation of layers 1…L (one per Dense layer). */
  readonly activations: readonly ActivationName[];
  /** kernels[l][i][j]: weight from unit i of layer l to unit j of layer l+1 (Keras [in, out]). */
  readonly kernels: readonly (readonly (readonly number[])[])[];
  /** biases[l][j] of unit j in layer l+1, or null when that layer has no bias. */
  readonly biases: readonly (readonly number[] | null)[];
}

/** Most units (hidden + output) the lab accepts; beyond this a hand trace is unreadable. */
export const MAX_LAB_UNITS = 40;

/** Name of unit `j` (0-based) of layer `layer` (0 = input). */
export function unitName(layerSizes: readonly number[], layer: number, j: number): string {
  const last = layerSizes.length - 1;
  if (layer === 0) return `x${j + 1}`;
  if (layer === last) return `o${j + 1}`;
  let before = 0;
  for (let l = 1; l < layer; l++) before += layerSizes[l] ?? 0;
  return `h${before + j + 1}`;
}

/** Number (1-based) of the weight from unit i of layer `layer` to unit j of layer `layer + 1`. */
export function weightNumber(
  layerSizes: readonly number[],
  layer: number,
  i: number,
  j: number,
): number {
  let offset = 0;
  for (let l = 0; l < layer; l++) offset += (layerSizes[l] ?? 0) * (layerSizes[l + 1] ?? 0);
  return offset + i * (layerSizes[layer + 1] ?? 0) + j + 1;
}

/** `w7` etc. */
export function weightName(
  layerSizes: readonly number[],
  layer: number,
  i: number,
  j: number,
): string {
  return `w${weightNumber(layerSizes, layer, i, j)}`;
}

/** `b_h1` etc.: bias of unit j of layer `layer` (≥ 1). */
export function biasName(layerSizes: readonly number[], layer: number, j: number): string {
  return `b_${unitName(layerSizes, layer, j)}`;
}

/** Every weight and bias with its name and value, weights in number order, then biases. */
export function listParameters(net: DenseNet): { name: string; value: number }[] {
  const out: { name: string; value: number }[] = [];
  net.kernels.forEach((k, l) =>
    k.forEach((row, i) =>
      row.forEach((w, j) => out.push({ name: weightName(net.layerSizes, l, i, j), value: w })),
    ),
  );
  out.sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1)));
  net.biases.forEach((b, l) =>
    b?.forEach((v, j) => out.push({ name: biasName(net.layerSizes, l + 1, j), value: v })),
  );
  return out;
}

/** A copy of the net with the named parameter set to `value` (unknown names leave it unchanged). */
export function withParameter(net: DenseNet, name: string, value: number): DenseNet {
  const kernels = net.kernels.map((k, l) =>
    k.map((row, i) =>
      row.map((w, j) => (weightName(net.layerSizes, l, i, j) === name ? value : w)),
    ),
  );
  const biases = net.biases.map(
    (b, l) => b?.map((v, j) => (biasName(net.layerSizes, l + 1, j) === name ? value : v)) ?? null,
  );
  return { ...net, kernels, biases };
}

/**
 * The course's 3-2-3 net (3 inputs, 2 sigmoid hidden units, 3 sigmoid outputs, no biases)
 * from w1…w12 in the course numbering.
 */
export function courseNet323(w: readonly number[]): DenseNet {
  const at = (n: number): number => w[n - 1] ?? 0;
  return {
    layerSizes: [3, 2, 3],
    activations: ['sigmoid', 'sigmoid'],
    kernels: [
      [0, 1, 2].map((i) => [at(i * 2 + 1), at(i * 2 + 2)]),
      [0, 1].map((i) => [at(6 + i * 3 + 1), at(6 + i * 3 + 2), at(6 + i * 3 + 3)]),
    ],
    biases: [null, null],
  };
}

/**
 * Default numbers for the 3-2-3 lab: example values chosen for LayerLab, easy to type on a
 * handout (w_k = k/10). The course deck gives the 3-2-3 example in symbols only.
 */
export const COURSE_323_DEFAULTS = {
  inputs: [0.5, 0.3, 0.8],
  targets: [1, 0, 0],
  weights: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2],
  eta: 0.5,
} as const;

/** mulberry32: a tiny seeded PRNG, so "seeded random" numbers are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [-1, 1], rounded to `decimals` places so a handout can print them exactly. */
export function randomValues(count: number, random: () => number, decimals = 2): number[] {
  const scale = 10 ** decimals;
  return Array.from({ length: count }, () => Math.round((random() * 2 - 1) * scale) / scale);
}

/** A net of the given sizes with seeded random weights (and biases when `withBias`). */
export function randomDenseNet(
  layerSizes: readonly number[],
  activations: readonly ActivationName[],
  seed: number,
  withBias = false,
): DenseNet {
  const random = seededRandom(seed);
  const kernels = layerSizes
    .slice(0, -1)
    .map((nIn, l) =>
      Array.from({ length: nIn }, () => randomValues(layerSizes[l + 1] ?? 0, random)),
    );
  const biases = layerSizes.slice(1).map((n) => (withBias ? randomValues(n, random) : null));
  return { layerSizes, activations, kernels, biases };
}
