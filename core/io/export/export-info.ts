import type { ImageOptions, TextOptions } from '../../data/index';
import type { Shape } from '../../shapes/shape';
import type { TrainScriptSetup } from './pytorch/train-config';

/** How images are turned into the model's input; the `ImageOptions` of the dataset without augmentation. */
export type ImagePreprocessing = Pick<
  ImageOptions,
  'width' | 'height' | 'colorMode' | 'resizeMode' | 'normalization'
>;

/** How text is turned into token ids, and the vocabulary in index order (0 = '', 1 = '[UNK]'). */
export interface TextPreprocessing {
  readonly tokenizer: TextOptions;
  readonly vocabulary: readonly string[];
}

/** What the training run achieved; shown in metadata.json and the README. */
export interface TrainingSummary {
  readonly epochs: number;
  /** Final metrics by TF.js name (`loss`, `acc`, `val_loss`, `val_acc`). */
  readonly finalMetrics: Readonly<Record<string, number>>;
  /** ISO 8601 date-time when training finished. */
  readonly finishedAt: string;
}

/**
 * Everything an export needs besides the model itself. The caller (Export
 * panel, CLI) fills it from the project: core cannot read clocks or files.
 */
export interface ExportInfo {
  /** The name the user gave the export (shown in the README; the folder name is sanitised by the host). */
  readonly modelName: string;
  /** Class names in output index order. */
  readonly labels: readonly string[];
  /** The model's input shape, batch axis first (`[null, 28, 28, 1]`). */
  readonly inputShape: Shape;
  /** Image models: how a picture becomes the input tensor. */
  readonly image: ImagePreprocessing | null;
  /** Text models: tokenizer settings and vocabulary. */
  readonly text: TextPreprocessing | null;
  readonly versions: { readonly layerlab: string; readonly tfjs: string };
  readonly training: TrainingSummary | null;
  /** ISO 8601 date-time of the export. */
  readonly exportedAt: string;
  /** How the project trains: with it (and a PyTorch route) the folder gets train.py + train-config.json. */
  readonly trainScript?: TrainScriptSetup | null;
}

/** The kind of data a model reads, from its preprocessing. */
export function taskOf(info: ExportInfo): 'image' | 'text' | 'vector' {
  if (info.image !== null) return 'image';
  if (info.text !== null) return 'text';
  return 'vector';
}
