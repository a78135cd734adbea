import {
  EngineUnsupported,
  configPair,
  engineActivationOf,
  enginePadding,
} from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { conv2dOp } from '../../../engine/ops/conv2d';

/** Conv2D on [H, W, C]: im2col + GEMM, any stride, same/valid padding, dilation. */
export function planConv2d(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (inShape.length !== 3)
    throw new EngineUnsupported('unsupported-setting', 'Conv2D needs an [H, W, C] input', name);
  const activation = engineActivationOf(config, name);
  const settings = {
    filters: Number(config.filters),
    kernelSize: configPair(config.kernelSize, 3),
    strides: configPair(config.strides, 1),
    dilationRate: configPair(config.dilationRate, 1),
    padding: enginePadding(config, name),
    activation,
    useBias: config.useBias !== false,
  };
  return { op: conv2dOp(name, inShape, settings), activation };
}

/** 2 · output pixels · filters · kernel taps · input channels. */
export function conv2dFlops(
  config: Readonly<Record<string, unknown>>,
  inShape: readonly (number | null)[],
  outShape: readonly (number | null)[],
): number {
  const [kh, kw] = configPair(config.kernelSize, 3);
  const cin = Number(inShape[inShape.length - 1]);
  return 2 * Number(outShape[1]) * Number(outShape[2]) * Number(outShape[3]) * kh * kw * cin;
}
