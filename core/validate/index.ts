export * from './diagnostic';
export { messages, formatDiagnostic, formatMessage, messagePlaceholders } from './messages';
export type { MessageCode } from './messages';
export { validateGraph, hasBlockingErrors, firstBlockingDiagnostic } from './validate-graph';
export type { ValidationContext } from './validate-graph';
export { maxLayerNameLength } from './check-structure';
export { parameterExplosionThreshold, saturatingStackThreshold } from './check-learner-pitfalls';
