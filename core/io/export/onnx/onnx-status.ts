/**
 * Whether `model.onnx` was written, and if not, why: `code` (a message code,
 * core/validate/messages.ts) with the `layer` name and its `kind` is what the
 * UI shows; `reason` is the English detail (README, CLI).
 */
export type OnnxStatus =
  | { readonly available: true }
  | {
      readonly available: false;
      readonly code: 'onnx-unsupported';
      readonly reason: string;
      readonly layer: string;
      readonly kind: string;
    };
