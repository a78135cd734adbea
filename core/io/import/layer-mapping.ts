import type { Params, ParamValue } from '../../graph/types';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import type { Topology, TopologyLayer } from './topology';

/** A layer of the file expressed as a LayerLab catalog kind and its params. */
export interface MappedLayer {
  readonly kind: string;
  readonly params: Params;
}

type Config = TopologyLayer['config'];

/** Keras/TF.js activation identifiers the catalog offers inside layers (`layerActivations`). */
const layerActivations: Readonly<Record<string, string>> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
};

/** TF.js's recurrent cells gate with hard sigmoid by default; LayerLab's catalog builds exactly that. */
const catalogRecurrentActivation = new Set(['hard_sigmoid', 'hardSigmoid']);

function unsupported(layer: TopologyLayer, what: string): Result<never, ImportError> {
  return err(
    importError(
      'import-unsupported-config',
      `Layer "${layer.name}" (${layer.className}) uses ${what}, which LayerLab's ${layer.className} cannot express; importing it would change its predictions.`,
      layer.name,
    ),
  );
}

function num(config: Config, key: string, fallback: number): number {
  const v = config[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function bool(config: Config, key: string, fallback: boolean): boolean {
  const v = config[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** `3` or `[3, 3]` → `[3, 3]` (Keras accepts both for kernel_size, strides, pool_size). */
function pair(config: Config, key: string, fallback: readonly [number, number]): readonly number[] {
  const v = config[key];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'))
    return v as number[];
  return fallback;
}

function activationOf(layer: TopologyLayer, key = 'activation'): Result<string, ImportError> {
  const raw = layer.config[key] ?? 'linear';
  const name = typeof raw === 'string' ? raw : '';
  const mapped = layerActivations[name];
  return mapped === undefined ? unsupported(layer, `activation "${String(raw)}"`) : ok(mapped);
}

function channelsLast(layer: TopologyLayer): boolean {
  const format = layer.config['data_format'];
  return (
    format === undefined ||
    format === null ||
    format === 'channels_last' ||
    format === 'channelsLast'
  );
}

function batchShape(layer: TopologyLayer): (number | null)[] | null {
  const v = layer.config['batch_input_shape'] ?? layer.config['batch_shape'];
  return Array.isArray(v) ? (v as (number | null)[]) : null;
}

function mapInput(layer: TopologyLayer, topology: Topology): Result<MappedLayer, ImportError> {
  const shape = batchShape(layer);
  if (shape === null || shape.slice(1).some((d) => typeof d !== 'number'))
    return unsupported(layer, 'an input shape with unknown sizes');
  const dims = shape.slice(1) as number[];
  if (dims.length === 3)
    return ok({
      kind: 'ImageInput',
      params: { height: dims[0] ?? 1, width: dims[1] ?? 1, channels: dims[2] ?? 1 },
    });
  if (dims.length === 1) {
    const embedding = topology.layers.find(
      (l) => l.className === 'Embedding' && l.inbound.includes(layer.name),
    );
    if (embedding !== undefined) {
      return ok({
        kind: 'SequenceInput',
        params: {
          length: dims[0] ?? 1,
          vocabularySize: num(embedding.config, 'input_dim', 3),
          fromDataset: false,
        },
      });
    }
    return ok({ kind: 'VectorInput', params: { size: dims[0] ?? 1 } });
  }
  return unsupported(
    layer,
    `an input of shape [${dims.join(', ')}] (LayerLab inputs are images H×W×C, token sequences or vectors)`,
  );
}

type Mapper = (layer: TopologyLayer, topology: Topology) => Result<MappedLayer, ImportError>;

function withActivation(
  kind: string,
  layer: TopologyLayer,
  params: Record<string, ParamValue>,
): Result<MappedLayer, ImportError> {
  const activation = activationOf(layer);
  return activation.ok
    ? ok({ kind, params: { ...params, activation: activation.value } })
    : activation;
}

function mapPooling(kind: string): Mapper {
  return (layer) => {
    if (!channelsLast(layer)) return unsupported(layer, 'channels_first data');
    const poolSize = pair(layer.config, 'pool_size', [2, 2]);
    const strides =
      layer.config['strides'] === null || layer.config['strides'] === undefined
        ? poolSize
        : pair(layer.config, 'strides', [2, 2]);
    return ok({
      kind,
      params: { poolSize, strides, padding: String(layer.config['padding'] ?? 'valid') },
    });
  };
}

function mapRecurrent(kind: string): Mapper {
  return (layer) => {
    const c = layer.config;
    const recurrent = c['recurrent_activation'];
    if (
      kind !== 'SimpleRNN' &&
      recurrent !== undefined &&
      !catalogRecurrentActivation.has(String(recurrent))
    ) {
      return unsupported(
        layer,
        `recurrent_activation "${String(recurrent)}" (LayerLab's recurrent layers use TF.js's hard_sigmoid)`,
      );
    }
    if (
      bool(c, 'go_backwards', false) ||
      bool(c, 'stateful', false) ||
      bool(c, 'return_state', false)
    )
      return unsupported(layer, 'go_backwards, stateful or return_state');
    if (bool(c, 'reset_after', false)) return unsupported(layer, 'reset_after=true');
    if (c['use_bias'] === false) return unsupported(layer, 'use_bias=false');
    return withActivation(kind, layer, {
      units: num(c, 'units', 1),
      returnSequences: bool(c, 'return_sequences', false),
    });
  };
}

/**
 * Keras/TF.js class name → catalog kind and params. Params the catalog has no
 * field for are checked against the catalog's fixed choice and refused when
 * they differ (the import must predict the same), never silently dropped.
 */
const mappers: Readonly<Record<string, Mapper>> = {
  InputLayer: mapInput,
  Dense: (layer) =>
    withActivation('Dense', layer, {
      units: num(layer.config, 'units', 1),
      useBias: bool(layer.config, 'use_bias', true),
      unitsFromDataset: false,
    }),
  Conv2D: (layer) => {
    if (!channelsLast(layer)) return unsupported(layer, 'channels_first data');
    const c = layer.config;
    return withActivation('Conv2D', layer, {
      filters: num(c, 'filters', 1),
      kernelSize: pair(c, 'kernel_size', [3, 3]),
      strides: pair(c, 'strides', [1, 1]),
      padding: String(c['padding'] ?? 'valid'),
      dilationRate: pair(c, 'dilation_rate', [1, 1]),
      useBias: bool(c, 'use_bias', true),
    });
  },
  MaxPooling2D: mapPooling('MaxPooling2D'),
  AveragePooling2D: mapPooling('AveragePooling2D'),
  GlobalAveragePooling2D: (layer) =>
    channelsLast(layer)
      ? ok({ kind: 'GlobalAveragePooling2D', params: {} })
      : unsupported(layer, 'channels_first data'),
  Flatten: (layer) =>
    channelsLast(layer)
      ? ok({ kind: 'Flatten', params: {} })
      : unsupported(layer, 'channels_first data'),
  Reshape: (layer) => {
    const target = layer.config['target_shape'];
    if (!Array.isArray(target) || !target.every((d) => typeof d === 'number' && d > 0))
      return unsupported(layer, 'a target shape with -1 or unknown sizes');
    return ok({ kind: 'Reshape', params: { targetShape: target as number[] } });
  },
  Dropout: (layer) => {
    const seed = layer.config['seed'];
    return ok({
      kind: 'Dropout',
      params: {
        rate: num(layer.config, 'rate', 0.5),
        seed: typeof seed === 'number' ? seed : null,
      },
    });
  },
  Activation: (layer) => {
    const raw = String(layer.config['activation'] ?? 'linear');
    const mapped = layerActivations[raw];
    return mapped === undefined
      ? unsupported(layer, `activation "${raw}"`)
      : ok({ kind: 'Activation', params: { activation: mapped } });
  },
  ReLU: (layer) =>
    layer.config['max_value'] == null
      ? ok({ kind: 'Activation', params: { activation: 'relu' } })
      : unsupported(layer, 'max_value'),
  ELU: (layer) =>
    num(layer.config, 'alpha', 1) === 1
      ? ok({ kind: 'Activation', params: { activation: 'elu' } })
      : unsupported(layer, 'alpha ≠ 1'),
  // The catalog's leakyRelu is TF.js's LeakyReLU layer with its default alpha 0.3.
  LeakyReLU: (layer) =>
    Math.abs(num(layer.config, 'alpha', 0.3) - 0.3) < 1e-7
      ? ok({ kind: 'Activation', params: { activation: 'leakyRelu' } })
      : unsupported(layer, 'alpha ≠ 0.3'),
  Softmax: (layer) => {
    const axis = layer.config['axis'];
    const last =
      axis === undefined ||
      axis === null ||
      axis === -1 ||
      (Array.isArray(axis) && axis.length === 1 && axis[0] === -1);
    return last
      ? ok({ kind: 'Softmax', params: {} })
      : unsupported(layer, `softmax over axis ${JSON.stringify(axis)}`);
  },
  BatchNormalization: (layer) => {
    const c = layer.config;
    const axis = c['axis'];
    if (!(
      axis === undefined ||
      axis === -1 ||
      (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
    )) {
      // A positive axis is the last one only if it equals rank − 1, which the input shape decides; accept −1 only.
      return unsupported(
        layer,
        `normalisation over axis ${JSON.stringify(axis)} (LayerLab normalises the last axis, −1)`,
      );
    }
    if (c['center'] === false || c['scale'] === false)
      return unsupported(layer, 'center=false or scale=false');
    return ok({
      kind: 'BatchNormalization',
      params: { momentum: num(c, 'momentum', 0.99), epsilon: num(c, 'epsilon', 0.001) },
    });
  },
  Embedding: (layer) => {
    if (bool(layer.config, 'mask_zero', false)) return unsupported(layer, 'mask_zero=true');
    return ok({
      kind: 'Embedding',
      params: {
        inputDim: num(layer.config, 'input_dim', 1),
        outputDim: num(layer.config, 'output_dim', 1),
        inputDimFromDataset: false,
      },
    });
  },
  SimpleRNN: mapRecurrent('SimpleRNN'),
  LSTM: mapRecurrent('LSTM'),
  GRU: mapRecurrent('GRU'),
  Add: () => ok({ kind: 'Add', params: {} }),
  Concatenate: (layer) =>
    ok({ kind: 'Concatenate', params: { axis: num(layer.config, 'axis', -1) } }),
};

/** Class names LayerLab can import, for messages and docs. */
export const importableClassNames: readonly string[] = Object.keys(mappers);

/** Maps one layer of a parsed topology to a catalog kind, or explains why it cannot. */
export function mapLayer(
  layer: TopologyLayer,
  topology: Topology,
): Result<MappedLayer, ImportError> {
  const mapper = mappers[layer.className];
  if (mapper === undefined) {
    return err(
      importError(
        'import-unknown-layer',
        `Layer "${layer.name}" is a ${layer.className}, which LayerLab does not support. Supported: ${importableClassNames.join(', ')}.`,
        `${layer.name} (${layer.className})`,
      ),
    );
  }
  return mapper(layer, topology);
}
