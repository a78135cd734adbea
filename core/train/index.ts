export * from './config';
export { train } from './train';
export type { TrainData, TrainHooks } from './train';
export { fillFromSamples } from './runner';
export type { BatchLoss, FillBatch, RunnerFactory, RunnerSetup, TrainingRunner } from './runner';
export { tfjsRunner } from './tfjs-runner';
export type {
  BatchMetrics,
  EpochMetrics,
  HeadEpochMetrics,
  TrainOutcome,
  TrainResult,
} from './metrics';
export { headsOfModel } from './heads';
export type { HeadPlan } from './heads';
export { boxIou } from './head-losses';
export { samplesFromArrays, sampleSizeOf } from './sample-source';
export type { SampleSource } from './sample-source';
export { encodeTargets, targetEncodingFor } from './targets';
export type { TargetEncoding } from './targets';
export { TrainingError, nonFiniteLossMessage } from './training-error';
export type { TrainingErrorCode } from './training-error';
export { restoreWeights, snapshotWeights } from './weight-snapshot';
export type { WeightSnapshot } from './weight-snapshot';
export { createPauseGate } from './pause-gate';
export type { PauseGate } from './pause-gate';
export { initialTrainingState, isRunActive, trainingReducer } from './training-state';
export type { TrainingEvent, TrainingState, TrainingStatus } from './training-state';
export { evaluateInChunks, evaluateSamples } from './evaluate';
export { datasetReadingFor } from './dataset-reading';
export type { DatasetReading } from './dataset-reading';
export * from './job/index';
