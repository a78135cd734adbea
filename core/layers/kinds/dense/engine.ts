import { EngineUnsupported, engineActivationOf } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { denseOp } from '../../../engine/ops/dense';

/** Dense on a flat input: one GEMM (sparse when the input is mostly zeros). */
export function planDense(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (inShape.length !== 1)
    throw new EngineUnsupported('unsupported-setting', 'Dense on a non-flat input', name);
  const activation = engineActivationOf(config, name);
  return {
    op: denseOp(name, inShape[0] ?? 0, Number(config.units), activation, config.useBias !== false),
    activation,
  };
}

/** 2 · inputs · units multiply-adds per example. */
export function denseFlops(
  _config: Readonly<Record<string, unknown>>,
  inShape: readonly (number | null)[],
  outShape: readonly (number | null)[],
): number {
  return 2 * Number(inShape[inShape.length - 1]) * Number(outShape[outShape.length - 1]);
}
