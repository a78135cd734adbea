import {
  activationCodes,
  recurrentActivationCodes,
  type EngineActivation,
  type RecurrentActivation,
} from '../kernel-abi';
import { paramSlot, type EngineOp, type OpContext, type StepMask } from './op';
import {
  copyState,
  gatherSequence,
  holdPaddedRows,
  isPaddingForAll,
  keepPaddedGradients,
  takeStepGradient,
  zeroPaddedRows,
} from './sequence-state';

/**
 * Embedding of token ids [T] → [T, dim]; the input is int32 ids, so there is
 * no input gradient. With a `mask` (maskZero) each forward marks which steps
 * are real tokens (id ≠ 0).
 */
export function embeddingOp(
  layerName: string,
  length: number,
  inputDim: number,
  dim: number,
  mask?: StepMask,
): EngineOp {
  const table = paramSlot([inputDim, dim]);
  let out = 0;
  let ids = 0;
  return {
    layerName,
    outShape: [length, dim],
    params: [table],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * length * dim);
      if (mask) mask.keep = new Uint8Array(ctx.maxBatch * length);
    },
    forward(ctx, x, n) {
      ids = x;
      if (mask) {
        const tokens = ctx.arena.i32(x, n * length);
        for (let i = 0; i < n * length; i++) mask.keep[i] = tokens[i] === 0 ? 0 : 1;
      }
      ctx.kernels.embeddingForward(x, n * length, table.weight, inputDim, dim, out);
      return out;
    },
    backward(ctx, dy, _dx, n) {
      ctx.kernels.embeddingBackward(ids, n * length, dy, inputDim, dim, table.grad);
    },
  };
}

/** Recurrent layer settings as TF.js's layer config gives them. */
export interface LstmSettings {
  readonly units: number;
  /** Output every step's state ([T, u]) instead of the last ([u]). */
  readonly returnSequences: boolean;
  readonly activation: RecurrentActivation;
  readonly recurrentActivation: RecurrentActivation;
  readonly useBias: boolean;
}

/**
 * LSTM over [T, E] returning the last h ([units]), or every step's ([T, units]). The input projections of
 * all steps are one GEMM ([n·T, E]·[E, 4u]); each step adds h_{t−1}·U with one
 * GEMM into its rows, then `lstmStep` makes the gates. Backward through time
 * mirrors it; dW and dx are again one GEMM each over all steps. With a
 * padding `mask`, padded steps keep each example's h and c (Keras masking).
 */
export function lstmOp(
  layerName: string,
  inShape: readonly number[],
  s: LstmSettings,
  mask?: StepMask,
): EngineOp {
  const [steps = 1, inDim = 1] = inShape;
  const u = s.units;
  const g4 = 4 * u;
  const kernel = paramSlot([inDim, g4]);
  const recurrent = paramSlot([u, g4]);
  const bias = s.useBias ? paramSlot([g4]) : null;
  const rec = recurrentActivationCodes[s.recurrentActivation];
  const cell = recurrentActivationCodes[s.activation];
  let z = 0;
  let gates = 0;
  let cs = 0;
  let hs = 0;
  let dz = 0;
  let dh = 0;
  let dc = 0;
  let input = 0;
  let seqOut = 0;
  let stateStride = 0; // bytes between steps of cs/hs ([maxBatch, u] each)
  const zStride = steps * g4;
  let dhAside = new Float32Array(0);
  let dcAside = new Float32Array(0);
  return {
    layerName,
    outShape: s.returnSequences ? [steps, u] : [u],
    params: bias ? [kernel, recurrent, bias] : [kernel, recurrent],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      const b = ctx.maxBatch;
      z = ctx.arena.alloc(b * steps * g4);
      dz = ctx.arena.alloc(b * steps * g4);
      gates = ctx.arena.alloc(steps * b * g4);
      cs = ctx.arena.alloc((steps + 1) * b * u);
      hs = ctx.arena.alloc((steps + 1) * b * u);
      dh = ctx.arena.alloc(b * u);
      dc = ctx.arena.alloc(b * u);
      stateStride = b * u * 4;
      if (s.returnSequences) seqOut = ctx.arena.alloc(ctx.maxBatch * steps * u);
      if (mask) {
        dhAside = new Float32Array(b * u);
        dcAside = new Float32Array(b * u);
      }
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      input = x;
      const rows = n * steps;
      if (bias) k.fillRows(z, rows, g4, bias.weight);
      k.sgemm(0, 0, rows, g4, inDim, x, inDim, kernel.weight, g4, z, g4, bias ? 1 : 0, ctx.work);
      ctx.arena.f32(cs, n * u).fill(0);
      ctx.arena.f32(hs, n * u).fill(0);
      for (let t = 0; t < steps; t++) {
        if (mask && isPaddingForAll(mask, t, n)) {
          copyState(ctx, cs + t * stateStride, cs + (t + 1) * stateStride, n * u);
          copyState(ctx, hs + t * stateStride, hs + (t + 1) * stateStride, n * u);
          continue;
        }
        const zt = z + t * g4 * 4;
        const hPrev = hs + t * stateStride;
        k.sgemm(0, 0, n, g4, u, hPrev, u, recurrent.weight, g4, zt, zStride, 1, ctx.work);
        k.lstmStep(
          n,
          u,
          zt,
          zStride,
          cs + t * stateStride,
          rec,
          cell,
          gates + t * n * g4 * 4,
          cs + (t + 1) * stateStride,
          hs + (t + 1) * stateStride,
        );
        if (mask) {
          holdPaddedRows(ctx, mask, t, n, u, cs + t * stateStride, cs + (t + 1) * stateStride);
          holdPaddedRows(ctx, mask, t, n, u, hs + t * stateStride, hs + (t + 1) * stateStride);
        }
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
      ctx.arena.f32(dc, n * u).fill(0);
      ctx.arena.f32(recurrent.grad, u * g4).fill(0);
      for (let t = steps - 1; t >= 0; t--) {
        if (s.returnSequences && t < steps - 1)
          takeStepGradient(ctx, dy, t, n, steps, u, dh, false);
        const dzt = dz + t * g4 * 4;
        if (mask && isPaddingForAll(mask, t, n)) {
          // Pre-padded batches start with steps that are padding for every example: dh and dc pass.
          zeroPaddedRows(ctx, mask, t, n, dzt, zStride, g4);
          continue;
        }
        if (mask) {
          keepPaddedGradients(ctx, mask, t, n, u, dh, dhAside, 'save');
          keepPaddedGradients(ctx, mask, t, n, u, dc, dcAside, 'save');
        }
        k.lstmStepBackward(
          n,
          u,
          gates + t * n * g4 * 4,
          cs + (t + 1) * stateStride,
          cs + t * stateStride,
          rec,
          cell,
          dh,
          dc,
          dzt,
          zStride,
        );
        if (mask) zeroPaddedRows(ctx, mask, t, n, dzt, zStride, g4);
        k.sgemm(
          1,
          0,
          u,
          g4,
          n,
          hs + t * stateStride,
          u,
          dzt,
          zStride,
          recurrent.grad,
          g4,
          1,
          ctx.work,
        );
        if (t > 0) k.sgemm(0, 1, n, u, g4, dzt, zStride, recurrent.weight, g4, dh, u, 0, ctx.work);
        if (mask) {
          keepPaddedGradients(ctx, mask, t, n, u, dh, dhAside, 'restore');
          keepPaddedGradients(ctx, mask, t, n, u, dc, dcAside, 'restore');
        }
      }
      const rows = n * steps;
      k.sgemm(1, 0, inDim, g4, rows, input, inDim, dz, g4, kernel.grad, g4, 0, ctx.work);
      if (bias) k.colSum(dz, rows, g4, bias.grad, 0);
      if (dx !== 0)
        k.sgemm(0, 1, rows, inDim, g4, dz, g4, kernel.weight, g4, dx, inDim, 0, ctx.work);
    },
  };
}

/**
 * SimpleRNN over [T, E] returning the last h: h_t = g(x_t·W + h_{t−1}·U + b).
 * Built from the generic kernels: each step's GEMMs read x_t in place
 * (row stride T·E), and `activate`/`activateBackward` work on h_t itself.
 */
export function simpleRnnOp(
  layerName: string,
  inShape: readonly number[],
  units: number,
  activation: EngineActivation,
  useBias: boolean,
  returnSequences: boolean,
): EngineOp {
  const [steps = 1, inDim = 1] = inShape;
  const u = units;
  const kernel = paramSlot([inDim, u]);
  const recurrent = paramSlot([u, u]);
  const bias = useBias ? paramSlot([u]) : null;
  const act = activationCodes[activation];
  let hs = 0;
  let dh = 0;
  let input = 0;
  let seqOut = 0;
  let stepStride = 0; // bytes between steps of hs ([maxBatch, u] each)
  const xStride = steps * inDim;
  return {
    layerName,
    outShape: returnSequences ? [steps, u] : [u],
    params: bias ? [kernel, recurrent, bias] : [kernel, recurrent],
    scratchPerExample: u,
    plan(ctx: OpContext) {
      hs = ctx.arena.alloc((steps + 1) * ctx.maxBatch * u);
      dh = ctx.arena.alloc(ctx.maxBatch * u);
      stepStride = ctx.maxBatch * u * 4;
      if (returnSequences) seqOut = ctx.arena.alloc(ctx.maxBatch * steps * u);
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      input = x;
      ctx.arena.f32(hs, n * u).fill(0);
      for (let t = 0; t < steps; t++) {
        const h = hs + (t + 1) * stepStride;
        if (bias) k.fillRows(h, n, u, bias.weight);
        k.sgemm(
          0,
          0,
          n,
          u,
          inDim,
          x + t * inDim * 4,
          xStride,
          kernel.weight,
          u,
          h,
          u,
          bias ? 1 : 0,
          ctx.work,
        );
        k.sgemm(0, 0, n, u, u, hs + t * stepStride, u, recurrent.weight, u, h, u, 1, ctx.work);
        if (act !== 0) k.activate(act, h, n, u);
      }
      if (returnSequences) {
        gatherSequence(ctx, hs, stepStride, n, steps, u, seqOut);
        return seqOut;
      }
      return hs + steps * stepStride;
    },
    backward(ctx, dy, dx, n) {
      const k = ctx.kernels;
      if (returnSequences) takeStepGradient(ctx, dy, steps - 1, n, steps, u, dh, true);
      else ctx.arena.f32(dh, n * u).set(ctx.arena.f32(dy, n * u));
      ctx.arena.f32(kernel.grad, inDim * u).fill(0);
      ctx.arena.f32(recurrent.grad, u * u).fill(0);
      if (bias) ctx.arena.f32(bias.grad, u).fill(0);
      for (let t = steps - 1; t >= 0; t--) {
        if (returnSequences && t < steps - 1) takeStepGradient(ctx, dy, t, n, steps, u, dh, false);
        if (act !== 0) k.activateBackward(act, hs + (t + 1) * stepStride, dh, n, u); // dh → dz_t
        k.sgemm(
          1,
          0,
          inDim,
          u,
          n,
          input + t * inDim * 4,
          xStride,
          dh,
          u,
          kernel.grad,
          u,
          1,
          ctx.work,
        );
        k.sgemm(1, 0, u, u, n, hs + t * stepStride, u, dh, u, recurrent.grad, u, 1, ctx.work);
        if (bias) k.colSum(dh, n, u, bias.grad, 1);
        if (dx !== 0)
          k.sgemm(
            0,
            1,
            n,
            inDim,
            u,
            dh,
            u,
            kernel.weight,
            u,
            dx + t * inDim * 4,
            xStride,
            0,
            ctx.work,
          );
        // dL/dh_{t−1} = dz_t·Uᵀ, via scratch: a GEMM cannot read and write dh at once.
        if (t > 0) {
          k.sgemm(0, 1, n, u, u, dh, u, recurrent.weight, u, ctx.scratch, u, 0, ctx.work);
          ctx.arena.f32(dh, n * u).set(ctx.arena.f32(ctx.scratch, n * u));
        }
      }
    },
  };
}
