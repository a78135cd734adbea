import { activationCodes, type EngineActivation } from '../kernel-abi';
import { paramSlot, windowGeometry, type EngineOp, type OpContext } from './op';

/** Conv2D settings as TF.js's layer config gives them (channels last). */
export interface Conv2DSettings {
  readonly filters: number;
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly dilationRate: readonly [number, number];
  readonly padding: 'same' | 'valid';
  readonly activation: EngineActivation;
  readonly useBias: boolean;
}

/**
 * Conv2D (NHWC) by im2col + GEMM: forward Y = cols·W + b, dW = colsᵀ·dY,
 * dcols = dY·Wᵀ then col2im. The columns of the forward pass are kept for dW.
 * A 1×1, stride-1, unpadded conv uses its input as the columns directly.
 */
export function conv2dOp(
  layerName: string,
  inShape: readonly number[],
  s: Conv2DSettings,
): EngineOp {
  const [h = 0, w = 0, c = 0] = inShape;
  const [kh, kw] = s.kernelSize;
  const [sh, sw] = s.strides;
  const [dh, dw] = s.dilationRate;
  const gy = windowGeometry(h, kh, sh, dh, s.padding);
  const gx = windowGeometry(w, kw, sw, dw, s.padding);
  const patch = kh * kw * c;
  const pixels = gy.out * gx.out;
  const direct = kh === 1 && kw === 1 && sh === 1 && sw === 1;
  const kernel = paramSlot([kh, kw, c, s.filters]);
  const bias = s.useBias ? paramSlot([s.filters]) : null;
  const act = activationCodes[s.activation];
  let out = 0;
  let cols = 0;
  const op: EngineOp = {
    layerName,
    outShape: [gy.out, gx.out, s.filters],
    params: bias ? [kernel, bias] : [kernel],
    scratchPerExample: direct ? 0 : pixels * patch,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * pixels * s.filters);
      if (!direct) cols = ctx.arena.alloc(ctx.maxBatch * pixels * patch);
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      if (direct) cols = x;
      else
        k.im2col(
          x,
          n,
          h,
          w,
          c,
          kh,
          kw,
          sh,
          sw,
          dh,
          dw,
          gy.padBefore,
          gx.padBefore,
          gy.out,
          gx.out,
          cols,
        );
      const rows = n * pixels;
      if (bias) k.fillRows(out, rows, s.filters, bias.weight);
      k.sgemm(
        0,
        0,
        rows,
        s.filters,
        patch,
        cols,
        patch,
        kernel.weight,
        s.filters,
        out,
        s.filters,
        bias ? 1 : 0,
        ctx.work,
      );
      if (act !== 0) k.activate(act, out, rows, s.filters);
      return out;
    },
    backward(ctx, dy, dx, n) {
      const k = ctx.kernels;
      const rows = n * pixels;
      if (act !== 0 && !op.skipActivationBackward)
        k.activateBackward(act, out, dy, rows, s.filters);
      k.sgemm(
        1,
        0,
        patch,
        s.filters,
        rows,
        cols,
        patch,
        dy,
        s.filters,
        kernel.grad,
        s.filters,
        0,
        ctx.work,
      );
      if (bias) k.colSum(dy, rows, s.filters, bias.grad, 0);
      if (dx === 0) return; // the first layer needs no input gradient
      if (direct) {
        k.sgemm(
          0,
          1,
          rows,
          patch,
          s.filters,
          dy,
          s.filters,
          kernel.weight,
          s.filters,
          dx,
          patch,
          0,
          ctx.work,
        );
        return;
      }
      k.sgemm(
        0,
        1,
        rows,
        patch,
        s.filters,
        dy,
        s.filters,
        kernel.weight,
        s.filters,
        ctx.scratch,
        patch,
        0,
        ctx.work,
      );
      new Float32Array(k.memory.buffer, dx, n * h * w * c).fill(0);
      k.col2im(
        ctx.scratch,
        n,
        h,
        w,
        c,
        kh,
        kw,
        sh,
        sw,
        dh,
        dw,
        gy.padBefore,
        gx.padBefore,
        gy.out,
        gx.out,
        dx,
      );
    },
  };
  return op;
}
