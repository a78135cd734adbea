import type { Topology } from '../../import/topology';
import { groupWeightsByLayer } from '../../import/weight-set';
import type { NamedWeight } from '../../import/weights';
import { attributeNames } from './model-py';
import type { NpyArray } from './npz';
import { toTorchLayer } from './torch-layers';

/** Where each value of one state_dict entry comes from in the TF.js weights. */
export interface StateSource {
  readonly shape: readonly number[];
  readonly dtype: NpyArray['dtype'];
  /** Per value: index into the network's TF.js weight list, or −1 for a value TF.js does not have. */
  readonly weight: Int32Array;
  /** Per value: the flat index inside that weight. */
  readonly element: Int32Array;
  /** The values model.py writes where `weight` is −1 (float entries), e.g. 0 for nn.LSTM's second bias. */
  readonly constant: Float32Array | null;
}

/** Float32 holds every integer up to 2^24 exactly: the largest weight this mapping can trace. */
const maxTraceable = 2 ** 24;

/**
 * Traces how model.py's state_dict is made from the TF.js weights, without a
 * table per layer kind: each weight in turn is filled with 1, 2, 3, … (the
 * others with 0) and run through its layer's PyTorch converter, so every
 * state value that comes out non-zero names the weight value it was copied
 * from. Converters only move values (transpose, permute, split), so this
 * finds the exact inverse; values no weight reaches (nn.LSTM's second bias,
 * BatchNorm's counter) are marked −1. Throws `TorchUnsupported` as the
 * converters do; returns null for a weight too large to trace.
 */
export function traceTorchState(
  topology: Topology,
  weights: readonly NamedWeight[],
): Record<string, StateSource> | null {
  if (weights.some((w) => w.values.length >= maxTraceable)) return null;
  const names = topology.layers.map((l) => l.name);
  const byLayer = groupWeightsByLayer(weights, names);
  const attrs = attributeNames(names);
  const indexOf = new Map(weights.map((w, i) => [w.values, i]));
  const sources: Record<string, StateSource> = {};
  for (const layer of topology.layers) {
    if (layer.className === 'InputLayer') continue;
    const own = byLayer[layer.name] ?? [];
    const prefix = `${attrs.get(layer.name) ?? layer.name}.`;
    const coded = (which: number): Map<string, NamedWeight> =>
      new Map(
        own.map((w, j) => [
          w.name,
          {
            ...w,
            values:
              j === which
                ? Float32Array.from(w.values, (_, k) => k + 1)
                : new Float32Array(w.values.length),
          },
        ]),
      );
    const base = toTorchLayer(layer, coded(-1)).state;
    for (const [suffix, array] of Object.entries(base))
      sources[prefix + suffix] = {
        shape: array.shape,
        dtype: array.dtype,
        weight: new Int32Array(array.values.length).fill(-1),
        element: new Int32Array(array.values.length).fill(-1),
        constant: array.dtype === 'float32' ? array.values : null,
      };
    own.forEach((short, j) => {
      // groupWeightsByLayer keeps each weight's values array: that identifies it in the network's list.
      const weightIndex = indexOf.get(short.values) ?? -1;
      for (const [suffix, array] of Object.entries(toTorchLayer(layer, coded(j)).state)) {
        const source = sources[prefix + suffix];
        const constant = source?.constant;
        if (source === undefined || array.dtype !== 'float32' || !constant) continue;
        array.values.forEach((v, k) => {
          // Non-zero with every weight at 0 (a missing gamma's 1s): a constant, not a copy.
          if (v === 0 || constant[k] !== 0) return;
          source.weight[k] = weightIndex;
          source.element[k] = Number(v) - 1;
        });
      }
    });
  }
  return sources;
}
