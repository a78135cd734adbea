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
import type { EngineMergeOp, EngineOp, StepMask } from './ops/op';

export type { EngineUnsupportedCode } from './layer-planning';

export type EngineSupport =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: EngineUnsupportedCode;
      readonly reason: string;
      readonly layerName?: string;
    };

/**
 * One layer of a graph plan. Tensor 0 is the model input; node i's output is
 * tensor i + 1. An `op` node reads one tensor, a `merge` node several.
 */
export type EngineNode =
  | { readonly kind: 'op'; readonly op: EngineOp; readonly input: number }
  | { readonly kind: 'merge'; readonly op: EngineMergeOp; readonly inputs: readonly number[] };

/** A model the engine can run: its ops in order and what the loss needs. */
export interface EnginePlan {
  readonly inputShape: readonly number[];
  /** int32 for token ids (the first op is then an Embedding). */
  readonly inputDtype: 'float32' | 'int32';
  /** Every single-input op, in the model's layer order (a topological order): what holds weights. */
  readonly ops: readonly EngineOp[];
  /**
   * Null for a chain (op i reads op i − 1's output: the fast path); otherwise
   * every layer, merges included, in topological order, and which tensors it
   * reads. The last node's output is the model's output.
   */
  readonly graph: readonly EngineNode[] | null;
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
  if (engine.merge)
    throw new Unsupported('unsupported-setting', `${className} with one input`, name);
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

/** The merge op of a layer with several inputs. */
function mergeFor(
  layer: tf.layers.Layer,
  inShapes: readonly (readonly number[])[],
  inMasks: readonly (StepMask | undefined)[],
): EngineMergeOp {
  const name = layer.name;
  const className = layer.getClassName();
  const config = layer.getConfig() as Config;
  const engine = layerKindOfTfClass(className)?.engine;
  if (engine === undefined)
    throw new Unsupported(
      'unsupported-layer',
      `${className} layers are not in the engine yet`,
      name,
    );
  if (!engine.supported) throw new Unsupported('unsupported-layer', engine.reason, name);
  if (engine.networkInput || !engine.merge)
    throw new Unsupported('unsupported-setting', `${className} with several inputs`, name);
  if (inMasks.some((m) => m !== undefined))
    throw new Unsupported(
      'unsupported-setting',
      `${className} after an Embedding with maskZero (the engine applies the padding mask in LSTM layers only)`,
      name,
    );
  return engine.merge({ name, className, config }, inShapes);
}

/** The symbolic tensors a layer reads (it must be applied exactly once: shared layers are refused). */
function inputsOf(layer: tf.layers.Layer): tf.SymbolicTensor[] {
  if (layer.inboundNodes.length !== 1)
    throw new Unsupported('shared-layer', 'a layer used more than once', layer.name);
  const input = layer.input;
  return Array.isArray(input) ? input : [input];
}

/** What the graph walk knows of each tensor. */
interface TensorInfo {
  readonly shape: readonly number[];
  readonly mask: StepMask | undefined;
  /** The last activation applied on the way to it (for the loss check). */
  readonly activation: EngineActivation;
}

/** A graph with one node per layer, op i reading tensor i, is a chain. */
function isChain(nodes: readonly EngineNode[]): boolean {
  return nodes.every((node, i) => node.kind === 'op' && node.input === i);
}

/**
 * Turns a compiled-from-graph model into the engine's plan, or throws
 * `Unsupported` naming the first thing the engine cannot do. Single-input,
 * single-output graphs of supported layers qualify: chains, branches
 * (a tensor read by several layers) and merges (Add, Concatenate).
 */
function planOrThrow(model: tf.LayersModel, loss: LossKind): EnginePlan {
  if (model.inputs.length !== 1 || model.outputs.length !== 1)
    throw new Unsupported('not-a-chain', 'the engine trains single-input, single-output models');
  const input = model.inputs[0];
  if (!input) throw new Unsupported('not-a-chain', 'the model has no input');
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const readers = layers.filter((l) => {
    try {
      return inputsOf(l).includes(input);
    } catch {
      return false;
    }
  });
  if (input.dtype === 'int32' && readers.some((l) => l.getClassName() !== 'Embedding'))
    throw new Unsupported('unsupported-input', 'token ids must go into an Embedding first');
  if (input.dtype !== 'int32' && input.dtype !== 'float32')
    throw new Unsupported('unsupported-input', `${input.dtype} inputs`);
  if (input.dtype === 'float32' && readers.some((l) => l.getClassName() === 'Embedding'))
    throw new Unsupported('unsupported-input', 'an Embedding needs int32 token ids');
  const inputShape = input.shape.slice(1).map((d) => (typeof d === 'number' ? d : -1));
  if (inputShape.some((d) => d < 1))
    throw new Unsupported('unsupported-input', 'the input shape is not fully known');
  // Functional models list their layers in a topological order (Sequential ones omit the InputLayer).
  const tensorIds = new Map<tf.SymbolicTensor, number>([[input, 0]]);
  const tensors: TensorInfo[] = [{ shape: inputShape, mask: undefined, activation: 'linear' }];
  const nodes: EngineNode[] = [];
  for (const layer of layers) {
    const ids = inputsOf(layer).map((t) => {
      const id = tensorIds.get(t);
      if (id === undefined)
        throw new Unsupported(
          'not-a-chain',
          'a layer reads a tensor from outside the network',
          layer.name,
        );
      return id;
    });
    const ins = ids.map((id) => tensors[id]!);
    let info: TensorInfo;
    if (ids.length === 1) {
      const [from] = ins;
      const built = opFor(layer, from!.shape, from!.mask);
      nodes.push({ kind: 'op', op: built.op, input: ids[0]! });
      info = {
        shape: [...built.op.outShape],
        mask: built.outMask,
        activation: built.activation ?? from!.activation,
      };
    } else {
      const op = mergeFor(
        layer,
        ins.map((t) => t.shape),
        ins.map((t) => t.mask),
      );
      nodes.push({ kind: 'merge', op, inputs: ids });
      info = { shape: [...op.outShape], mask: undefined, activation: 'linear' };
    }
    const output = layer.output;
    if (Array.isArray(output))
      throw new Unsupported('not-a-chain', 'a layer with several outputs', layer.name);
    tensorIds.set(output, nodes.length);
    tensors.push(info);
  }
  const last = tensors[nodes.length]!;
  if (nodes.length === 0 || tensorIds.get(model.outputs[0]!) !== nodes.length)
    throw new Unsupported('not-a-chain', 'the output is not the last layer');
  if (last.shape.length !== 1)
    throw new Unsupported('unsupported-setting', 'the output must be flat ([units])');
  const outputUnits = last.shape[0] ?? 1;
  checkLoss(loss, last.activation, outputUnits);
  return {
    inputShape,
    inputDtype: input.dtype === 'int32' ? 'int32' : 'float32',
    ops: nodes.flatMap((node) => (node.kind === 'op' ? [node.op] : [])),
    graph: isChain(nodes) ? null : nodes,
    outputActivation: last.activation,
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
