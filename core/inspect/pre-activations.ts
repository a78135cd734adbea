import * as tf from '@tensorflow/tfjs';

import { activationOf, inspectSupportOf } from './model-layers';
import { InspectError } from './inspect-error';
import type { InspectableModel } from './sample';
import { findLayer } from './sample';
import { probeModel } from './feature-maps';

/**
 * Pre-activations: the z in a = f(z), for layers that apply an activation.
 *
 * How z is obtained (and why): TF.js fuses the activation into Dense/Conv
 * layers, so z is never a tensor of the model graph. Standalone activation
 * layers (Activation, ReLU, Softmax…) are easy: z is their input. For a layer
 * with an `activation` param we build a *linear twin*: a new layer of the same
 * class from the layer's own config with `activation: 'linear'`, given a copy
 * of the current weights, and apply it to the layer's input. This reuses
 * TF.js's exact linear computation (padding, strides, bias, data format)
 * instead of re-deriving conv arithmetic by hand, and it never touches the
 * trained layer, so it is safe while training runs in the same worker. The
 * copy costs one weight-sized allocation per request, disposed at once.
 * Recurrent layers are refused: their activations sit inside the recurrence,
 * where a linear twin would compute something else.
 */

type LayerCtor = new (config: Record<string, unknown>) => tf.layers.Layer;

/** The layer's input for a batch: the model input itself, or a probe to the inbound layer. */
function layerInput(model: InspectableModel, layer: tf.layers.Layer, xs: tf.Tensor): tf.Tensor {
  const input = layer.input;
  const symbolic = Array.isArray(input) ? input[0] : input;
  if (!symbolic || Array.isArray(input))
    throw new InspectError('no-activation', `layer "${layer.name}" has several inputs`);
  if (model.inputs.includes(symbolic)) return xs;
  const source = symbolic.sourceLayer as tf.layers.Layer;
  return probeModel(model, [source.name]).predict(xs) as tf.Tensor;
}

/**
 * Runs `use` with a function computing z from a batch of inputs, for one
 * layer. The function may be called several times (and inside `tf.grad`);
 * the linear twin's weight copy lives until `use` returns, then is disposed,
 * so gradients through it are computed while its kernel still exists.
 */
export function withPreActivation<R>(
  model: InspectableModel,
  layerName: string,
  use: (preActivation: (xs: tf.Tensor) => tf.Tensor) => R,
): R {
  const layer = findLayer(model, layerName);
  const className = layer.getClassName();
  const source = inspectSupportOf(className)?.preActivation;
  if (source === 'inside-recurrence')
    throw new InspectError(
      'no-activation',
      `layer "${layerName}" is recurrent; its activations act inside each time step`,
    );
  if (source === 'input') return use((xs) => layerInput(model, layer, xs));
  const activation = activationOf(layer);
  if (activation === null)
    throw new InspectError(
      'no-activation',
      `layer "${layerName}" (${className}) has no activation`,
    );
  if (activation === 'linear')
    return use((xs) => layer.apply(layerInput(model, layer, xs)) as tf.Tensor);
  const config: Record<string, unknown> = {
    ...(layer.getConfig() as Record<string, unknown>),
    activation: 'linear',
    name: `${layer.name}_linear_twin`,
  };
  delete config['batchInputShape'];
  const twin = new (layer.constructor as LayerCtor)(config);
  try {
    const inputShape = (Array.isArray(layer.input) ? layer.input[0] : layer.input)?.shape;
    tf.tidy(() => twin.build(inputShape as (number | null)[]));
    twin.setWeights(layer.getWeights());
    return use((xs) => twin.apply(layerInput(model, layer, xs)) as tf.Tensor);
  } finally {
    for (const weight of twin.weights) weight.dispose();
  }
}

/** z for a batch `xs` (owned by the caller), copied out as a tensor the caller disposes. */
export function preActivationTensor(
  model: InspectableModel,
  layerName: string,
  xs: tf.Tensor,
): tf.Tensor {
  return withPreActivation(model, layerName, (z) => tf.tidy(() => z(xs).clone()));
}
