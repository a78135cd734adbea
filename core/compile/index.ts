// Public surface of core/compile (re-exported by core/index.ts).
export { compileGraph } from './compile-graph';
export type { CompileContext } from './compile-graph';
export { CompileError } from './compile-error';
export type { CompileErrorCode } from './compile-error';
export {
  compileForTraining,
  createOptimizer,
  learningRateForEpoch,
  setLearningRate,
} from './training-setup';
export { compileOrder, outputNodes } from './graph-order';
/**
 * A built TF.js model, as the UI-side code that must not import TF.js names it
 * (the training worker, the inspection handlers).
 */
export type { LayersModel as CompiledModel } from '@tensorflow/tfjs';
