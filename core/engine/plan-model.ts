import type * as tf from '@tensorflow/tfjs';

import { layerKindOfTfClass } from '../layers/catalog';
import type { LossKind } from '../train/config';
import type { EngineActivation } from './kernel-abi';
import {
  EngineUnsupported as Unsupported,
  rejectConfigKeys,
  type EngineUnsupportedCode,
  type PlannedLayer,
} from './layer-planning';
import type { EngineOp, StepMask } from './ops/op';

export type { EngineUnsupportedCode } from './layer-planning';

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

/** Settings no engine op applies, whatever the kind. */
function rejectExtras(config: Config, layer: string): void {
  rejectConfigKeys(config, layer, [
    'kernelRegularizer',
    'biasRegularizer',
    'activityRegularizer',
    'kernelConstraint',
    'biasConstraint',
  ]);
  if (config.dataFormat != null && config.dataFormat !== 'channelsLast')
    throw new Unsupported('unsupported-setting', 'only channels-last data', layer);
}

/** The op of one layer, from its kind's engine capability (core/layers/kinds/<kind>/engine.ts). */
function opFor(
  layer: tf.layers.Layer,
  inShape: readonly number[],
  inMask: StepMask | undefined,
): PlannedLayer {
  const name = layer.name;
  const className = layer.getClassName();
  const config = layer.getConfig() as Config;
  rejectExtras(config, name);
  const engine = layerKindOfTfClass(className)?.engine;
  if (engine === undefined)
    throw new Unsupported(
      'unsupported-layer',
      `${className} layers are not in the engine yet`,
      name,
    );
  if (!engine.supported) throw new Unsupported('unsupported-layer', engine.reason, name);
  if (engine.networkInput) throw new Unsupported('not-a-chain', 'an input inside the chain', name);
  const planned = engine.plan({ name, className, config, ...(inMask ? { inMask } : {}) }, inShape);
  if (inMask && planned.appliesMask !== true)
    throw new Unsupported(
      'unsupported-setting',
      `${className} after an Embedding with maskZero (the engine applies the padding mask in LSTM layers only)`,
      name,
    );
  return planned;
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
  let mask: StepMask | undefined;
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (!isChainLink(layer, previous))
      throw new Unsupported('not-a-chain', 'the graph branches or merges', layer.name);
    const built = opFor(layer, shape, mask);
    mask = built.outMask;
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
