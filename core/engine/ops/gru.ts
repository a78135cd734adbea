import { recurrentActivationCodes } from '../kernel-abi';
import { paramSlot, type EngineOp, type OpContext } from './op';
import type { LstmSettings } from './recurrent';
import { gatherSequence, takeStepGradient } from './sequence-state';

/**
 * GRU over [T, E] returning the last h (TF.js semantics, resetAfter false):
 * z/r gates from one GEMM of h_{t−1} with U's first 2u columns, the candidate
 * from (r⊙h_{t−1})·Uh. Input projections of all steps are one GEMM.
 */
export function gruOp(layerName: string, inShape: readonly number[], s: LstmSettings): EngineOp {
  const [steps = 1, inDim = 1] = inShape;
  const u = s.units;
  const g3 = 3 * u;
  const kernel = paramSlot([inDim, g3]);
  const recurrent = paramSlot([u, g3]);
  const bias = s.useBias ? paramSlot([g3]) : null;
  const rec = recurrentActivationCodes[s.recurrentActivation];
  const cell = recurrentActivationCodes[s.activation];
  let z = 0;
  let dz = 0;
  let gates = 0;
  let hs = 0;
  let rh = 0;
  let dh = 0;
  let dhPrev = 0;
  let drh = 0;
  let input = 0;
  let seqOut = 0;
  let stateStride = 0;
  const zStride = steps * g3;
  return {
    layerName,
    outShape: s.returnSequences ? [steps, u] : [u],
    params: bias ? [kernel, recurrent, bias] : [kernel, recurrent],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      const b = ctx.maxBatch;
      z = ctx.arena.alloc(b * steps * g3);
      dz = ctx.arena.alloc(b * steps * g3);
      gates = ctx.arena.alloc(steps * b * g3);
      hs = ctx.arena.alloc((steps + 1) * b * u);
      rh = ctx.arena.alloc(steps * b * u);
      dh = ctx.arena.alloc(b * u);
      dhPrev = ctx.arena.alloc(b * u);
      drh = ctx.arena.alloc(b * u);
      stateStride = b * u * 4;
      if (s.returnSequences) seqOut = ctx.arena.alloc(ctx.maxBatch * steps * u);
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      input = x;
      const rows = n * steps;
      if (bias) k.fillRows(z, rows, g3, bias.weight);
      k.sgemm(0, 0, rows, g3, inDim, x, inDim, kernel.weight, g3, z, g3, bias ? 1 : 0, ctx.work);
      ctx.arena.f32(hs, n * u).fill(0);
      for (let t = 0; t < steps; t++) {
        const zt = z + t * g3 * 4;
        const hPrev = hs + t * stateStride;
        const gt = gates + t * n * g3 * 4;
        const rht = rh + t * stateStride;
        k.sgemm(0, 0, n, 2 * u, u, hPrev, u, recurrent.weight, g3, zt, zStride, 1, ctx.work);
        k.gruGates(n, u, zt, zStride, hPrev, rec, gt, rht);
        k.sgemm(
          0,
          0,
          n,
          u,
          u,
          rht,
          u,
          recurrent.weight + 2 * u * 4,
          g3,
          zt + 2 * u * 4,
          zStride,
          1,
          ctx.work,
        );
        k.gruOutput(n, u, zt, zStride, hPrev, cell, gt, hs + (t + 1) * stateStride);
      }
      if (s.returnSequences) {
        gatherSequence(ctx, hs, stateStride, n, steps, u, seqOut);
        return seqOut;
      }
      return hs + steps * stateStride;
    },
    backward(ctx, dy, dx, n) {
      const k = ctx.kernels;
      if (s.returnSequences) takeStepGradient(ctx, dy, steps - 1, n, steps, u, dh, true);
      else ctx.arena.f32(dh, n * u).set(ctx.arena.f32(dy, n * u));
      ctx.arena.f32(recurrent.grad, u * g3).fill(0);
      for (let t = steps - 1; t >= 0; t--) {
        if (s.returnSequences && t < steps - 1)
          takeStepGradient(ctx, dy, t, n, steps, u, dh, false);
        const dzt = dz + t * g3 * 4;
        const hPrev = hs + t * stateStride;
        const gt = gates + t * n * g3 * 4;
        k.gruBackwardOutput(n, u, gt, hPrev, rec, cell, dh, dzt, zStride, dhPrev);
        k.sgemm(
          0,
          1,
          n,
          u,
          u,
          dzt + 2 * u * 4,
          zStride,
          recurrent.weight + 2 * u * 4,
          g3,
          drh,
          u,
          0,
          ctx.work,
        );
        k.sgemm(
          1,
          0,
          u,
          u,
          n,
          rh + t * stateStride,
          u,
          dzt + 2 * u * 4,
          zStride,
          recurrent.grad + 2 * u * 4,
          g3,
          1,
          ctx.work,
        );
        k.gruBackwardReset(n, u, gt, hPrev, rec, drh, dzt, zStride, dhPrev);
        k.sgemm(1, 0, u, 2 * u, n, hPrev, u, dzt, zStride, recurrent.grad, g3, 1, ctx.work);
        k.sgemm(0, 1, n, u, 2 * u, dzt, zStride, recurrent.weight, g3, dhPrev, u, 1, ctx.work);
        ctx.arena.f32(dh, n * u).set(ctx.arena.f32(dhPrev, n * u));
      }
      const rows = n * steps;
      k.sgemm(1, 0, inDim, g3, rows, input, inDim, dz, g3, kernel.grad, g3, 0, ctx.work);
      if (bias) k.colSum(dz, rows, g3, bias.grad, 0);
      if (dx !== 0)
        k.sgemm(0, 1, rows, inDim, g3, dz, g3, kernel.weight, g3, dx, inDim, 0, ctx.work);
    },
  };
}
