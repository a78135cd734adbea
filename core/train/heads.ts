import type * as tf from '@tensorflow/tfjs';

import type { HeadSettings } from '../layers/kinds/output-head/head-settings';
import { headSettingsOfLayer } from '../layers/kinds/output-head/output-head-layer';

/** One output of a model with output heads, as training treats it. */
export interface HeadPlan extends HeadSettings {
  /** The OutputHead node's name (its TF.js layer's name). */
  readonly name: string;
  /** Units of the output (its last dimension). */
  readonly units: number;
  /** Column of this head's targets in a batch's target rows (heads side by side). */
  readonly offset: number;
}

/** The metric of a head: accuracy for classes, mean IoU for boxes. */
export type HeadMetricKind = 'accuracy' | 'iou';

export const headMetricOf = (head: Pick<HeadPlan, 'target'>): HeadMetricKind =>
  head.target === 'box' ? 'iou' : 'accuracy';

/** Values per target row: the heads' units side by side. */
export const headTargetWidth = (heads: readonly HeadPlan[]): number =>
  heads.reduce((sum, h) => sum + h.units, 0);

/**
 * The heads of a model whose outputs end in OutputHead layers, in output
 * order; null for an ordinary model (one output without a head), which
 * trains on the settings' single loss.
 */
export function headsOfModel(model: tf.LayersModel): HeadPlan[] | null {
  let offset = 0;
  const heads: HeadPlan[] = [];
  for (const output of model.outputs) {
    const settings = headSettingsOfLayer(output.sourceLayer as tf.layers.Layer);
    if (settings === null) return null;
    const last = output.shape[output.shape.length - 1];
    const units = typeof last === 'number' ? last : 1;
    heads.push({ ...settings, name: output.sourceLayer.name, units, offset });
    offset += units;
  }
  return heads.length > 0 ? heads : null;
}
