import { paramSlot, sizeOf, type EngineOp, type OpContext } from './op';

/**
 * BatchNormalization over the last axis. Weights in TF.js order: gamma, beta
 * (trained), moving mean, moving variance (non-trainable: their gradient slots
 * stay 0, so every optimizer leaves them alone; the kernel updates them).
 */
export function batchNormOp(
  layerName: string,
  shape: readonly number[],
  momentum: number,
  epsilon: number,
): EngineOp {
  const c = shape[shape.length - 1] ?? 1;
  const size = sizeOf(shape);
  const gamma = paramSlot([c]);
  const beta = paramSlot([c]);
  const movingMean = paramSlot([c], false);
  const movingVar = paramSlot([c], false);
  let out = 0;
  let xhat = 0;
  let mean = 0;
  let invStd = 0;
  return {
    layerName,
    outShape: shape,
    params: [gamma, beta, movingMean, movingVar],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * size);
      xhat = ctx.arena.alloc(ctx.maxBatch * size);
      mean = ctx.arena.alloc(c);
      invStd = ctx.arena.alloc(c);
    },
    forward(ctx, x, n, training) {
      const rows = (n * size) / c;
      ctx.kernels.batchNormForward(
        training ? 1 : 0,
        x,
        rows,
        c,
        gamma.weight,
        beta.weight,
        movingMean.weight,
        movingVar.weight,
        momentum,
        epsilon,
        out,
        xhat,
        mean,
        invStd,
      );
      return out;
    },
    backward(ctx, dy, dx, n) {
      ctx.kernels.batchNormBackward(
        dy,
        xhat,
        invStd,
        gamma.weight,
        (n * size) / c,
        c,
        gamma.grad,
        beta.grad,
        dx,
      );
    },
  };
}
