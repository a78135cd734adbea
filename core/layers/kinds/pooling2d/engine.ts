import { configPair, enginePadding } from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { pool2dOp } from '../../../engine/ops/pooling';

/** Max or average pooling on [H, W, C]; strides default to the pool size, as in TF.js. */
export function planPooling2d(mode: 'max' | 'avg') {
  return ({ name, config }: PlannableLayer, inShape: readonly number[]): PlannedLayer => {
    const poolSize = configPair(config.poolSize, 2);
    const settings = {
      poolSize,
      strides: config.strides == null ? poolSize : configPair(config.strides, 2),
      padding: enginePadding(config, name),
    };
    return { op: pool2dOp(name, mode, inShape, settings), activation: null };
  };
}
