/**
 * Keras/TF.js activations as ONNX: as nodes after a layer, and as the
 * activation names (with alpha/beta) the RNN, GRU and LSTM ops take.
 */
import type { TopologyLayer } from '../../import/topology';
import type { OnnxGraphBuilder } from './onnx-graph';
import { OnnxUnsupported } from './onnx-support';

/** `hardSigmoid` / `hard_sigmoid` → `hard_sigmoid`. */
export function activationName(
  layer: TopologyLayer,
  key = 'activation',
  fallback = 'linear',
): string {
  return String(layer.config[key] ?? fallback)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

type Emit = (g: OnnxGraphBuilder, x: string) => string;

const nodes: Readonly<Record<string, Emit>> = {
  linear: (_, x) => x,
  relu: (g, x) => g.node('Relu', [x]),
  relu6: (g, x) => g.node('Clip', [x, g.floats('zero', [0], []), g.floats('six', [6], [])]),
  elu: (g, x) => g.node('Elu', [x], { alpha: { float: 1 } }),
  // Keras's constants; ONNX's defaults are the same numbers rounded to float32.
  selu: (g, x) =>
    g.node('Selu', [x], {
      alpha: { float: 1.6732632423543772 },
      gamma: { float: 1.0507009873554805 },
    }),
  sigmoid: (g, x) => g.node('Sigmoid', [x]),
  // TF.js: clip(0.2 x + 0.5, 0, 1) — ONNX HardSigmoid with alpha 0.2, beta 0.5 (its default alpha is 0.2 too).
  hard_sigmoid: (g, x) =>
    g.node('HardSigmoid', [x], { alpha: { float: 0.2 }, beta: { float: 0.5 } }),
  tanh: (g, x) => g.node('Tanh', [x]),
  softplus: (g, x) => g.node('Softplus', [x]),
  softsign: (g, x) => g.node('Softsign', [x]),
  softmax: (g, x) => g.node('Softmax', [x], { axis: { int: -1 } }),
  swish: (g, x) => g.node('Mul', [x, g.node('Sigmoid', [x])]),
  mish: (g, x) => g.node('Mul', [x, g.node('Tanh', [g.node('Softplus', [x])])]),
};

/** The activation `config[key]` of the layer applied to x; refuses one ONNX cannot express here. */
export function emitActivation(
  g: OnnxGraphBuilder,
  layer: TopologyLayer,
  x: string,
  key = 'activation',
  fallback = 'linear',
): string {
  const name = activationName(layer, key, fallback);
  const emit = nodes[name];
  if (emit === undefined)
    throw new OnnxUnsupported(layer.name, `activation "${name}" has no ONNX counterpart here`);
  return emit(g, x);
}

/** Whether `name` can be emitted as nodes (the Scan body of a masked recurrent layer uses them). */
export const hasActivationNodes = (name: string): boolean => name in nodes;

/** Applies activation `name` (already checked with `hasActivationNodes`). */
export function emitNamedActivation(g: OnnxGraphBuilder, name: string, x: string): string {
  const emit = nodes[name];
  if (emit === undefined) throw new Error(`unknown activation ${name}`);
  return emit(g, x);
}

/** An activation as the RNN ops name it, with the alpha/beta values it consumes. */
export interface RecurrentActivation {
  readonly name: string;
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
}

const recurrent: Readonly<Record<string, RecurrentActivation>> = {
  // Affine(x) = alpha x + beta.
  linear: { name: 'Affine', alpha: [1], beta: [0] },
  relu: { name: 'Relu', alpha: [], beta: [] },
  elu: { name: 'Elu', alpha: [1], beta: [] },
  sigmoid: { name: 'Sigmoid', alpha: [], beta: [] },
  hard_sigmoid: { name: 'HardSigmoid', alpha: [0.2], beta: [0.5] },
  tanh: { name: 'Tanh', alpha: [], beta: [] },
  softplus: { name: 'Softplus', alpha: [], beta: [] },
  softsign: { name: 'Softsign', alpha: [], beta: [] },
};

/** The RNN op's form of activation `name`, or null when the op has none (relu6, selu, swish…). */
export const recurrentActivation = (name: string): RecurrentActivation | null =>
  recurrent[name] ?? null;
