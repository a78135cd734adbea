import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { samplePackContents, writePack, type SamplePackSources } from '../core/index';

/** The repository's assets, as `samplePackContents` takes them (tests and the build script). */
export function readSampleSources(root: string): SamplePackSources {
  const fashion = path.join(root, 'assets/samples/fashion-mnist');
  const fashionFiles: Record<string, Uint8Array> = {};
  for (const cls of readdirSync(fashion).sort())
    for (const file of readdirSync(path.join(fashion, cls)).sort())
      fashionFiles[`${cls}/${file}`] = new Uint8Array(readFileSync(path.join(fashion, cls, file)));
  const first = Object.values(fashionFiles)[0];
  if (!first) throw new Error('no Fashion-MNIST sample images');
  return {
    lenetProject: readFileSync(path.join(root, 'assets/templates/lenet.layerlab'), 'utf8'),
    fashionFiles,
    fashionLicence: readFileSync(
      path.join(root, 'assets/samples/licenses/fashion-mnist.txt'),
      'utf8',
    ),
    image: first,
    appVersion: '0.1.0',
  };
}

/** The bytes of the course sample package, built from the repository at `root`. */
export function buildSamplePackBytes(root: string): Uint8Array {
  return writePack(samplePackContents(readSampleSources(root)));
}

/** Where the sample package is committed. */
export const samplePackRelativePath = 'assets/packs/course-first-half.layerlab-pack';
