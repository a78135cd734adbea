import type * as tf from '@tensorflow/tfjs';

import type { LossKind } from '../train/config';
import {
  isEngineActivation,
  isRecurrentActivation,
  type EngineActivation,
  type RecurrentActivation,
} from './kernel-abi';
import { batchNormOp } from './ops/batch-norm';
import { conv2dOp } from './ops/conv2d';
import { denseOp } from './ops/dense';
import type { EngineOp } from './ops/op';
import { globalAvgPoolOp, pool2dOp } from './ops/pooling';
import { gruOp } from './ops/gru';
import { embeddingOp, lstmOp, simpleRnnOp } from './ops/recurrent';
import { activationOp, dropoutOp, flattenOp } from './ops/simple';

/** Why a model cannot be trained by the engine (stable codes; `reason` is English detail for logs and tooltips). */
export type EngineUnsupportedCode =
  | 'not-a-chain'
  | 'unsupported-layer'
  | 'unsupported-setting'
  | 'unsupported-input'
  | 'unsupported-loss'
  | 'no-simd';

export type EngineSupport =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: EngineUnsupportedCode;
      readonly reason: string;
      readonly layerName?: string;
    };

/** A model the engine can run: its ops in order and what the loss needs. */
export interface EnginePlan {
  readonly inputShape: readonly number[];
  /** int32 for token ids (the first op is then an Embedding). */
  readonly inputDtype: 'float32' | 'int32';
  readonly ops: readonly EngineOp[];
  readonly outputActivation: EngineActivation;
  readonly outputUnits: number;
}

type Config = Record<string, unknown>;

class Unsupported extends Error {
  constructor(
    readonly code: EngineUnsupportedCode,
    message: string,
    readonly layerName?: string,
  ) {
    super(message);
  }
}

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value))
    return [Number(value[0] ?? fallback), Number(value[1] ?? value[0] ?? fallback)];
  if (typeof value === 'number') return [value, value];
  return [fallback, fallback];
}

function activationOf(config: Config, layer: string): EngineActivation {
  const name = config.activation ?? 'linear';
  if (!isEngineActivation(name))
    throw new Unsupported(
      'unsupported-setting',
      `activation ${String(name)} is not in the engine`,
      layer,
    );
  return name;
}

function rejectExtras(config: Config, layer: string): void {
  for (const key of [
    'kernelRegularizer',
    'biasRegularizer',
    'activityRegularizer',
    'kernelConstraint',
    'biasConstraint',
  ]) {
    if (config[key] != null)
      throw new Unsupported('unsupported-setting', `${key} is not in the engine`, layer);
  }
  if (config.dataFormat != null && config.dataFormat !== 'channelsLast')
    throw new Unsupported('unsupported-setting', 'only channels-last data', layer);
}

function padding(config: Config, layer: string): 'same' | 'valid' {
  const p = config.padding ?? 'valid';
  if (p !== 'same' && p !== 'valid')
    throw new Unsupported('unsupported-setting', `padding ${String(p)}`, layer);
  return p;
}

function opFor(
  layer: tf.layers.Layer,
  inShape: readonly number[],
): { op: EngineOp; activation: EngineActivation | null } {
  const name = layer.name;
  const kind = layer.getClassName();
  const config = layer.getConfig() as Config;
  rejectExtras(config, name);
  switch (kind) {
    case 'Dense': {
      if (inShape.length !== 1)
        throw new Unsupported('unsupported-setting', 'Dense on a non-flat input', name);
      const activation = activationOf(config, name);
      return {
        op: denseOp(
          name,
          inShape[0] ?? 0,
          Number(config.units),
          activation,
          config.useBias !== false,
        ),
        activation,
      };
    }
    case 'Conv2D': {
      if (inShape.length !== 3)
        throw new Unsupported('unsupported-setting', 'Conv2D needs an [H, W, C] input', name);
      const activation = activationOf(config, name);
      const settings = {
        filters: Number(config.filters),
        kernelSize: pair(config.kernelSize, 3),
        strides: pair(config.strides, 1),
        dilationRate: pair(config.dilationRate, 1),
        padding: padding(config, name),
        activation,
        useBias: config.useBias !== false,
      };
      return { op: conv2dOp(name, inShape, settings), activation };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const poolSize = pair(config.poolSize, 2);
      const settings = {
        poolSize,
        strides: config.strides == null ? poolSize : pair(config.strides, 2),
        padding: padding(config, name),
      };
      return {
        op: pool2dOp(name, kind === 'MaxPooling2D' ? 'max' : 'avg', inShape, settings),
        activation: null,
      };
    }
    case 'GlobalAveragePooling2D':
      return { op: globalAvgPoolOp(name, inShape), activation: null };
    case 'Flatten':
      return { op: flattenOp(name, inShape), activation: null };
    case 'Dropout': {
      if (config.noiseShape != null)
        throw new Unsupported('unsupported-setting', 'Dropout noiseShape', name);
      return { op: dropoutOp(name, inShape, Number(config.rate ?? 0)), activation: null };
    }
    case 'BatchNormalization': {
      const axis = Number(config.axis ?? -1);
      if (axis !== -1 && axis !== inShape.length)
        throw new Unsupported(
          'unsupported-setting',
          'BatchNormalization over an axis other than the last',
          name,
        );
      if (config.center === false || config.scale === false)
        throw new Unsupported(
          'unsupported-setting',
          'BatchNormalization without center or scale',
          name,
        );
      for (const key of [
        'betaRegularizer',
        'gammaRegularizer',
        'betaConstraint',
        'gammaConstraint',
      ]) {
        if (config[key] != null)
          throw new Unsupported('unsupported-setting', `${key} is not in the engine`, name);
      }
      return {
        op: batchNormOp(
          name,
          inShape,
          Number(config.momentum ?? 0.99),
          Number(config.epsilon ?? 1e-3),
        ),
        activation: null,
      };
    }
    case 'Embedding': {
      if (inShape.length !== 1)
        throw new Unsupported(
          'unsupported-setting',
          'Embedding needs a [length] input of token ids',
          name,
        );
      if (config.maskZero === true)
        throw new Unsupported('unsupported-setting', 'Embedding maskZero', name);
      for (const key of ['embeddingsRegularizer', 'embeddingsConstraint']) {
        if (config[key] != null)
          throw new Unsupported('unsupported-setting', `${key} is not in the engine`, name);
      }
      return {
        op: embeddingOp(name, inShape[0] ?? 1, Number(config.inputDim), Number(config.outputDim)),
        activation: null,
      };
    }
    case 'LSTM':
    case 'GRU': {
      if (inShape.length !== 2)
        throw new Unsupported(
          'unsupported-setting',
          `${kind} needs a [steps, features] input`,
          name,
        );
      if (config.resetAfter === true)
        throw new Unsupported('unsupported-setting', 'GRU resetAfter', name);
      if (config.returnState === true || config.goBackwards === true || config.stateful === true) {
        throw new Unsupported(
          'unsupported-setting',
          `${kind} with returnState, goBackwards or stateful`,
          name,
        );
      }
      if (Number(config.dropout ?? 0) !== 0 || Number(config.recurrentDropout ?? 0) !== 0)
        throw new Unsupported('unsupported-setting', `${kind} dropout`, name);
      for (const key of ['recurrentRegularizer', 'recurrentConstraint']) {
        if (config[key] != null)
          throw new Unsupported('unsupported-setting', `${key} is not in the engine`, name);
      }
      const recurrentActivation = config.recurrentActivation ?? 'hardSigmoid';
      const activation = config.activation ?? 'tanh';
      if (!isRecurrentActivation(recurrentActivation) || !isRecurrentActivation(activation))
        throw new Unsupported(
          'unsupported-setting',
          `${kind} activations ${String(activation)}/${String(recurrentActivation)}`,
          name,
        );
      const settings = {
        units: Number(config.units),
        returnSequences: config.returnSequences === true,
        activation: activation as RecurrentActivation,
        recurrentActivation: recurrentActivation as RecurrentActivation,
        useBias: config.useBias !== false,
      };
      return {
        op: kind === 'LSTM' ? lstmOp(name, inShape, settings) : gruOp(name, inShape, settings),
        activation: null,
      };
    }
    case 'SimpleRNN': {
      if (inShape.length !== 2)
        throw new Unsupported(
          'unsupported-setting',
          'SimpleRNN needs a [steps, features] input',
          name,
        );
      if (config.returnState === true || config.goBackwards === true || config.stateful === true) {
        throw new Unsupported(
          'unsupported-setting',
          'SimpleRNN with returnState, goBackwards or stateful',
          name,
        );
      }
      if (Number(config.dropout ?? 0) !== 0 || Number(config.recurrentDropout ?? 0) !== 0)
        throw new Unsupported('unsupported-setting', 'SimpleRNN dropout', name);
      for (const key of ['recurrentRegularizer', 'recurrentConstraint']) {
        if (config[key] != null)
          throw new Unsupported('unsupported-setting', `${key} is not in the engine`, name);
      }
      const activation = activationOf(config, name);
      if (activation === 'softmax')
        throw new Unsupported('unsupported-setting', 'SimpleRNN with softmax', name);
      return {
        op: simpleRnnOp(
          name,
          inShape,
          Number(config.units),
          activation,
          config.useBias !== false,
          config.returnSequences === true,
        ),
        activation: null,
      };
    }
    case 'Activation': {
      const activation = activationOf(config, name);
      return { op: activationOp(name, inShape, activation), activation };
    }
    case 'Softmax': {
      const axis = config.axis ?? -1;
      if (axis !== -1 && axis !== inShape.length)
        throw new Unsupported('unsupported-setting', `Softmax over axis ${String(axis)}`, name);
      return { op: activationOp(name, inShape, 'softmax'), activation: 'softmax' };
    }
    default:
      throw new Unsupported('unsupported-layer', `${kind} layers are not in the engine yet`, name);
  }
}

function checkLoss(loss: LossKind, activation: EngineActivation, units: number): void {
  if (
    (loss === 'categoricalCrossentropy' || loss === 'sparseCategoricalCrossentropy') &&
    (activation !== 'softmax' || units < 2)
  ) {
    throw new Unsupported(
      'unsupported-loss',
      `${loss} needs a softmax output layer with 2 or more units`,
    );
  }
  if (loss === 'binaryCrossentropy' && activation !== 'sigmoid')
    throw new Unsupported('unsupported-loss', 'binaryCrossentropy needs a sigmoid output layer');
}

function isChainLink(layer: tf.layers.Layer, previous: tf.SymbolicTensor): boolean {
  try {
    return layer.inboundNodes.length === 1 && layer.input === previous;
  } catch {
    return false; // `input` throws for layers applied more than once
  }
}

/**
 * Turns a compiled-from-graph model into the engine's op list, or throws
 * `Unsupported` naming the first thing the engine cannot do. Only single-input,
 * single-output chains of supported layers qualify.
 */
function planOrThrow(model: tf.LayersModel, loss: LossKind): EnginePlan {
  if (model.inputs.length !== 1 || model.outputs.length !== 1)
    throw new Unsupported('not-a-chain', 'the engine trains single-input, single-output models');
  const input = model.inputs[0];
  if (!input) throw new Unsupported('not-a-chain', 'the model has no input');
  const firstLayer = model.layers.find((l) => l.getClassName() !== 'InputLayer');
  if (input.dtype === 'int32' && firstLayer?.getClassName() !== 'Embedding')
    throw new Unsupported('unsupported-input', 'token ids must go into an Embedding first');
  if (input.dtype !== 'int32' && input.dtype !== 'float32')
    throw new Unsupported('unsupported-input', `${input.dtype} inputs`);
  if (input.dtype === 'float32' && firstLayer?.getClassName() === 'Embedding')
    throw new Unsupported('unsupported-input', 'an Embedding needs int32 token ids');
  let shape = input.shape.slice(1).map((d) => (typeof d === 'number' ? d : -1));
  if (shape.some((d) => d < 1))
    throw new Unsupported('unsupported-input', 'the input shape is not fully known');
  const inputShape = shape;
  const ops: EngineOp[] = [];
  // Functional models list their InputLayer, Sequential ones do not: follow symbolic tensors instead.
  let previous: tf.SymbolicTensor = input;
  let activation: EngineActivation = 'linear';
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (!isChainLink(layer, previous))
      throw new Unsupported('not-a-chain', 'the graph branches or merges', layer.name);
    const built = opFor(layer, shape);
    ops.push(built.op);
    shape = [...built.op.outShape];
    if (built.activation !== null) activation = built.activation;
    previous = layer.output as tf.SymbolicTensor;
  }
  if (ops.length === 0 || model.outputs[0] !== previous)
    throw new Unsupported('not-a-chain', 'the output is not the end of the chain');
  if (shape.length !== 1)
    throw new Unsupported('unsupported-setting', 'the output must be flat ([units])');
  const outputUnits = shape[0] ?? 1;
  checkLoss(loss, activation, outputUnits);
  return {
    inputShape,
    inputDtype: input.dtype === 'int32' ? 'int32' : 'float32',
    ops,
    outputActivation: activation,
    outputUnits,
  };
}

/** Plans `model` for the engine; `ok: false` carries the reason the caller shows when it falls back to TF.js. */
export function planEngineModel(
  model: tf.LayersModel,
  loss: LossKind,
): { ok: true; plan: EnginePlan } | Extract<EngineSupport, { ok: false }> {
  try {
    return { ok: true, plan: planOrThrow(model, loss) };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return error.layerName === undefined
      ? { ok: false, code: error.code, reason: error.message }
      : {
          ok: false,
          code: error.code,
          reason: `${error.layerName}: ${error.message}`,
          layerName: error.layerName,
        };
  }
}

/**
 * Whether LayerLab's engine can train this compiled model with this loss.
 * `{ ok: false, reason }` means: train with TF.js and show the reason.
 */
export function canTrainWithEngine(model: tf.LayersModel, loss: LossKind): EngineSupport {
  const planned = planEngineModel(model, loss);
  return planned.ok ? { ok: true } : planned;
}
