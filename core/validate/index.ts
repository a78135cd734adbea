export * from './diagnostic';
export { messages, formatDiagnostic, formatMessage, messagePlaceholders } from './messages';
export type { MessageCode } from './messages';
export {
  engineFallbackMessage,
  formatReason,
  backendReasonMessage,
  pytorchStatusMessage,
  onnxStatusMessage,
  engineFallbackMessages,
  backendReasonMessages,
  pytorchStatusMessages,
  onnxStatusMessages,
  torchWeightsMessages,
} from './reason-messages';
export type { ReasonMessage } from './reason-messages';
export { validateGraph, hasBlockingErrors, firstBlockingDiagnostic } from './validate-graph';
export type { ValidationContext } from './validate-graph';
export { validateProject } from './validate-project';
export { datasetFacts, inferenceContextOf } from './dataset-facts';
export type { DatasetFacts } from './dataset-facts';
export { maxLayerNameLength } from './check-structure';
export { parameterExplosionThreshold, saturatingStackThreshold } from './check-learner-pitfalls';
