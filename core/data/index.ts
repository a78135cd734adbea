// Public surface of core/data (re-exported by core/index.ts). It stays free of
// TF.js, so Node's decode workers can load it: `batchToTensors` (to-tensors.ts)
// is imported by path where tensors are wanted.
export * from './config';
export * from './random';
export * from './class-discovery';
export * from './image-header';
export * from './inspect-file';
export * from './content-hash';
export * from './text-decoding';
export * from './tokenize';
export * from './image-preprocess';
export * from './augment';
export * from './split';
export * from './health-report';
export * from './report-export';
export * from './plan';
export * from './sample-store';
export * from './dataset-source';
export * from './input-size';
export * from './train-samples';
export * from './png-decode';
export * from './test-alignment';
export * from './text-defaults';
export * from './plan-text';
export * from './boxes';
