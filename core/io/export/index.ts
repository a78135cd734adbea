// Public surface of core/io/export (re-exported by core/io/index.ts).
export type {
  ExportInfo,
  ImagePreprocessing,
  TextPreprocessing,
  TrainingSummary,
} from './export-info';
export { taskOf } from './export-info';
export type {
  ExportBundle,
  ExportErrorCode,
  ExportFailure,
  ExportFiles,
  ExportOptions,
} from './export-model';
export { buildExportFolder, ExportError, exportModel } from './export-model';
export type { PytorchStatus } from './metadata';
export type { OnnxStatus } from './onnx/onnx-status';
export type { OnnxRefusal, OnnxOptions } from './onnx/build-onnx';
export { buildOnnxModel, onnxOpset } from './onnx/build-onnx';
export { buildLabelsTxt, buildMetadata, buildVocabJson, exportMetadataVersion } from './metadata';
export type { ParityReport } from './parity';
export { checkExportParity, checkParity, compareProbabilities } from './parity';
export { defaultShardBytes, saveToArtifacts, tfjsModelFiles, weightBytes } from './tfjs-files';
export type { NpyArray } from './pytorch/npz';
export { encodeNpy, encodeNpz } from './pytorch/npz';
export type { PytorchFiles, PytorchRefusal } from './pytorch/model-py';
export { buildPytorchFiles } from './pytorch/model-py';
export { diagramFontFamily, renderGraphSvg } from '../diagram/index';
export type { CheckedExport, SampleBatch, VerifiedImport } from './export-check';
export { exportWithParity, generateSamples, predictBatch, verifyImport } from './export-check';
export type { TrainScriptSetup } from './pytorch/train-config';
export { decodeNpy, decodeNpz } from './pytorch/npz-read';
export type { TorchWeightsError, TorchWeightsErrorCode } from './pytorch/weights-from-npz';
export { weightsFromNpz } from './pytorch/weights-from-npz';
export { applyTorchWeights } from './pytorch/apply-torch-weights';
export type { TorchRun } from './pytorch/torch-run';
export { parseTorchRun } from './pytorch/torch-run';
