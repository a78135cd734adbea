import type * as tf from '@tensorflow/tfjs';

import { layerKindOfTfClass } from '../layers/catalog';
import type { InspectCapability } from '../layers/capabilities';
import type { InspectableModel } from './sample';
import { layerOutput } from './sample';

/**
 * How a layer's output is drawn: `spatial` [H, W, C] as a grid of channel
 * images; `sequence` [T, U] as a time × unit heat map; `vector` [U] as a bar
 * strip; `other` for anything else (shown as a flat strip).
 */
export type ActivationLayout = 'spatial' | 'sequence' | 'vector' | 'other';

/** What the UI needs to list a model's layers without touching TF.js. */
export interface LayerInfo {
  /** TF.js layer name = the GraphDoc node name. */
  readonly name: string;
  /** Keras class name (`Conv2D`, `MaxPooling2D`…). */
  readonly className: string;
  /** Per-sample output shape; -1 for unknown sizes. */
  readonly outputShape: readonly number[];
  readonly layout: ActivationLayout;
  /** The layer's activation identifier (`relu`, `softmax`…), or null when it has none. */
  readonly activation: string | null;
  /** True for kinds with a kernel that can be shown as filters. */
  readonly hasFilters: boolean;
}

/** How inspection treats a TF.js layer class: its kind's inspect capability, or null for classes no kind builds. */
export function inspectSupportOf(className: string): InspectCapability | null {
  const inspect = layerKindOfTfClass(className)?.inspect;
  return inspect?.supported ? inspect : null;
}

/**
 * TF.js layer classes that are an activation without an `activation` config
 * (what they compute is a TF.js fact, not a LayerLab capability).
 */
const standaloneActivations: Readonly<Record<string, string>> = {
  ReLU: 'relu',
  Softmax: 'softmax',
  ELU: 'elu',
  LeakyReLU: 'leakyReLU',
  PReLU: 'prelu',
  ThresholdedReLU: 'thresholdedReLU',
};

/** Layout of a per-sample shape. */
export function layoutOf(shape: readonly number[]): ActivationLayout {
  if (shape.length === 3) return 'spatial';
  if (shape.length === 2) return 'sequence';
  if (shape.length === 1) return 'vector';
  return 'other';
}

/** The activation a layer applies, read from its config (`activation: 'relu'`) or its class (`ReLU`). */
export function activationOf(layer: tf.layers.Layer): string | null {
  const className = layer.getClassName();
  if (className in standaloneActivations) return standaloneActivations[className] ?? null;
  const config = layer.getConfig() as { activation?: unknown };
  return typeof config.activation === 'string' ? config.activation : null;
}

/** Every layer of the model except its inputs, in model order. */
export function describeLayers(model: InspectableModel): LayerInfo[] {
  return model.layers
    .filter((l) => l.getClassName() !== 'InputLayer')
    .map((layer) => {
      const outputShape = layerOutput(layer)
        .shape.slice(1)
        .map((d) => d ?? -1);
      return {
        name: layer.name,
        className: layer.getClassName(),
        outputShape,
        layout: layoutOf(outputShape),
        activation: activationOf(layer),
        hasFilters: inspectSupportOf(layer.getClassName())?.filters === true,
      };
    });
}

/** Names of the layers feature maps show by default (convolutions, pooling, activations, Dense, recurrent…). */
export function featureMapLayerNames(model: InspectableModel): string[] {
  return describeLayers(model)
    .filter((l) => inspectSupportOf(l.className)?.featureMaps === true)
    .map((l) => l.name);
}
