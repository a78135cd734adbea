import * as tf from '@tensorflow/tfjs';

import { readHeadSettings, type HeadSettings } from './head-settings';

/**
 * The TF.js layer of an OutputHead node: passes its input through unchanged
 * and carries the head's settings in its config, so the training loop reads
 * every head's target, loss and weight from the compiled model itself.
 */
export class OutputHeadLayer extends tf.layers.Layer {
  static readonly className = 'OutputHead';
  readonly settings: HeadSettings;

  constructor(config: tf.serialization.ConfigDict & { name?: string }) {
    super(config.name === undefined ? {} : { name: config.name });
    this.settings = readHeadSettings(config);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    // Values pass through unchanged, as a linear Activation returns its input.
    return Array.isArray(inputs) ? inputs[0]! : inputs;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.settings };
  }
}

tf.serialization.registerClass(OutputHeadLayer);

/** The head settings of a model layer, or null when it is not an OutputHead. */
export function headSettingsOfLayer(layer: tf.layers.Layer): HeadSettings | null {
  return layer instanceof OutputHeadLayer ? layer.settings : null;
}
