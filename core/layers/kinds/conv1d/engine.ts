import {
  EngineUnsupported,
  engineActivationOf,
  enginePadding,
} from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { conv2dOp } from '../../../engine/ops/conv2d';
import type { EngineOp, ParamSlot } from '../../../engine/ops/op';

/** The single entry of TF.js's Conv1D list configs (`kernelSize: [3]`). */
function first(value: unknown, fallback: number): number {
  return Number((Array.isArray(value) ? value[0] : value) ?? fallback);
}

/** The same slot under another shape: offsets are the engine's, read and written through. */
function reshapedSlot(slot: ParamSlot, shape: readonly number[]): ParamSlot {
  return {
    shape,
    size: slot.size,
    trainable: slot.trainable,
    get weight() {
      return slot.weight;
    },
    set weight(at: number) {
      slot.weight = at;
    },
    get grad() {
      return slot.grad;
    },
    set grad(at: number) {
      slot.grad = at;
    },
  };
}

/**
 * A Conv2D op over [1, steps, features] seen as [steps, features]: the memory
 * layouts are the same (NHWC with H = 1), and so is the kernel's
 * ([1, k, in, out] is TF.js's Conv1D [k, in, out]), so no new kernel is needed.
 */
function asSequenceOp(inner: EngineOp): EngineOp {
  const [, steps = 0, filters = 0] = inner.outShape;
  return {
    layerName: inner.layerName,
    outShape: [steps, filters],
    params: inner.params.map((p) => (p.shape.length === 4 ? reshapedSlot(p, p.shape.slice(1)) : p)),
    scratchPerExample: inner.scratchPerExample,
    plan: (ctx) => inner.plan(ctx),
    forward: (ctx, input, n, training) => inner.forward(ctx, input, n, training),
    backward: (ctx, dOutput, dInput, n) => inner.backward(ctx, dOutput, dInput, n),
    get skipActivationBackward() {
      return inner.skipActivationBackward === true;
    },
    set skipActivationBackward(skip: boolean) {
      inner.skipActivationBackward = skip;
    },
  };
}

/** Conv1D on [steps, features], as a 1 × k Conv2D (same/valid padding, strides, dilation). */
export function planConv1d(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (inShape.length !== 2)
    throw new EngineUnsupported(
      'unsupported-setting',
      'Conv1D needs a [steps, features] input',
      name,
    );
  const activation = engineActivationOf(config, name);
  const [steps = 0, features = 0] = inShape;
  const op = conv2dOp(name, [1, steps, features], {
    filters: Number(config.filters),
    kernelSize: [1, first(config.kernelSize, 3)],
    strides: [1, first(config.strides, 1)],
    dilationRate: [1, first(config.dilationRate, 1)],
    padding: enginePadding(config, name),
    activation,
    useBias: config.useBias !== false,
  });
  return { op: asSequenceOp(op), activation };
}

/** 2 · output steps · filters · kernel taps · input features. */
export function conv1dFlops(
  config: Readonly<Record<string, unknown>>,
  inShape: readonly (number | null)[],
  outShape: readonly (number | null)[],
): number {
  const cin = Number(inShape[inShape.length - 1]);
  return 2 * Number(outShape[1]) * Number(outShape[2]) * first(config.kernelSize, 3) * cin;
}
