import { bytesToBase64 } from '../trained-model/base64';
import { jsString } from '../escape/javascript';

/** The file predict.html loads its model from. */
export const predictDataFile = 'predict-data.js';

/**
 * Above this many weight bytes the model is not embedded (the script would
 * take a third more, in memory twice while the page decodes it): predict.html
 * then needs the folder served over HTTP, and says so.
 */
export const maxEmbeddedWeightBytes = 64 * 1024 * 1024;

/** What predict.html needs, as it is in the folder's own files. */
export interface PredictData {
  /** metadata.json's content. */
  readonly metadata: object;
  /** vocab.json's token list (text models), else null. */
  readonly vocabulary: readonly string[] | null;
  /** model.json's `modelTopology`. */
  readonly modelTopology: object;
  /** model.json's weight specs, in shard order. */
  readonly weightSpecs: readonly object[];
  /** The shards' bytes, joined. */
  readonly weightData: Uint8Array;
}

/**
 * `predict-data.js`: the model, its weights, metadata and vocabulary for
 * predict.html, as a classic script. A page opened by double-click
 * (`file://`) may load `<script src>` but not `fetch` a file or import a
 * module, so this is how the page gets the model without a web server.
 *
 * Every user string (labels, model and layer names, tokens) is inside one
 * JSON document written as one escaped JavaScript string literal
 * (`jsString`) and read with `JSON.parse`: no user string is ever code, and
 * no key of an object literal can set a prototype.
 */
export function buildPredictData(data: PredictData): string {
  const json = JSON.stringify({
    metadata: data.metadata,
    vocabulary: data.vocabulary,
    modelTopology: data.modelTopology,
    weightSpecs: data.weightSpecs,
    weightData: bytesToBase64(data.weightData),
  });
  return [
    '// LayerLab export: the model for predict.html (a page opened from a file can load a script, not fetch a file).',
    `window.layerlabExport = JSON.parse(${jsString(json)});`,
    '',
  ].join('\n');
}
