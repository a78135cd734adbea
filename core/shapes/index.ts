export * from './shape';
export * from './inference-context';
export { inferShapes, inferNodeShape } from './infer';
export type { NodeShapeInfo } from './infer';
