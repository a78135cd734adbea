import type * as tf from '@tensorflow/tfjs';

import type { ParamValue, Params } from '../graph/types';
import type { InferenceContext } from '../shapes/inference-context';
import type { Shape } from '../shapes/shape';
import type { Translated } from '../validate/diagnostic';

/** Palette groups, in palette order. */
export type LayerFamily =
  | 'input'
  | 'core'
  | 'activation'
  | 'convolution'
  | 'pooling'
  | 'normalization'
  | 'recurrent'
  | 'embedding'
  | 'merge';

/** How the inspector edits a param and how it is checked. */
export type ParamType = 'int' | 'float' | 'bool' | 'enum' | 'intList';

/** One parameter of a layer kind, named as in TF.js (`units`, `kernelSize`). */
export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly default: ParamValue;
  readonly label: Translated;
  /** One sentence: the inspector tooltip and the doc line. */
  readonly description: Translated;
  /** Inclusive bounds for int/float (and for every entry of an intList). */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values of an enum. */
  readonly options?: readonly string[];
  /** Fixed length of an intList (e.g. 2 for `kernelSize`). */
  readonly length?: number;
  /** Shown on the canvas node as a key parameter. */
  readonly key?: boolean;
  /** `null` is allowed and means "not set: use TF.js's default" (e.g. Dropout `seed`). */
  readonly nullable?: boolean;
  /** Bounds on the number of entries of a variable-length intList (e.g. Reshape `targetShape`). */
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** Declared input requirements, in TF.js's `InputSpec` vocabulary (rank includes the batch axis). */
export interface InputSpec {
  readonly ndim?: number;
  readonly minNDim?: number;
  readonly maxNDim?: number;
}

/** Failure of shape inference: a message-table code and its arguments. */
export interface ShapeProblem {
  readonly code: string;
  readonly args: Readonly<Record<string, string | number>>;
}

export type ShapeInference =
  | { readonly ok: true; readonly shape: Shape }
  | { readonly ok: false; readonly problem: ShapeProblem };

/**
 * Everything LayerLab knows about one layer kind. One file per kind in
 * `core/layers/`, listed explicitly in `core/layers/catalog.ts`.
 */
export interface LayerSpec {
  /** Keras class name, or `ImageInput` / `SequenceInput` / `VectorInput` for inputs. */
  readonly kind: string;
  readonly family: LayerFamily;
  readonly label: Translated;
  readonly description: Translated;
  /** Short formula for the docs, e.g. `y = g(Wx + b)`. */
  readonly formula: string;
  readonly params: readonly ParamSpec[];
  /** Number of incoming edges allowed: inputs have max 0, merges min 2. */
  readonly arity: { readonly min: number; readonly max: number };
  readonly inputSpec?: InputSpec;
  /** Output shape from input shapes (batch axis included) and params. Never throws. */
  inferShape(inputShapes: readonly Shape[], params: Params): ShapeInference;
  /** Trainable + non-trainable weights, as TF.js `countParams()` reports. */
  countParams(inputShapes: readonly Shape[], params: Params): number;
  /** The non-trainable part of `countParams` (BatchNormalization's moving statistics); 0 when absent. */
  nonTrainableParams?(inputShapes: readonly Shape[], params: Params): number;
  /**
   * Params as they take effect once the project's dataset is known, e.g. Dense
   * `units` = class count when `unitsFromDataset` is on. Absent = params as stored.
   */
  resolveParams?(params: Params, context: InferenceContext): Params;
  /**
   * The TF.js layer for these params. Input kinds return the per-sample shape
   * through `inputShape` instead and are built with `tf.input`.
   */
  toTf?(params: Params, name: string): tf.layers.Layer;
  inputShape?(params: Params): number[];
}
