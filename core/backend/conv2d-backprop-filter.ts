import * as tf from '@tensorflow/tfjs';

import { callKernel, disposeIntermediate, type KernelBackendName } from './kernel-io';

/**
 * `Conv2DBackpropFilter` (the weight gradient of Conv2D) as one forward Conv2D
 * of transposed operands, so it runs on the backend's fast Conv2D (XNNPACK on
 * wasm, the typed-array loop on cpu).
 *
 * Why: TF.js 4.22's wasm backend has no such kernel (a CNN cannot train), and
 * the cpu backend's stock kernel reads every element through
 * `TensorBuffer.get`, ~16 s per LeNet batch in Node.
 *
 * dW[kh,kw,ci,co] = Σ_b Σ_oh Σ_ow x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b,oh,ow,co]
 * which is a Conv2D of x' = xᵀ [Ci,H,W,B] with the filter dy' = [OH,OW,B,Co],
 * stride 1 and dilation s (the original stride), giving [Ci,KH,KW,Co].
 */
export function conv2dBackpropFilterKernel(backendName: KernelBackendName): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
      attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat === 'NCHW') throw new Error('LayerLab Conv2DBackpropFilter supports NHWC only');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const [, inH, inW] = x.shape as [number, number, number, number];
    const {
      filterHeight: kh,
      filterWidth: kw,
      outHeight: oh,
      outWidth: ow,
      strideHeight: sh,
      strideWidth: sw,
    } = info;
    const padTop = info.padInfo.top;
    const padLeft = info.padInfo.left;
    // Pad so the transposed convolution yields exactly kh × kw outputs; when the
    // forward pass dropped trailing rows ('valid' with a stride) the needed pad
    // is negative: use 0 and crop the extra outputs below.
    const padBottom = Math.max(0, kh + (oh - 1) * sh - inH - padTop);
    const padRight = Math.max(0, kw + (ow - 1) * sw - inW - padLeft);

    const intermediates: tf.TensorInfo[] = [];
    const run = (
      name: string,
      ins: Record<string, tf.TensorInfo>,
      at: Record<string, unknown>,
    ): tf.TensorInfo => {
      const out = callKernel(backendName, backend, name, ins, at);
      intermediates.push(out);
      return out;
    };
    try {
      const xT = run('Transpose', { x }, { perm: [3, 1, 2, 0] });
      const dyT = run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
      let dw = run(
        'Conv2D',
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [padTop, padBottom],
            [padLeft, padRight],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [sh, sw],
          dimRoundingMode: undefined,
        },
      );
      const [, gotH, gotW] = dw.shape as [number, number, number, number];
      if (gotH !== kh || gotW !== kw) {
        dw = run(
          'Slice',
          { x: dw },
          { begin: [0, 0, 0, 0], size: [dw.shape[0], kh, kw, dw.shape[3]] },
        );
      }
      const result = callKernel(
        backendName,
        backend,
        'Transpose',
        { x: dw },
        { perm: [1, 2, 0, 3] },
      );
      return result;
    } finally {
      for (const t of intermediates) disposeIntermediate(backend, t);
    }
  };
}
