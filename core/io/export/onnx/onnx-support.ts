/**
 * What a kind's ONNX emitter (`core/layers/kinds/<kind>/onnx.ts`) builds on:
 * the `OnnxLayer` it returns, the refusal it throws, and small helpers.
 * Tensors travel between layers in TF.js's layout (NHWC, batch first), as in
 * the PyTorch route, so Flatten, Dense, Concatenate and softmax see TF.js's
 * axis order; convolution and pooling transpose to NCHW around their own node.
 */
import type { TopologyLayer } from '../../import/topology';
import type { NamedWeight } from '../../import/weights';
import type { OnnxGraphBuilder } from './onnx-graph';

/** The layer's nodes: given its inputs' value names (and a mask from Embedding mask_zero), its output. */
export interface OnnxEmitted {
  readonly output: string;
  /** A bool [batch, steps] value that masks the output's time steps, if any. */
  readonly mask?: string | null;
}

/** How one TF.js layer becomes ONNX nodes. */
export interface OnnxLayer {
  readonly emit: (
    g: OnnxGraphBuilder,
    inputs: readonly string[],
    mask: string | null,
  ) => OnnxEmitted;
}

/** Why a layer has no exact ONNX form; becomes the export's `onnx-unsupported` reason. */
export class OnnxUnsupported extends Error {
  constructor(
    readonly layerName: string,
    reason: string,
  ) {
    super(`Layer "${layerName}": ${reason}`);
    this.name = 'OnnxUnsupported';
    // Keep instanceof working when compiled to ES5-style classes (TF.js errors.ts does the same).
    Object.setPrototypeOf(this, OnnxUnsupported.prototype);
  }
}

/** The layer's weights by short name. */
export type Weights = ReadonlyMap<string, NamedWeight>;

/** A weight of the layer by its short name (`kernel`, `bias`…), or a refusal naming it. */
export function need(layer: TopologyLayer, weights: Weights, short: string): NamedWeight {
  const w = weights.get(short);
  if (w === undefined) throw new OnnxUnsupported(layer.name, `weight "${short}" is missing`);
  return w;
}

/** `3` or `[3, 3]` (or `[3]` for 1-D layers) from the layer's config → `size` numbers. */
export function ints(layer: TopologyLayer, key: string, fallback: readonly number[]): number[] {
  const v = layer.config[key];
  if (typeof v === 'number') return fallback.map(() => v);
  if (Array.isArray(v) && v.length === fallback.length) return v.map(Number);
  return [...fallback];
}

/** Refuses channels_first data (tensors stay channels-last between the exported layers). */
export function requireChannelsLast(layer: TopologyLayer): void {
  const format = layer.config['data_format'];
  if (format != null && format !== 'channels_last' && format !== 'channelsLast')
    throw new OnnxUnsupported(layer.name, 'channels_first data is not supported');
}

/**
 * TF.js `padding` → ONNX `auto_pad`. TF's 'same' puts an odd extra pixel after
 * (bottom, right), which is ONNX's SAME_UPPER; MaxPool ignores padded cells and
 * AveragePool (count_include_pad 0) leaves them out of the mean, as TF does.
 */
export function autoPad(layer: TopologyLayer): 'SAME_UPPER' | 'VALID' {
  const padding = String(layer.config['padding'] ?? 'valid');
  if (padding === 'same') return 'SAME_UPPER';
  if (padding === 'valid') return 'VALID';
  throw new OnnxUnsupported(layer.name, `padding "${padding}" is not supported`);
}

/**
 * Runs `inner` on x moved from channels-last to channels-first (N, C, …spatial)
 * and moves its result back: `rank` is x's rank (3 for sequences, 4 for images).
 */
export function channelsFirst(
  g: OnnxGraphBuilder,
  x: string,
  rank: 3 | 4,
  inner: (nchw: string) => string,
): string {
  const toFirst = rank === 4 ? [0, 3, 1, 2] : [0, 2, 1];
  const toLast = rank === 4 ? [0, 2, 3, 1] : [0, 2, 1];
  const y = inner(g.node('Transpose', [x], { perm: { ints: toFirst } }, 'to_nchw'));
  return g.node('Transpose', [y], { perm: { ints: toLast } }, 'to_nhwc');
}

/** A layer without weights: a function of its inputs (`keepsMask`: a mask passes through). */
export const plainOnnx = (
  emit: (g: OnnxGraphBuilder, inputs: readonly string[]) => string,
  keepsMask = false,
): OnnxLayer => ({
  emit: (g, inputs, mask) => ({ output: emit(g, inputs), mask: keepsMask ? mask : null }),
});
