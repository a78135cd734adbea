import { z } from 'zod';

/**
 * Training settings, stored in the project file. Owned by core/train; the
 * project schema (core/io) embeds `trainingConfigSchema`.
 */
export const lossKinds = [
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
] as const;
export type LossKind = (typeof lossKinds)[number];

export const optimizerKinds = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerKind = (typeof optimizerKinds)[number];

export const backendChoices = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof backendChoices)[number];

export const trainingConfigSchema = z.object({
  loss: z.enum(lossKinds),
  optimizer: z.object({
    kind: z.enum(optimizerKinds),
    learningRate: z.number().positive().max(10),
    /** SGD with momentum, RMSprop. */
    momentum: z.number().min(0).max(1).optional(),
    /** Adam. */
    beta1: z.number().min(0).lt(1).optional(),
    beta2: z.number().min(0).lt(1).optional(),
    epsilon: z.number().positive().optional(),
    /** RMSprop decay rate. */
    rho: z.number().min(0).lt(1).optional(),
  }),
  batchSize: z.number().int().min(1).max(4096),
  epochs: z.number().int().min(1).max(10_000),
  /** Share of each class held out for validation (stratified, seeded). */
  validationShare: z.number().min(0).max(0.9),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  earlyStopping: z.object({
    enabled: z.boolean(),
    patience: z.number().int().min(1).max(1000),
    restoreBestWeights: z.boolean(),
  }),
  learningRateDecay: z.object({
    kind: z.enum(['none', 'exponential', 'step']),
    /** Multiplier applied per epoch (exponential) or every `everyEpochs` (step). */
    factor: z.number().positive().max(1),
    everyEpochs: z.number().int().min(1),
  }),
  backend: z.enum(backendChoices),
});

export type TrainingConfig = z.infer<typeof trainingConfigSchema>;

export const defaultTrainingConfig: TrainingConfig = {
  loss: 'categoricalCrossentropy',
  optimizer: { kind: 'adam', learningRate: 0.001 },
  batchSize: 64,
  epochs: 5,
  validationShare: 0.2,
  seed: 42,
  earlyStopping: { enabled: false, patience: 3, restoreBestWeights: true },
  learningRateDecay: { kind: 'none', factor: 0.9, everyEpochs: 1 },
  backend: 'auto',
};
