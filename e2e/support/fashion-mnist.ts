import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

import { PNG } from 'pngjs';

import type { FolderTree } from './fixtures';

/** Debian `dataset-fashion-mnist` idx files (override with FASHION_MNIST_DIR). */
const fashionDir = process.env['FASHION_MNIST_DIR'] ?? '/usr/share/datasets/fashion-mnist';

/** Class folder names, in Fashion-MNIST label order. */
export const fashionClasses = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'boot',
] as const;

/**
 * The first `perClass` Fashion-MNIST training images of each class, as PNG
 * files in class folders: real data for journeys that train, written at test time.
 */
export async function fashionFolder(perClass: number): Promise<FolderTree> {
  const images = gunzipSync(await readFile(`${fashionDir}/train-images-idx3-ubyte.gz`));
  const labels = gunzipSync(await readFile(`${fashionDir}/train-labels-idx1-ubyte.gz`));
  const tree: Record<string, Uint8Array> = {};
  const taken = new Array<number>(10).fill(0);
  for (let i = 0; taken.some((n) => n < perClass); i++) {
    const label = labels[8 + i] as number;
    if ((taken[label] as number) >= perClass) continue;
    taken[label] = (taken[label] as number) + 1;
    const png = new PNG({ width: 28, height: 28 });
    for (let p = 0; p < 784; p++) {
      const v = images[16 + i * 784 + p] as number;
      png.data.set([v, v, v, 255], p * 4);
    }
    tree[`${fashionClasses[label]}/${i}.png`] = new Uint8Array(PNG.sync.write(png));
  }
  return tree;
}
