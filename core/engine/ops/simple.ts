import { activationCodes, type EngineActivation } from '../kernel-abi';
import { sizeOf, type EngineOp, type OpContext } from './op';

function copyFloats(ctx: OpContext, from: number, to: number, n: number): void {
  const buffer = ctx.kernels.memory.buffer;
  new Float32Array(buffer, to, n).set(new Float32Array(buffer, from, n));
}

/** Flatten (and any reshape that keeps the row-major order): the output is the input. */
export function flattenOp(
  layerName: string,
  inShape: readonly number[],
  outShape: readonly number[] = [sizeOf(inShape)],
): EngineOp {
  const size = sizeOf(inShape);
  return {
    layerName,
    outShape,
    params: [],
    scratchPerExample: 0,
    plan() {},
    forward: (_ctx, x) => x,
    backward(ctx, dy, dx, n) {
      if (dx !== 0 && dx !== dy) copyFloats(ctx, dy, dx, n * size);
    },
  };
}

/** A standalone Activation (or Softmax) layer. */
export function activationOp(
  layerName: string,
  shape: readonly number[],
  activation: EngineActivation,
): EngineOp {
  const size = sizeOf(shape);
  const width = shape[shape.length - 1] ?? 1;
  const act = activationCodes[activation];
  let out = 0;
  const op: EngineOp = {
    layerName,
    outShape: shape,
    params: [],
    scratchPerExample: 0,
    plan(ctx) {
      out = ctx.arena.alloc(ctx.maxBatch * size);
    },
    forward(ctx, x, n) {
      copyFloats(ctx, x, out, n * size);
      ctx.kernels.activate(act, out, (n * size) / width, width);
      return out;
    },
    backward(ctx, dy, dx, n) {
      if (dx === 0) return;
      if (!op.skipActivationBackward)
        ctx.kernels.activateBackward(act, out, dy, (n * size) / width, width);
      copyFloats(ctx, dy, dx, n * size);
    },
  };
  return op;
}

/** Dropout: in training, multiplies by a seeded mask of 0 and 1/(1−rate); identity otherwise. */
export function dropoutOp(layerName: string, shape: readonly number[], rate: number): EngineOp {
  const size = sizeOf(shape);
  let out = 0;
  let mask = 0;
  let masked = false;
  return {
    layerName,
    outShape: shape,
    params: [],
    scratchPerExample: 0,
    plan(ctx) {
      out = ctx.arena.alloc(ctx.maxBatch * size);
      mask = ctx.arena.alloc(ctx.maxBatch * size);
    },
    forward(ctx, x, n, training) {
      masked = training && rate > 0;
      if (!masked) return x;
      copyFloats(ctx, x, out, n * size);
      ctx.fillDropoutMask(mask, n * size, rate);
      ctx.kernels.mulMask(out, mask, n * size);
      return out;
    },
    backward(ctx, dy, dx, n) {
      if (dx === 0) return;
      if (masked) ctx.kernels.mulMask(dy, mask, n * size);
      if (dx !== dy) copyFloats(ctx, dy, dx, n * size);
    },
  };
}
