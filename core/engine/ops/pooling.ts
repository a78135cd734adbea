import { sizeOf, windowGeometry, type EngineOp, type OpContext } from './op';

/** Pooling settings as TF.js's layer config gives them. */
export interface PoolSettings {
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: 'same' | 'valid';
}

/** MaxPooling2D / AveragePooling2D over NHWC. Max remembers each window's winner for the backward pass. */
export function pool2dOp(
  layerName: string,
  kind: 'max' | 'avg',
  inShape: readonly number[],
  s: PoolSettings,
): EngineOp {
  const [h = 0, w = 0, c = 0] = inShape;
  const [ph, pw] = s.poolSize;
  const [sh, sw] = s.strides;
  const gy = windowGeometry(h, ph, sh, 1, s.padding);
  const gx = windowGeometry(w, pw, sw, 1, s.padding);
  const outSize = gy.out * gx.out * c;
  const inSize = sizeOf(inShape);
  let out = 0;
  let argmax = 0;
  return {
    layerName,
    outShape: [gy.out, gx.out, c],
    params: [],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * outSize);
      if (kind === 'max') argmax = ctx.arena.alloc(ctx.maxBatch * outSize);
    },
    forward(ctx, x, n) {
      if (kind === 'max')
        ctx.kernels.maxPoolForward(
          x,
          n,
          h,
          w,
          c,
          ph,
          pw,
          sh,
          sw,
          gy.padBefore,
          gx.padBefore,
          gy.out,
          gx.out,
          out,
          argmax,
        );
      else
        ctx.kernels.avgPool(
          0,
          x,
          n,
          h,
          w,
          c,
          ph,
          pw,
          sh,
          sw,
          gy.padBefore,
          gx.padBefore,
          gy.out,
          gx.out,
          out,
        );
      return out;
    },
    backward(ctx, dy, dx, n) {
      if (dx === 0) return;
      if (kind === 'max') ctx.kernels.maxPoolBackward(dy, argmax, n * outSize, dx, n * inSize);
      else
        ctx.kernels.avgPool(
          1,
          dx,
          n,
          h,
          w,
          c,
          ph,
          pw,
          sh,
          sw,
          gy.padBefore,
          gx.padBefore,
          gy.out,
          gx.out,
          dy,
        );
    },
  };
}

/** GlobalAveragePooling2D: [H, W, C] → [C]. */
export function globalAvgPoolOp(layerName: string, inShape: readonly number[]): EngineOp {
  const [h = 0, w = 0, c = 0] = inShape;
  let out = 0;
  return {
    layerName,
    outShape: [c],
    params: [],
    scratchPerExample: 0,
    plan(ctx) {
      out = ctx.arena.alloc(ctx.maxBatch * c);
    },
    forward(ctx, x, n) {
      ctx.kernels.globalAvgPool(0, x, n, h * w, c, out);
      return out;
    },
    backward(ctx, dy, dx, n) {
      if (dx !== 0) ctx.kernels.globalAvgPool(1, dx, n, h * w, c, dy);
    },
  };
}
