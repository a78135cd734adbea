import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';

/**
 * Writes a model in the TF.js layers format (`model.json` + `weights.bin`)
 * through `withSaveHandler`: core-style in-memory artifacts, written here.
 * The export engineer's full export folder (metadata, Keras config) replaces
 * this once it lands.
 */
export async function saveLayersModel(
  model: tf.LayersModel,
  outDir: string,
  extra: Record<string, unknown> = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightsFile = 'weights.bin';
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
        userDefinedMetadata: extra,
      };
      await writeFile(path.join(outDir, 'model.json'), JSON.stringify(modelJson));
      const data = artifacts.weightData;
      const bytes =
        data === undefined
          ? new Uint8Array(0)
          : new Uint8Array(Array.isArray(data) ? await new Blob(data).arrayBuffer() : data);
      await writeFile(path.join(outDir, weightsFile), bytes);
      written.push('model.json', weightsFile);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return written;
}
