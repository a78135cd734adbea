import * as tf from '@tensorflow/tfjs';

/** The TF.js converter's default shard size (`--weight_shard_size_bytes`): 4 MB. */
export const defaultShardBytes = 4 * 1024 * 1024;

/**
 * Saves a model into memory exactly as `model.save()` would save it anywhere
 * else (tfjs-core `io/passthrough.ts`): the host, not core, writes the bytes.
 */
export async function saveToArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === null) throw new Error('model.save() did not hand over its artifacts');
  return saved;
}

/** Joins `weightData` (one buffer or, since tfjs 4, a list) into one byte array. */
export function weightBytes(artifacts: tf.io.ModelArtifacts): Uint8Array {
  const data = artifacts.weightData;
  if (data === undefined) return new Uint8Array(0);
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
}

/**
 * The TF.js layers format as files: `model.json` plus `group1-shardXofY.bin`
 * shards of at most `shardBytes`, loadable unchanged by `tf.loadLayersModel`.
 * `userDefinedMetadata` carries the class labels, as Teachable Machine does.
 */
export function tfjsModelFiles(
  artifacts: tf.io.ModelArtifacts,
  userDefinedMetadata: Record<string, object | string | number | boolean>,
  shardBytes = defaultShardBytes,
): Record<string, Uint8Array | string> {
  const bytes = weightBytes(artifacts);
  const count = Math.max(1, Math.ceil(bytes.byteLength / shardBytes));
  const files: Record<string, Uint8Array | string> = {};
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `group1-shard${i + 1}of${count}.bin`;
    paths.push(name);
    files[name] = bytes.slice(i * shardBytes, Math.min(bytes.byteLength, (i + 1) * shardBytes));
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: 'LayerLab',
    weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
    userDefinedMetadata,
  };
  files['model.json'] = JSON.stringify(modelJson);
  return files;
}
