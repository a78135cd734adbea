/**
 * `predict.mjs`: runs the TF.js export in Node with `@tensorflow/tfjs`
 * (pure JS, no native build). Loads model.json + shards from its own folder
 * through `tf.io.fromMemory`, the same route as `tf.loadLayersModel`.
 * `--json` prints the raw probabilities for scripts (LayerLab's tests use it).
 */
export const predictMjs = String.raw`// Runs the exported model in Node.js:
//   npm install @tensorflow/tfjs
//   node predict.mjs "some text"          (text models, or a .txt file)
//   node predict.mjs input.json           (any model: preprocessed values, shape as metadata.json inputShape)
//   node predict.mjs photo.png            (image models; also: npm install @tensorflow/tfjs-node)
// Add --json to print the probabilities as JSON.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

const here = dirname(fileURLToPath(import.meta.url));
const meta = JSON.parse(await readFile(join(here, 'metadata.json'), 'utf8'));

async function loadModel() {
  const json = JSON.parse(await readFile(join(here, 'model.json'), 'utf8'));
  const shards = [];
  for (const group of json.weightsManifest) for (const path of group.paths) shards.push(await readFile(join(here, path)));
  const bytes = Buffer.concat(shards);
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}

// Same steps as LayerLab's tokenizer (Keras TextVectorization): NFC, lowercase, punctuation → space, split, look up.
function tokenize(text) {
  const spec = meta.preprocessing.text;
  let s = text.normalize('NFC');
  if (spec.lowercase) s = s.toLowerCase();
  if (spec.stripPunctuation) s = s.replace(/[\p{P}\p{S}]/gu, ' ');
  let tokens;
  if (spec.split === 'whitespace') tokens = s.split(/\s+/u).filter((t) => t.length > 0);
  else if (spec.split === 'character') tokens = [...s].filter((c) => !/\s/u.test(c));
  else {
    tokens = [];
    for (const seg of new Intl.Segmenter('zh', { granularity: 'word' }).segment(s)) {
      if (seg.isWordLike === true || (seg.isWordLike === undefined && seg.segment.trim().length > 0)) tokens.push(seg.segment);
    }
  }
  return readFile(join(here, spec.vocabularyFile), 'utf8').then((raw) => {
    const index = new Map(JSON.parse(raw).map((t, i) => [t, i]).filter(([, i]) => i >= 2));
    // Keras pad_sequences: 'pre' cuts a long text's start / pads a short one's front; exports before these fields: 'post'.
    const L = spec.sequenceLength;
    const kept = spec.truncating === 'pre' ? tokens.slice(Math.max(0, tokens.length - L)) : tokens.slice(0, L);
    const ids = new Array(L).fill(0);
    const offset = spec.padding === 'pre' ? L - kept.length : 0;
    kept.forEach((t, i) => (ids[offset + i] = index.get(t) ?? 1));
    return tf.tensor2d([ids], [1, L]);
  });
}

async function loadImage(path) {
  const spec = meta.preprocessing.image;
  let tfnode;
  try {
    tfnode = await import('@tensorflow/tfjs-node');
  } catch {
    throw new Error('Reading images in Node needs @tensorflow/tfjs-node (npm install @tensorflow/tfjs-node), or pass preprocessed values as input.json.');
  }
  const channels = spec.colorMode === 'grayscale' ? 1 : 3;
  const image = tfnode.node.decodeImage(await readFile(path), channels);
  const resized = tf.image.resizeBilinear(image, [spec.height, spec.width]);
  const scaled = spec.normalization === 'zeroToOne' ? resized.div(255) : resized.div(127.5).sub(1);
  return scaled.expandDims(0);
}

async function loadInput(arg) {
  if (arg.endsWith('.json')) {
    const values = JSON.parse(await readFile(arg, 'utf8'));
    const x = tf.tensor(values);
    return x.rank === meta.inputShape.length - 1 ? x.expandDims(0) : x;
  }
  if (meta.task === 'image') return loadImage(arg);
  if (meta.task === 'text') return tokenize(existsSync(arg) ? await readFile(arg, 'utf8') : arg);
  throw new Error('Pass the input values as a .json array.');
}

// A label as printable text: control, format and line-separator characters as \u{…} escapes.
const shown = (text) => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => '\\u{' + c.codePointAt(0).toString(16) + '}');

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const input = args.find((a) => a !== '--json');
if (input === undefined) {
  console.error('usage: node predict.mjs <input> [--json]');
  process.exit(2);
}
const model = await loadModel();
const probabilities = await model.predict(await loadInput(input)).array();
if (asJson) console.log(JSON.stringify(probabilities));
else {
  for (const row of probabilities) {
    const ranked = row.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    for (const [p, i] of ranked) console.log(shown(meta.labels[i] ?? String(i)), p.toFixed(4));
    console.log();
  }
}
`;
