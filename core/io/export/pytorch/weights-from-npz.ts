import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import type { Topology } from '../../import/topology';
import type { NamedWeight } from '../../import/weights';
import { decodeNpz } from './npz-read';
import { TorchUnsupported } from './torch-support';
import { traceTorchState } from './torch-state-map';

/** Why a `weights.npz` cannot become this network's weights (each code has a message in core/validate/messages.ts). */
export type TorchWeightsErrorCode =
  | 'torch-weights-unreadable'
  | 'torch-weights-no-torch-form'
  | 'torch-weights-missing'
  | 'torch-weights-extra'
  | 'torch-weights-wrong-shape'
  | 'torch-weights-not-finite'
  | 'torch-weights-not-representable';

export interface TorchWeightsError {
  readonly code: TorchWeightsErrorCode;
  readonly args: Readonly<Record<string, string | number>>;
  /** English, for logs and the CLI. */
  readonly message: string;
}

const refuse = (
  code: TorchWeightsErrorCode,
  args: Readonly<Record<string, string | number>>,
  message: string,
): { ok: false; error: TorchWeightsError } => err({ code, args, message });

const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * The TF.js weights of `weights.npz` (written by train.py, or any state_dict
 * of model.py's `ExportedModel`): every entry the network's model.py has, no
 * other, each of the same shape, finite, and the values TF.js has no place for
 * (nn.LSTM's second bias) still what model.py wrote. `weights` are the
 * network's current weights: they give the names, shapes and order, and are
 * not changed. Never throws.
 */
export function weightsFromNpz(
  topology: Topology,
  weights: readonly NamedWeight[],
  npz: Uint8Array,
): Result<NamedWeight[], TorchWeightsError> {
  const arrays = decodeNpz(npz);
  if (!arrays.ok) return refuse('torch-weights-unreadable', { detail: arrays.error }, arrays.error);
  let trace: ReturnType<typeof traceTorchState>;
  try {
    trace = traceTorchState(topology, weights);
  } catch (error) {
    if (!(error instanceof TorchUnsupported)) throw error;
    return refuse('torch-weights-no-torch-form', { layer: error.layerName }, error.message);
  }
  if (trace === null)
    return refuse(
      'torch-weights-unreadable',
      { detail: 'a weight has 2^24 values or more' },
      'A weight of this network is too large to map (2^24 values or more).',
    );
  for (const key of Object.keys(arrays.value))
    if (trace[key] === undefined)
      return refuse(
        'torch-weights-extra',
        { key },
        `weights.npz has "${key}", which this network does not have.`,
      );
  const out = weights.map((w) => ({ ...w, values: new Float32Array(w.values.length) }));
  const filled = weights.map((w) => new Uint8Array(w.values.length));
  for (const [key, source] of Object.entries(trace)) {
    const array = arrays.value[key];
    if (array === undefined)
      return refuse(
        'torch-weights-missing',
        { key },
        `weights.npz has no "${key}", which this network needs.`,
      );
    if (shapeText(array.shape) !== shapeText(source.shape))
      return refuse(
        'torch-weights-wrong-shape',
        { key, expected: shapeText(source.shape), found: shapeText(array.shape) },
        `"${key}" has the shape ${shapeText(array.shape)} in weights.npz, but this network needs ${shapeText(source.shape)}.`,
      );
    if (array.dtype !== 'float32' || source.constant === null) continue; // BatchNorm's batch counter
    for (let k = 0; k < array.values.length; k++) {
      const v = array.values[k] as number;
      if (!Number.isFinite(v))
        return refuse(
          'torch-weights-not-finite',
          { key },
          `"${key}" in weights.npz holds NaN or infinite values.`,
        );
      const w = source.weight[k] as number;
      if (w < 0) {
        if (Math.abs(v - (source.constant[k] as number)) > 1e-6)
          return refuse(
            'torch-weights-not-representable',
            { key },
            `"${key}" in weights.npz was changed where the LayerLab network has no weight (it must stay ${source.constant[k]}).`,
          );
        continue;
      }
      const e = source.element[k] as number;
      (out[w] as NamedWeight & { values: Float32Array }).values[e] = v;
      (filled[w] as Uint8Array)[e] = 1;
    }
  }
  const unfilled = filled.findIndex((f) => f.includes(0));
  if (unfilled >= 0) {
    const name = weights[unfilled]?.name ?? '';
    return refuse(
      'torch-weights-missing',
      { key: name },
      `No value of weights.npz reaches the weight "${name}".`,
    );
  }
  return ok(out);
}
