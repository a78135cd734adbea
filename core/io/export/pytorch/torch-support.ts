/**
 * What a kind's PyTorch converter (`core/layers/kinds/<kind>/pytorch.ts`) builds
 * on: the `TorchLayer` it returns, the refusal it throws, and small helpers.
 */
import type { TopologyLayer } from '../../import/topology';
import type { NamedWeight } from '../../import/weights';
import type { NpyArray } from './npz';
import { pyString } from '../../escape/python';

/** How one TF.js layer becomes PyTorch: a module (if it has weights or settings), a call, its weights. */
export interface TorchLayer {
  /** Python constructor expression, or null for a plain function of its inputs. */
  readonly module: string | null;
  /** Python expression for the output, given the input variable names and the module reference. */
  readonly call: (inputs: readonly string[], self: string, mask: string | null) => string;
  /** state_dict entries by key suffix (`weight`, `bias`, `running_mean`…), in PyTorch layout. */
  readonly state: Readonly<Record<string, NpyArray>>;
  /** Python expression for a mask on the output (Embedding mask_zero), if any. */
  readonly mask?: (inputs: readonly string[], mask: string | null) => string | null;
}

/** Why a layer has no exact PyTorch counterpart; becomes the export's `pytorch-unsupported` reason. */
export class TorchUnsupported extends Error {
  constructor(
    readonly layerName: string,
    reason: string,
  ) {
    super(`Layer "${layerName}": ${reason}`);
    this.name = 'TorchUnsupported';
    // Keep instanceof working when compiled to ES5-style classes (TF.js errors.ts does the same).
    Object.setPrototypeOf(this, TorchUnsupported.prototype);
  }
}

/** The layer's weights by short name. */
export type Weights = ReadonlyMap<string, NamedWeight>;

/** A float32 npy array. */
export const f32 = (values: Float32Array, shape: readonly number[]): NpyArray => ({
  dtype: 'float32',
  shape,
  values,
});
/** A JSON value as a Python literal (booleans as True/False). */
export const py = (value: unknown): string =>
  typeof value === 'boolean'
    ? value
      ? 'True'
      : 'False'
    : typeof value === 'string'
      ? pyString(value)
      : JSON.stringify(value);

/** `hardSigmoid` / `hard_sigmoid` → `hard_sigmoid`, the key of ACTIVATIONS in model.py. */
export function activationKey(
  layer: TopologyLayer,
  key = 'activation',
  fallback = 'linear',
): string {
  const raw = layer.config[key] ?? fallback;
  const name = String(raw)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const known = [
    'linear',
    'relu',
    'relu6',
    'elu',
    'selu',
    'sigmoid',
    'hard_sigmoid',
    'tanh',
    'softplus',
    'softsign',
    'softmax',
    'swish',
    'mish',
  ];
  if (!known.includes(name))
    throw new TorchUnsupported(
      layer.name,
      `activation "${String(raw)}" has no PyTorch counterpart here`,
    );
  return name;
}

/** A weight of the layer by its short name (`kernel`, `bias`…), or a refusal naming it. */
export function need(layer: TopologyLayer, weights: Weights, short: string): NamedWeight {
  const w = weights.get(short);
  if (w === undefined) throw new TorchUnsupported(layer.name, `weight "${short}" is missing`);
  return w;
}

/** `3` or `[3, 3]` from the layer's config → `[3, 3]`. */
export function pair(layer: TopologyLayer, key: string, fallback: readonly number[]): number[] {
  const v = layer.config[key];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return v.map(Number);
  return [...fallback];
}

/** Refuses channels_first data (tensors stay NHWC between the exported layers). */
export function requireChannelsLast(layer: TopologyLayer): void {
  const format = layer.config['data_format'];
  if (
    format !== undefined &&
    format !== null &&
    format !== 'channels_last' &&
    format !== 'channelsLast'
  ) {
    throw new TorchUnsupported(layer.name, 'channels_first data is not supported');
  }
}

/** A layer without weights or settings: a plain expression of its inputs (`keepsMask`: passes a mask on). */
export const plain = (
  call: (inputs: readonly string[]) => string,
  keepsMask = false,
): TorchLayer => ({
  module: null,
  call: (inputs) => call(inputs),
  state: {},
  ...(keepsMask ? { mask: (_: readonly string[], mask: string | null) => mask } : {}),
});
