// Public surface of core/inspect (re-exported by core/index.ts).
export * from './receptive-field';
export * from './receptive-fields-of';
export * from './inspect-error';
export type { ArrayND, InspectableModel } from './sample';
export { modelInputShape } from './sample';
export * from './model-layers';
export * from './feature-maps';
export * from './effective-field';
export * from './filters';
export * from './pre-activations';
export * from './activation-stats';
export * from './activation-functions';
export * from './output-probabilities';
export * from './saliency';
export * from './evaluate';
export * from './predict';
export * from './inspect-samples';
