import type { BackendReason } from '../backend/init-backend';
import type { EngineChoice } from '../engine/choose-engine';
import type { PytorchStatus } from '../io/export/metadata';
import type { OnnxStatus } from '../io/export/onnx/onnx-status';
import type { TorchWeightsErrorCode } from '../io/export/pytorch/weights-from-npz';
import type { Locale } from './diagnostic';
import { formatMessage, type MessageCode } from './messages';

/**
 * Reasons other parts of core give with a stable code (which engine trains,
 * which TF.js backend runs, why an export has no PyTorch files or no model.onnx), mapped to
 * the message table so the UI shows them in its language; their English
 * `reason` strings are for logs and the CLI only. Each table is exhaustive
 * over its code union, so a new code fails the type-check until it has a
 * message (and reason-messages.test.ts checks both languages).
 */

type EngineFallbackCode = Extract<EngineChoice, { engine: 'tfjs' }>['code'];

/** A message code with the args its message needs. */
export interface ReasonMessage {
  readonly code: MessageCode;
  readonly args: Readonly<Record<string, string | number>>;
}

export const engineFallbackMessages = {
  'gpu-backend': 'engine-gpu-backend',
  requested: 'engine-requested',
  'no-simd': 'engine-no-simd',
  'no-kernels': 'engine-no-kernels',
  'output-heads': 'engine-output-heads',
  'not-a-chain': 'engine-not-a-chain',
  'shared-layer': 'engine-shared-layer',
  'unsupported-layer': 'engine-unsupported-layer',
  'unsupported-setting': 'engine-unsupported-setting',
  'unsupported-input': 'engine-unsupported-input',
  'unsupported-loss': 'engine-unsupported-loss',
} as const satisfies Record<EngineFallbackCode, MessageCode>;

export const backendReasonMessages = {
  requested: 'backend-requested',
  'webgpu-gpu-adapter': 'backend-webgpu-gpu-adapter',
  'gpu-renderer': 'backend-gpu-renderer',
  'software-renderer': 'backend-software-renderer',
  'webgl-unavailable': 'backend-webgl-unavailable',
  'wasm-unavailable': 'backend-wasm-unavailable',
  'requested-unavailable': 'backend-requested-unavailable',
} as const satisfies Record<BackendReason, MessageCode>;

export const pytorchStatusMessages = {
  'pytorch-unsupported': 'pytorch-unsupported',
} as const satisfies Record<Extract<PytorchStatus, { available: false }>['code'], MessageCode>;

export const onnxStatusMessages = {
  'onnx-unsupported': 'onnx-unsupported',
} as const satisfies Record<Extract<OnnxStatus, { available: false }>['code'], MessageCode>;
/** Why weights trained by train.py cannot be loaded (each code is also a message code). */
export const torchWeightsMessages = {
  'torch-weights-unreadable': 'torch-weights-unreadable',
  'torch-weights-no-torch-form': 'torch-weights-no-torch-form',
  'torch-weights-missing': 'torch-weights-missing',
  'torch-weights-extra': 'torch-weights-extra',
  'torch-weights-wrong-shape': 'torch-weights-wrong-shape',
  'torch-weights-not-finite': 'torch-weights-not-finite',
  'torch-weights-not-representable': 'torch-weights-not-representable',
} as const satisfies Record<TorchWeightsErrorCode, MessageCode>;

/** Why TF.js trains this run rather than LayerLab's engine. */
export function engineFallbackMessage(
  choice: Extract<EngineChoice, { engine: 'tfjs' }>,
): ReasonMessage {
  return { code: engineFallbackMessages[choice.code], args: {} };
}

/** Why TF.js runs on the backend it reports. */
export function backendReasonMessage(reason: BackendReason): ReasonMessage {
  return { code: backendReasonMessages[reason], args: {} };
}

/** Why an export has no PyTorch files, naming the layer. */
export function pytorchStatusMessage(
  status: Extract<PytorchStatus, { available: false }>,
): ReasonMessage {
  return {
    code: pytorchStatusMessages[status.code],
    args: { layer: status.layer, kind: status.kind },
  };
}

/** Why an export has no model.onnx, naming the layer. */
export function onnxStatusMessage(
  status: Extract<OnnxStatus, { available: false }>,
): ReasonMessage {
  return {
    code: onnxStatusMessages[status.code],
    args: { layer: status.layer, kind: status.kind },
  };
}

/** A reason's message in the given UI language. */
export function formatReason(reason: ReasonMessage, locale: Locale): string {
  return formatMessage(reason.code, reason.args, locale);
}
