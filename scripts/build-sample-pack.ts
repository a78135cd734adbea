/**
 * Writes the course's sample package, assets/packs/course-first-half.layerlab-pack,
 * from the labs' starting numbers, the LeNet template and the Fashion-MNIST
 * sample (with its licence). Run after changing any of them:
 * `npx tsx scripts/build-sample-pack.ts`. The file is committed;
 * scripts/build-sample-pack.test.ts checks it matches a fresh build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSamplePackBytes, samplePackRelativePath } from './sample-pack-sources';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, samplePackRelativePath);
const bytes = buildSamplePackBytes(root);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, bytes);
console.log(`wrote ${samplePackRelativePath} (${bytes.length} bytes)`);
