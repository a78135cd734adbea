import type { TopologyLayer } from '../../import/topology';
import type { NamedWeight } from '../../import/weights';
import type { NpyArray } from './npz';
import { permuteAxes, transpose2d } from './tensor-layout';
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

type Weights = ReadonlyMap<string, NamedWeight>;

const f32 = (values: Float32Array, shape: readonly number[]): NpyArray => ({
  dtype: 'float32',
  shape,
  values,
});
const py = (value: unknown): string =>
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

function need(layer: TopologyLayer, weights: Weights, short: string): NamedWeight {
  const w = weights.get(short);
  if (w === undefined) throw new TorchUnsupported(layer.name, `weight "${short}" is missing`);
  return w;
}

function pair(layer: TopologyLayer, key: string, fallback: readonly number[]): number[] {
  const v = layer.config[key];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return v.map(Number);
  return [...fallback];
}

function requireChannelsLast(layer: TopologyLayer): void {
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

function dense(layer: TopologyLayer, weights: Weights): TorchLayer {
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const t = transpose2d(kernel.values, kernel.shape);
  const state: Record<string, NpyArray> = { weight: f32(t.values, t.shape) };
  if (bias !== undefined) state['bias'] = f32(bias.values, bias.shape);
  return {
    module: `DenseTF(${kernel.shape[0]}, ${kernel.shape[1]}, bias=${py(bias !== undefined)}, activation=${py(activationKey(layer))})`,
    call: ([x], self) => `${self}(${x})`,
    state,
  };
}

function conv2d(layer: TopologyLayer, weights: Weights): TorchLayer {
  requireChannelsLast(layer);
  const kernel = need(layer, weights, 'kernel');
  const bias = weights.get('bias');
  const [kh, kw, cin, cout] = kernel.shape;
  const oihw = permuteAxes(kernel.values, kernel.shape, [3, 2, 0, 1]);
  const state: Record<string, NpyArray> = { weight: f32(oihw.values, oihw.shape) };
  if (bias !== undefined) state['bias'] = f32(bias.values, bias.shape);
  const padding = String(layer.config['padding'] ?? 'valid');
  if (padding !== 'same' && padding !== 'valid')
    throw new TorchUnsupported(layer.name, `padding "${padding}" is not supported`);
  const strides = pair(layer, 'strides', [1, 1]);
  const dilation = pair(layer, 'dilation_rate', [1, 1]);
  return {
    module: `Conv2dTF(${cin}, ${cout}, (${kh}, ${kw}), stride=(${strides.join(', ')}), dilation=(${dilation.join(', ')}), padding=${py(padding)}, bias=${py(bias !== undefined)}, activation=${py(activationKey(layer))})`,
    call: ([x], self) => `${self}(${x})`,
    state,
  };
}

function pooling(mode: 'max' | 'avg') {
  return (layer: TopologyLayer): TorchLayer => {
    requireChannelsLast(layer);
    const poolSize = pair(layer, 'pool_size', [2, 2]);
    const strides = layer.config['strides'] == null ? poolSize : pair(layer, 'strides', poolSize);
    const padding = String(layer.config['padding'] ?? 'valid');
    return {
      module: `Pool2dTF(${py(mode)}, (${poolSize.join(', ')}), (${strides.join(', ')}), ${py(padding)})`,
      call: ([x], self) => `${self}(${x})`,
      state: {},
    };
  };
}

function batchNorm(layer: TopologyLayer, weights: Weights): TorchLayer {
  const axis = layer.config['axis'];
  if (!(
    axis === undefined ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  )) {
    throw new TorchUnsupported(
      layer.name,
      `normalisation over axis ${JSON.stringify(axis)} is not supported (only the last axis)`,
    );
  }
  const mean = need(layer, weights, 'moving_mean');
  const variance = need(layer, weights, 'moving_variance');
  const n = mean.values.length;
  const gamma = weights.get('gamma')?.values ?? new Float32Array(n).fill(1);
  const beta = weights.get('beta')?.values ?? new Float32Array(n);
  const eps = Number(layer.config['epsilon'] ?? 0.001);
  return {
    module: `BatchNormTF(${n}, eps=${eps})`,
    call: ([x], self) => `${self}(${x})`,
    state: {
      weight: f32(gamma, [n]),
      bias: f32(beta, [n]),
      running_mean: f32(mean.values, [n]),
      running_var: f32(variance.values, [n]),
      num_batches_tracked: { dtype: 'int64', shape: [], values: new BigInt64Array(1) },
    },
  };
}

function embedding(layer: TopologyLayer, weights: Weights): TorchLayer {
  const table = need(layer, weights, 'embeddings');
  const maskZero = layer.config['mask_zero'] === true;
  return {
    module: `EmbeddingTF(${table.shape[0]}, ${table.shape[1]})`,
    call: ([x], self) => `${self}(${x})`,
    state: { weight: f32(table.values, table.shape) },
    mask: ([x]) => (maskZero ? `(${x}.long() != 0)` : null),
  };
}

function recurrent(cell: 'SimpleRNN' | 'LSTM' | 'GRU') {
  return (layer: TopologyLayer, weights: Weights): TorchLayer => {
    const c = layer.config;
    if (c['go_backwards'] === true || c['stateful'] === true || c['return_state'] === true) {
      throw new TorchUnsupported(
        layer.name,
        'go_backwards, stateful and return_state are not supported',
      );
    }
    if (c['reset_after'] === true)
      throw new TorchUnsupported(layer.name, 'GRU reset_after=true is not supported');
    const kernel = need(layer, weights, 'kernel');
    const recurrentKernel = need(layer, weights, 'recurrent_kernel');
    const bias = weights.get('bias');
    const [inputSize, gateUnits] = kernel.shape as [number, number];
    const units = recurrentKernel.shape[0] ?? 0;
    const ih = transpose2d(kernel.values, kernel.shape);
    const hh = transpose2d(recurrentKernel.values, recurrentKernel.shape);
    const state: Record<string, NpyArray> = {
      weight_ih_l0: f32(ih.values, ih.shape),
      weight_hh_l0: f32(hh.values, hh.shape),
      bias_ih_l0: f32(bias?.values ?? new Float32Array(gateUnits), [gateUnits]),
      bias_hh_l0: f32(new Float32Array(gateUnits), [gateUnits]),
    };
    const activation = activationKey(layer, 'activation', 'tanh');
    const recurrentActivation =
      cell === 'SimpleRNN'
        ? 'linear'
        : activationKey(layer, 'recurrent_activation', 'hard_sigmoid');
    const returnSequences = c['return_sequences'] === true;
    const exactLstm = cell === 'LSTM' && activation === 'tanh' && recurrentActivation === 'sigmoid';
    return {
      module: exactLstm
        ? `LSTMTF(${inputSize}, ${units}, return_sequences=${py(returnSequences)})`
        : `RecurrentTF(${py(cell)}, ${inputSize}, ${units}, ${py(activation)}, ${py(recurrentActivation)}, return_sequences=${py(returnSequences)})`,
      call: ([x], self, mask) => {
        if (exactLstm && mask !== null)
          throw new TorchUnsupported(layer.name, 'masking with nn.LSTM is not supported');
        return mask === null ? `${self}(${x})` : `${self}(${x}, mask=${mask})`;
      },
      state,
      mask: (_inputs, mask) => (returnSequences ? mask : null),
    };
  };
}

const plain = (call: (inputs: readonly string[]) => string, keepsMask = false): TorchLayer => ({
  module: null,
  call: (inputs) => call(inputs),
  state: {},
  ...(keepsMask ? { mask: (_: readonly string[], mask: string | null) => mask } : {}),
});

function lastAxisOnly(layer: TopologyLayer): void {
  const axis = layer.config['axis'];
  if (!(
    axis === undefined ||
    axis === null ||
    axis === -1 ||
    (Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
  )) {
    throw new TorchUnsupported(
      layer.name,
      `softmax over axis ${JSON.stringify(axis)} is not supported`,
    );
  }
}

type Converter = (layer: TopologyLayer, weights: Weights) => TorchLayer;

/** TF.js/Keras class name → its PyTorch form. Layers not listed make the PyTorch route unavailable. */
const converters: Readonly<Record<string, Converter>> = {
  Dense: dense,
  Conv2D: conv2d,
  MaxPooling2D: pooling('max'),
  AveragePooling2D: pooling('avg'),
  BatchNormalization: batchNorm,
  Embedding: embedding,
  SimpleRNN: recurrent('SimpleRNN'),
  LSTM: recurrent('LSTM'),
  GRU: recurrent('GRU'),
  // Tensors stay NHWC between layers, so Flatten keeps TF.js's element order.
  Flatten: () => plain(([x]) => `${x}.reshape(${x}.shape[0], -1)`),
  Reshape: (layer) => {
    const target = layer.config['target_shape'];
    if (!Array.isArray(target))
      throw new TorchUnsupported(layer.name, 'Reshape without a target shape');
    return plain(([x]) => `${x}.reshape(${x}.shape[0], ${target.map(Number).join(', ')})`);
  },
  GlobalAveragePooling2D: (layer) => (
    requireChannelsLast(layer),
    plain(([x]) => `${x}.mean(dim=(1, 2))`)
  ),
  GlobalMaxPooling2D: (layer) => (
    requireChannelsLast(layer),
    plain(([x]) => `${x}.amax(dim=(1, 2))`)
  ),
  Dropout: () => plain(([x]) => `${x}`, true),
  SpatialDropout1D: () => plain(([x]) => `${x}`, true),
  Activation: (layer) => {
    const key = activationKey(layer);
    return plain(([x]) => `ACTIVATIONS[${py(key)}](${x})`, true);
  },
  ReLU: (layer) => {
    const max = layer.config['max_value'];
    return plain(([x]) =>
      typeof max === 'number' ? `torch.clamp(${x}, 0.0, ${max})` : `F.relu(${x})`,
    );
  },
  LeakyReLU: (layer) =>
    plain(([x]) => `F.leaky_relu(${x}, ${Number(layer.config['alpha'] ?? 0.3)})`),
  ELU: (layer) => plain(([x]) => `F.elu(${x}, ${Number(layer.config['alpha'] ?? 1)})`),
  Softmax: (layer) => (lastAxisOnly(layer), plain(([x]) => `torch.softmax(${x}, dim=-1)`)),
  Add: () => plain((xs) => xs.join(' + ')),
  Subtract: () => plain(([a, b]) => `${a} - ${b}`),
  Multiply: () => plain((xs) => xs.join(' * ')),
  Average: () => plain((xs) => `(${xs.join(' + ')}) / ${xs.length}`),
  Maximum: () =>
    plain((xs) => xs.slice(1).reduce((acc, x) => `torch.maximum(${acc}, ${x})`, xs[0] ?? '')),
  Concatenate: (layer) =>
    plain((xs) => `torch.cat([${xs.join(', ')}], dim=${Number(layer.config['axis'] ?? -1)})`),
};

/** Converts one layer, or throws `TorchUnsupported` naming the layer and the reason. */
export function toTorchLayer(layer: TopologyLayer, weights: Weights): TorchLayer {
  const convert = converters[layer.className];
  if (convert === undefined)
    throw new TorchUnsupported(layer.name, `${layer.className} has no PyTorch export yet`);
  return convert(layer, weights);
}
