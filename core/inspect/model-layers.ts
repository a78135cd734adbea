import type * as tf from '@tensorflow/tfjs';

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

const filterClasses = new Set([
  'Conv1D',
  'Conv2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'Conv2DTranspose',
]);
const standaloneActivations: Readonly<Record<string, string>> = {
  ReLU: 'relu',
  Softmax: 'softmax',
  ELU: 'elu',
  LeakyReLU: 'leakyReLU',
  PReLU: 'prelu',
  ThresholdedReLU: 'thresholdedReLU',
};

/** Layers shown in feature maps by default: what a student asks about. */
const featureMapClass =
  /Conv|Pooling|Activation|ReLU|Softmax|ELU|Dense|LSTM|GRU|SimpleRNN|Embedding|^Add$|Concatenate|BatchNormalization/;

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
        hasFilters: filterClasses.has(layer.getClassName()),
      };
    });
}

/** Names of the layers feature maps show by default (convolutions, pooling, activations, Dense, recurrent…). */
export function featureMapLayerNames(model: InspectableModel): string[] {
  return describeLayers(model)
    .filter((l) => featureMapClass.test(l.className))
    .map((l) => l.name);
}
