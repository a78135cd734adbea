import { EngineUnsupported } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { dropoutOp } from '../../../engine/ops/simple';

/** Inverted dropout with seeded masks (one stream per data-parallel engine). */
export function planDropout(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (config.noiseShape != null)
    throw new EngineUnsupported('unsupported-setting', 'Dropout noiseShape', name);
  return { op: dropoutOp(name, inShape, Number(config.rate ?? 0)), activation: null };
}
