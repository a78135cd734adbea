import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { readPack } from '../core/index';
import { buildSamplePackBytes, samplePackRelativePath } from './sample-pack-sources';

const root = path.resolve(__dirname, '..');

describe('the committed sample package', () => {
  const shipped = new Uint8Array(readFileSync(path.join(root, samplePackRelativePath)));

  it('opens, with the 200 Fashion-MNIST images and their licence embedded', () => {
    const read = readPack(shipped);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.manifest.steps.map((s) => s.id)).toEqual([
      'reading',
      'backprop',
      'lenet',
      'convolution',
    ]);
    expect(read.value.datasets.get('data/fashion-mnist')?.files.size).toBe(200);
  });

  it('is byte for byte a fresh build (run `npx tsx scripts/build-sample-pack.ts` after a change)', () => {
    expect(Buffer.from(shipped).equals(Buffer.from(buildSamplePackBytes(root)))).toBe(true);
  });
});
