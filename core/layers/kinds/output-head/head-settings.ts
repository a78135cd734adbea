/**
 * What one output of a network with several outputs (a head) learns: the
 * target it is trained against, its loss and that loss's weight in the total
 * (Keras's per-output `loss` and `loss_weights`). Held by the OutputHead layer
 * that ends the head, so the settings travel with the graph and the model.
 */
export const headTargets = ['class', 'box'] as const;
/** `class`: the class one-hot (metric: accuracy); `box`: x, y, width, height in [0, 1] (metric: IoU). */
export type HeadTarget = (typeof headTargets)[number];

export const headLosses = [
  'categoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
  'huber',
] as const;
export type HeadLoss = (typeof headLosses)[number];

export interface HeadSettings {
  readonly target: HeadTarget;
  readonly loss: HeadLoss;
  readonly lossWeight: number;
}

export const defaultHeadSettings: HeadSettings = {
  target: 'class',
  loss: 'categoricalCrossentropy',
  lossWeight: 1,
};

/** Settings read back from anything (a layer config, params): unknown values fall back to the defaults. */
export function readHeadSettings(source: Readonly<Record<string, unknown>>): HeadSettings {
  const target = headTargets.find((t) => t === source['target']) ?? defaultHeadSettings.target;
  const loss = headLosses.find((l) => l === source['loss']) ?? defaultHeadSettings.loss;
  const weight = source['lossWeight'];
  const lossWeight =
    typeof weight === 'number' && Number.isFinite(weight) && weight >= 0
      ? weight
      : defaultHeadSettings.lossWeight;
  return { target, loss, lossWeight };
}
