import type * as tf from '@tensorflow/tfjs';

import { err, ok } from '../../result';
import type { Result } from '../../result';
import { headsOfModel } from '../../train/heads';
import { readModelFolder } from '../import/model-folder';
import type { ExportInfo } from './export-info';
import { taskOf } from './export-info';
import { buildLabelsTxt, buildMetadata, buildVocabJson } from './metadata';
import type { PytorchStatus } from './metadata';
import { buildOnnxModel } from './onnx/build-onnx';
import { onnxMetadataProps } from './onnx/onnx-metadata';
import type { OnnxStatus } from './onnx/onnx-status';
import { buildPredictData, maxEmbeddedWeightBytes, predictDataFile } from './predict-data';
import { buildPredictHtml } from './predict-html';
import { predictMjs } from './predict-mjs';
import { buildPytorchFiles } from './pytorch/model-py';
import { predictPy } from './pytorch/predict-py';
import { buildTrainConfig } from './pytorch/train-config';
import { trainPy } from './pytorch/train-py';
import { buildReadme } from './readme';
import { defaultShardBytes, saveToArtifacts, tfjsModelFiles, weightBytes } from './tfjs-files';

/** An export folder as a file map (relative path → contents); the host writes it atomically. */
export type ExportFiles = Record<string, Uint8Array | string>;

export type ExportErrorCode =
  'export-labels-mismatch' | 'export-invalid-model' | 'export-several-outputs';

/** Why an export could not be built. `message` is English and names the cause. */
export interface ExportFailure {
  readonly code: ExportErrorCode;
  readonly message: string;
}

/** A thrown `ExportFailure` (from `exportModel`), with the code kept as data. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
    Object.setPrototypeOf(this, ExportError.prototype);
  }
}

export interface ExportOptions {
  /**
   * Bytes of TF.js's browser bundle (`@tensorflow/tfjs/dist/tf.min.js`), copied
   * into the folder as `tf.min.js` so predict.html works offline. Core cannot
   * read files: the renderer fetches it from the app bundle, the CLI reads it
   * from node_modules. Without it predict.html cannot run.
   */
  readonly tfjsBundle?: Uint8Array;
  /** Weight shard size; defaults to the TF.js converter's 4 MB. */
  readonly shardBytes?: number;
}

/** The export folder and what became of the optional PyTorch and ONNX routes. */
export interface ExportBundle {
  readonly files: ExportFiles;
  readonly pytorch: PytorchStatus;
  readonly onnx: OnnxStatus;
}

function outputUnits(model: tf.LayersModel): number | null {
  const shape = model.outputs[0]?.shape;
  const last = shape?.[shape.length - 1];
  return typeof last === 'number' ? last : null;
}

/**
 * Builds the complete export folder of a trained model:
 * `model.json` + `group1-shard*.bin` (TF.js layers format, with labels in
 * `userDefinedMetadata`), `metadata.json`, `labels.txt`, `vocab.json` (text
 * models), `README.md` (zh-CN + en), `predict.html` with `predict-data.js`
 * (the model embedded, so the page works by double-click) and `tf.min.js`
 * when given, `predict.mjs`, and when every layer has an exact PyTorch form,
 * `model.py` + `weights.npz` + `predict.py`, and likewise `model.onnx`
 * (opset 13, labels and preprocessing in its metadata_props). The weights are re-read through
 * the import validator first, so a model with NaN weights is never exported.
 *
 * This is the function the CLI (`train --out DIR`) and the Export panel call.
 */
export async function buildExportFolder(
  model: tf.LayersModel,
  info: ExportInfo,
  options: ExportOptions = {},
): Promise<Result<ExportBundle, ExportFailure>> {
  // predict.html/.mjs, labels and the PyTorch and ONNX routes all assume one class output.
  if (model.outputs.length > 1 || headsOfModel(model) !== null) {
    return err({
      code: 'export-several-outputs',
      message: `The model has ${model.outputs.length} outputs (output heads: ${model.outputs.map((o) => o.sourceLayer.name).join(', ')}); the export writes models with one class output only.`,
    });
  }
  const units = outputUnits(model);
  if (units !== null && units !== info.labels.length) {
    return err({
      code: 'export-labels-mismatch',
      message: `The model has ${units} outputs but ${info.labels.length} class labels were given; they must match one to one.`,
    });
  }
  const artifacts = await saveToArtifacts(model);
  const userMetadata: Record<string, object | string> = {
    labels: [...info.labels],
    layerlabVersion: info.versions.layerlab,
  };
  const tfFiles = tfjsModelFiles(artifacts, userMetadata, options.shardBytes ?? defaultShardBytes);
  const folder = readModelFolder(tfFiles);
  if (!folder.ok)
    return err({
      code: 'export-invalid-model',
      message: `The trained model cannot be exported: ${folder.error.message}`,
    });
  const weightFiles = Object.keys(tfFiles).filter((p) => p.endsWith('.bin'));

  // The project's name is user text: model-py writes it as an escaped docstring, never as code.
  const description = `${info.modelName}\n\nGenerated by LayerLab ${info.versions.layerlab} from model.json (TensorFlow.js ${info.versions.tfjs}).\nThe same network as an nn.Module; load it with build_model("weights.npz").\n`;
  const torch = buildPytorchFiles(folder.value.topology, folder.value.weights.weights, description);
  const pytorch: PytorchStatus = torch.ok
    ? { available: true }
    : {
        available: false,
        code: torch.error.code,
        reason: torch.error.message,
        layer: torch.error.layer,
        kind: torch.error.kind,
      };

  const onnxModel = buildOnnxModel(folder.value.topology, folder.value.weights.weights, {
    outputShapes: model.outputs.map((o) => o.shape),
    metadata: onnxMetadataProps(info),
    producerVersion: info.versions.layerlab,
    docString: description,
  });
  const onnx: OnnxStatus = onnxModel.ok
    ? { available: true }
    : {
        available: false,
        code: onnxModel.error.code,
        reason: onnxModel.error.message,
        layer: onnxModel.error.layer,
        kind: onnxModel.error.kind,
      };

  const files: ExportFiles = { ...tfFiles };
  const metadata = buildMetadata(info, weightFiles, pytorch, onnx);
  files['metadata.json'] = `${JSON.stringify(metadata, null, 2)}\n`;
  files['labels.txt'] = buildLabelsTxt(info.labels);
  if (info.text !== null) files['vocab.json'] = buildVocabJson(info.text.vocabulary);
  const weightData = weightBytes(artifacts);
  const embedded = weightData.byteLength <= maxEmbeddedWeightBytes;
  const trainScript = torch.ok && Boolean(info.trainScript) && taskOf(info) !== 'vector';
  files['README.md'] = buildReadme(info, weightFiles, pytorch, embedded, onnx, trainScript);
  files['predict.html'] = buildPredictHtml(info.modelName);
  if (embedded)
    files[predictDataFile] = buildPredictData({
      metadata,
      vocabulary: info.text?.vocabulary ?? null,
      modelTopology: artifacts.modelTopology as object,
      weightSpecs: artifacts.weightSpecs ?? [],
      weightData,
    });
  files['predict.mjs'] = predictMjs;
  if (options.tfjsBundle !== undefined) files['tf.min.js'] = options.tfjsBundle;
  if (torch.ok) {
    files['model.py'] = torch.value.modelPy;
    files['weights.npz'] = torch.value.weightsNpz;
    files['predict.py'] = predictPy;
    if (trainScript && info.trainScript) {
      files['train.py'] = trainPy;
      files['train-config.json'] = buildTrainConfig(
        folder.value.topology,
        folder.value.weights.weights,
        info.trainScript,
        info.training?.epochs ?? 0,
      );
    }
  }
  if (onnxModel.ok) files['model.onnx'] = onnxModel.value;
  return ok({ files, pytorch, onnx });
}

/**
 * `buildExportFolder` returning only the file map; throws `ExportError` (with
 * its code) when the export cannot be built.
 */
export async function exportModel(
  model: tf.LayersModel,
  info: ExportInfo,
  options: ExportOptions = {},
): Promise<ExportFiles> {
  const result = await buildExportFolder(model, info, options);
  if (!result.ok) throw new ExportError(result.error.code, result.error.message);
  return result.value.files;
}
