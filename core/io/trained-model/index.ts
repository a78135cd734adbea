export { graphFingerprint } from './graph-fingerprint';
export {
  decodeTrainedModel,
  encodeTrainedModel,
  isModelStale,
  readTrainedModel,
  trainedModelFormat,
  trainedModelVersion,
} from './trained-model';
export type {
  SavedRun,
  TrainedModelError,
  TrainedModelErrorCode,
  TrainedModelLoad,
  TrainedModelRecord,
} from './trained-model';
export {
  decodeTrainingCheckpoint,
  encodeTrainingCheckpoint,
  trainingCheckpointFormat,
} from './training-checkpoint';
export type { TrainingCheckpoint } from './training-checkpoint';
