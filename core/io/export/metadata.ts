import { oneLine } from '../escape/text-lines';
import type { ExportInfo } from './export-info';
import { taskOf } from './export-info';
import type { OnnxStatus } from './onnx/onnx-status';

/** Version of the metadata.json layout; bump when a field changes meaning. */
export const exportMetadataVersion = 1;

/**
 * Whether the PyTorch files were written, and if not, why: `code` (a message
 * code, core/validate/messages.ts) with the `layer` name and its `kind` is what
 * the UI shows; `reason` is the English detail (README, CLI).
 */
export type PytorchStatus =
  | { readonly available: true }
  | {
      readonly available: false;
      readonly code: 'pytorch-unsupported';
      readonly reason: string;
      readonly layer: string;
      readonly kind: string;
    };

/**
 * The self-describing sidecar (`metadata.json`): everything needed to feed the
 * model correctly elsewhere, in the spirit of Teachable Machine's metadata and
 * Lobe's signature.json. Field names are stable; consumers read them by name.
 */
export function buildMetadata(
  info: ExportInfo,
  weightFiles: readonly string[],
  pytorch: PytorchStatus,
  onnx: OnnxStatus | null = null,
): Record<string, unknown> {
  return {
    format: 'layerlab-export',
    metadataVersion: exportMetadataVersion,
    modelName: info.modelName,
    task: taskOf(info),
    labels: [...info.labels],
    labelsFile: 'labels.txt',
    inputShape: [...info.inputShape],
    inputDtype: info.text !== null ? 'int32' : 'float32',
    preprocessing: {
      image:
        info.image === null
          ? null
          : {
              width: info.image.width,
              height: info.image.height,
              colorMode: info.image.colorMode,
              resizeMode: info.image.resizeMode,
              normalization: info.image.normalization,
              // Written out so nobody has to guess what the names mean.
              normalizationFormula:
                info.image.normalization === 'zeroToOne' ? 'x / 255' : 'x / 127.5 - 1',
              alpha: 'composited over white',
              grayscale: '0.299 R + 0.587 G + 0.114 B',
              layout: 'NHWC (batch, height, width, channels)',
            },
      text:
        info.text === null
          ? null
          : {
              ...info.text.tokenizer,
              vocabularyFile: 'vocab.json',
              paddingIndex: 0,
              unknownIndex: 1,
              // Keras pad_sequences names; `truncation` is the name metadataVersion 1 files used first.
              padding: info.text.tokenizer.padding,
              truncating: info.text.tokenizer.truncating,
              truncation: info.text.tokenizer.truncating,
              standardize:
                'NFC; optional lowercase; optional replacement of Unicode punctuation and symbols (\\p{P}\\p{S}) by spaces',
            },
    },
    files: {
      modelJson: 'model.json',
      weights: [...weightFiles],
      pytorch: pytorch.available
        ? { model: 'model.py', weights: 'weights.npz', predict: 'predict.py' }
        : null,
      ...(onnx === null ? {} : { onnx: onnx.available ? 'model.onnx' : null }),
    },
    pytorch,
    ...(onnx === null ? {} : { onnx }),
    versions: { layerlab: info.versions.layerlab, tfjs: info.versions.tfjs },
    training:
      info.training === null
        ? null
        : {
            epochs: info.training.epochs,
            finalMetrics: { ...info.training.finalMetrics },
            finishedAt: info.training.finishedAt,
          },
    exportedAt: info.exportedAt,
  };
}

/**
 * `labels.txt`: "0 猫\n1 狗\n", Teachable Machine's Keras-export convention (copied snippets do
 * `line[2:]`); a label's line breaks (any `splitlines()` sees) become spaces.
 */
export function buildLabelsTxt(labels: readonly string[]): string {
  return labels.map((label, i) => `${i} ${oneLine(label)}\n`).join('');
}

/** `vocab.json`: the token list in index order; index 0 is padding (''), 1 is unknown ('[UNK]'). */
export function buildVocabJson(vocabulary: readonly string[]): string {
  return `${JSON.stringify(vocabulary, null, 0)}\n`;
}
