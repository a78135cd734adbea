import { activationCodes, type EngineActivation } from '../kernel-abi';
import { paramSlot, type EngineOp, type OpContext } from './op';

/** Dense on a flat input: y = g(x·W + b), W as TF.js stores it ([in, units]). */
export function denseOp(
  layerName: string,
  inSize: number,
  units: number,
  activation: EngineActivation,
  useBias: boolean,
): EngineOp {
  const kernel = paramSlot([inSize, units]);
  const bias = useBias ? paramSlot([units]) : null;
  const act = activationCodes[activation];
  let out = 0;
  let input = 0;
  const op: EngineOp = {
    layerName,
    outShape: [units],
    params: bias ? [kernel, bias] : [kernel],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * units);
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      input = x;
      if (bias) k.fillRows(out, n, units, bias.weight);
      k.sgemm(
        0,
        0,
        n,
        units,
        inSize,
        x,
        inSize,
        kernel.weight,
        units,
        out,
        units,
        bias ? 1 : 0,
        ctx.work,
      );
      if (act !== 0) k.activate(act, out, n, units);
      return out;
    },
    backward(ctx, dy, dx, n) {
      const k = ctx.kernels;
      if (act !== 0 && !op.skipActivationBackward) k.activateBackward(act, out, dy, n, units);
      // dW = xᵀ·dy (A read transposed in place), db = Σ rows of dy, dx = dy·Wᵀ.
      k.sgemm(1, 0, inSize, units, n, input, inSize, dy, units, kernel.grad, units, 0, ctx.work);
      if (bias) k.colSum(dy, n, units, bias.grad, 0);
      if (dx !== 0)
        k.sgemm(0, 1, n, inSize, units, dy, units, kernel.weight, units, dx, inSize, 0, ctx.work);
    },
  };
  return op;
}
