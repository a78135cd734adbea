export { runTrainingJob } from './training-job';
export type {
  JobTestSet,
  TrainedSummary,
  TrainingJob,
  TrainingJobHooks,
  TrainingJobReport,
} from './training-job';
export { jobDatasetFacts, resolveDataset } from './job-dataset';
export type { DecodedDataset, JobDataset, ResolvedDataset } from './job-dataset';
