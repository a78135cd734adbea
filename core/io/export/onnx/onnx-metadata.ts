import type { ExportInfo } from '../export-info';
import { taskOf } from '../export-info';
import { buildMetadata } from '../metadata';

/**
 * `metadata_props` of model.onnx: what a program needs to feed the model and
 * read its answer without the other files: labels in output order, the
 * preprocessing of metadata.json (image size, colour mode, normalisation; or
 * the tokenizer, sequence length and padding), the vocabulary of a text model.
 * Structured values are JSON strings (ONNX metadata values are strings).
 */
export function onnxMetadataProps(info: ExportInfo): [string, string][] {
  const { preprocessing } = buildMetadata(info, [], { available: true });
  const props: [string, string][] = [
    ['layerlab.format', 'layerlab-onnx'],
    ['model_name', info.modelName],
    ['task', taskOf(info)],
    ['labels', JSON.stringify(info.labels)],
    ['input_name', 'input'],
    ['output_name', 'output'],
    ['output', 'probabilities (softmax over labels)'],
    ['input_shape', JSON.stringify(info.inputShape)],
    ['input_layout', info.image !== null ? 'NHWC (batch, height, width, channels)' : 'batch first'],
    ['preprocessing', JSON.stringify(preprocessing)],
    ['layerlab_version', info.versions.layerlab],
    ['tfjs_version', info.versions.tfjs],
    ['exported_at', info.exportedAt],
  ];
  if (info.text !== null) props.push(['vocabulary', JSON.stringify(info.text.vocabulary)]);
  return props;
}
