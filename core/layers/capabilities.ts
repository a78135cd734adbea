import type { PlannedLayer, PlannableLayer } from '../engine/layer-planning';
import type { EngineMergeOp } from '../engine/ops/op';
import type { Params } from '../graph/types';
import type { OnnxLayer } from '../io/export/onnx/onnx-support';
import type { TorchLayer } from '../io/export/pytorch/torch-support';
import type { ImportError } from '../io/import/import-error';
import type { Topology, TopologyLayer } from '../io/import/topology';
import type { NamedWeight } from '../io/import/weights';
import type { Result } from '../result';
import type { LayerSpec } from './spec';

/**
 * What LayerLab can do with a layer kind besides editing it (the LayerSpec):
 * - `tfjs`: build it as a TF.js layer (the model of record; every kind can);
 * - `engine`: train it on LayerLab's wasm engine (core/engine); the rest falls back to TF.js;
 * - `pytorch`: write it into the export's `model.py` + `weights.npz`;
 * - `onnx`: write it into the export's `model.onnx`;
 * - `import`: read it back from a Keras/TF.js `model.json`;
 * - `inspect`: how the Inspect panel treats it (feature maps, filters, pre-activations, receptive field).
 */
export type Capability = 'tfjs' | 'engine' | 'pytorch' | 'onnx' | 'import' | 'inspect';

/** Every capability, in the order the capability test walks them. */
export const capabilityNames: readonly Capability[] = [
  'tfjs',
  'engine',
  'pytorch',
  'onnx',
  'import',
  'inspect',
];

/** A capability the kind does not have, and why (one English sentence for logs and tooltips). */
export interface Unsupported {
  readonly supported: false;
  readonly reason: string;
}

/**
 * For input kinds: the capability handles the network's inputs itself (the
 * engine chain's input, an argument of `forward` in model.py), so there is
 * nothing per kind to implement.
 */
export interface AsNetworkInput {
  readonly supported: true;
  readonly networkInput: true;
}

/** TF.js builds the kind through `spec.toTf` (or `tf.input` for input kinds). */
export interface TfjsCapability {
  readonly supported: true;
  /**
   * The TF.js class names `spec.toTf` can build (`getClassName()`), e.g. Activation
   * builds `Activation` or, for leakyRelu, `LeakyReLU`. Input kinds: `InputLayer`.
   * Engine planning, PyTorch export and inspection find the kind of a model layer by these.
   */
  readonly classNames: readonly string[];
}

/** The engine turns a layer of this kind into one op of its chain. */
export interface EngineCapability {
  readonly supported: true;
  readonly networkInput?: never;
  readonly merge?: never;
  /**
   * The op for a TF.js layer of this kind on a per-example input shape; throws
   * `EngineUnsupported` (core/engine/layer-planning.ts) for settings it cannot run.
   */
  readonly plan: (layer: PlannableLayer, inShape: readonly number[]) => PlannedLayer;
  /**
   * Forward multiply-adds × 2 per example, for the data-parallel split and the
   * benchmarks' GFLOP/s; absent for layers whose work is negligible (pooling, reshapes).
   */
  readonly forwardFlops?: (
    config: Readonly<Record<string, unknown>>,
    inShape: readonly (number | null)[],
    outShape: readonly (number | null)[],
  ) => number;
}

/** The engine runs a layer of this kind as a merge of several tensors of its graph (Add, Concatenate). */
export interface EngineMergeCapability {
  readonly supported: true;
  readonly networkInput?: never;
  readonly plan?: never;
  readonly forwardFlops?: never;
  /**
   * The op for a TF.js merge layer on its inputs' per-example shapes; throws
   * `EngineUnsupported` (core/engine/layer-planning.ts) for settings it cannot run.
   */
  readonly merge: (
    layer: PlannableLayer,
    inShapes: readonly (readonly number[])[],
  ) => EngineMergeOp;
}

/** The PyTorch export writes a layer of this kind as a module or expression. */
export interface PytorchCapability {
  readonly supported: true;
  readonly networkInput?: never;
  /** Converts one layer; throws `TorchUnsupported` (naming the layer) for settings it cannot express. */
  readonly convert: (layer: TopologyLayer, weights: ReadonlyMap<string, NamedWeight>) => TorchLayer;
}

/** The ONNX export writes a layer of this kind as nodes of `model.onnx`. */
export interface OnnxCapability {
  readonly supported: true;
  readonly networkInput?: never;
  /** Converts one layer; throws `OnnxUnsupported` (naming the layer) for settings it cannot express. */
  readonly convert: (layer: TopologyLayer, weights: ReadonlyMap<string, NamedWeight>) => OnnxLayer;
}

/** A Keras/TF.js `model.json` layer of these classes becomes this kind. */
export interface ImportCapability {
  readonly supported: true;
  /** Keras class names this kind reads (Activation also reads `ReLU`, `ELU`, `LeakyReLU`). */
  readonly classNames: readonly string[];
  /**
   * The kind's params for one layer of the file; an error when the layer uses a
   * setting the kind cannot express (the import must predict the same); `null`
   * when the layer belongs to another kind reading the same class (the three
   * input kinds all read `InputLayer`).
   */
  readonly map: (layer: TopologyLayer, topology: Topology) => Result<Params, ImportError> | null;
}

/**
 * How the receptive field of a unit passes through a layer of this kind:
 * - `input`: a network input with `axes` spatial axes (2 images, 1 sequences, 0 vectors);
 * - `window`: a sliding window over `axes` axes (kernelSize / poolSize, strides, dilationRate, padding);
 * - `global`: every unit sees the whole input (Flatten, global pooling, recurrent layers);
 * - `by-shape`: element-wise or per-position, so the field passes through while the spatial
 *   axes stay, and becomes global once the output is a vector (Dense, BatchNormalization…);
 * - `none`: the layer does not map units to windows (Reshape).
 */
export type ReceptiveFieldRule =
  | { readonly rule: 'input'; readonly axes: 0 | 1 | 2 }
  | { readonly rule: 'window'; readonly axes: 1 | 2; readonly pooling: boolean }
  | { readonly rule: 'global' }
  | { readonly rule: 'by-shape' }
  | { readonly rule: 'none' };

/** How the Inspect panel treats a layer of this kind. */
export interface InspectCapability {
  readonly supported: true;
  /** Shown in feature maps by default: what a student asks about. */
  readonly featureMaps: boolean;
  /** Has a kernel the Filters view draws (`convFilters`). */
  readonly filters: boolean;
  /**
   * Where z of a = f(z) comes from: `input` for standalone activation layers
   * (z is their input); `linear-twin` for layers with an `activation` config
   * (the same layer with a linear activation); `inside-recurrence` and `none` are
   * refused (recurrent activations act inside each step; the layer has no activation).
   */
  readonly preActivation: 'input' | 'linear-twin' | 'inside-recurrence' | 'none';
  readonly receptiveField: ReceptiveFieldRule;
}

/**
 * Everything LayerLab knows about one layer kind: its LayerSpec and, for each
 * capability, whether it is supported and how. One record per kind, in the
 * kind's folder (`core/layers/kinds/<kind>/index.ts`), listed in `catalog.ts`.
 * The engine planner, the importer, the PyTorch and ONNX exports and inspection read
 * these records instead of keeping tables of their own.
 */
export interface LayerKind {
  readonly spec: LayerSpec;
  readonly tfjs: TfjsCapability;
  readonly engine: EngineCapability | EngineMergeCapability | AsNetworkInput | Unsupported;
  readonly pytorch: PytorchCapability | AsNetworkInput | Unsupported;
  readonly onnx: OnnxCapability | AsNetworkInput | Unsupported;
  readonly import: ImportCapability | Unsupported;
  readonly inspect: InspectCapability | Unsupported;
}
