import { InspectError } from './inspect-error';
import { inspectSupportOf } from './model-layers';
import type { ArrayND, InspectableModel } from './sample';
import { copyValues, findLayer } from './sample';

/** The learned kernels of one convolution layer, as plain numbers. */
export interface ConvFilters {
  readonly layerName: string;
  readonly className: string;
  /**
   * The kernel in TF.js layout: [kh, kw, inChannels, filters] for Conv2D,
   * [kh, kw, inChannels, depthMultiplier] for DepthwiseConv2D, [k, inChannels, filters] for Conv1D.
   */
  readonly kernel: ArrayND;
  /** One bias per filter, or null when the layer has `useBias: false`. */
  readonly bias: Float32Array | null;
  readonly min: number;
  readonly max: number;
}

/**
 * Copies the kernels of a convolution layer out of the model. Reads the
 * weight variables without disposing them (they belong to the model).
 */
export function convFilters(model: InspectableModel, layerName: string): ConvFilters {
  const layer = findLayer(model, layerName);
  const className = layer.getClassName();
  if (inspectSupportOf(className)?.filters !== true)
    throw new InspectError(
      'not-a-convolution',
      `layer "${layerName}" is a ${className}, which has no kernels`,
    );
  const weights = layer.getWeights();
  const kernelTensor = weights[0];
  if (!kernelTensor)
    throw new InspectError('not-a-convolution', `layer "${layerName}" is not built yet`);
  const values = copyValues(kernelTensor);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // SeparableConv2D stores [depthwise, pointwise, bias]; others [kernel, bias].
  const biasTensor = weights.find((w, i) => i > 0 && w.rank === 1);
  return {
    layerName,
    className,
    kernel: { values, shape: kernelTensor.shape },
    bias: biasTensor ? copyValues(biasTensor) : null,
    min,
    max,
  };
}
