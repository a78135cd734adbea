import { EngineUnsupported, engineActivationOf } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { activationOp } from '../../../engine/ops/simple';

/** An element-wise activation; the LeakyReLU layer (the catalog's leakyRelu) is not in the engine. */
export function planActivation(
  { name, className, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (className !== 'Activation')
    throw new EngineUnsupported(
      'unsupported-layer',
      `${className} layers are not in the engine yet`,
      name,
    );
  const activation = engineActivationOf(config, name);
  return { op: activationOp(name, inShape, activation), activation };
}
