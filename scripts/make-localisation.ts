/**
 * `npm run make-localisation -- --out DIR [--count N] [--seed S] [--size 64]`:
 * writes a classification + localisation dataset made from Debian's
 * Fashion-MNIST (dataset-fashion-mnist): one object per 64×64 PNG, scaled and
 * placed at random among distractor scraps and noise, one folder per class,
 * and `boxes.csv` (`file,x,y,width,height` in pixels). Seeded: the same
 * arguments write the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { PNG } from 'pngjs';

import { createRng } from '../core/data/random';
import { fashionMnistClasses, loadFashionMnist } from './fashion-mnist';
import { composeCanvas, defaultCanvasOptions, type GrayImage } from './localisation-set';

function encodeGrayPng(image: GrayImage): Buffer {
  const png = new PNG({ width: image.side, height: image.side });
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i] ?? 0;
    png.data.set([v, v, v, 255], i * 4);
  }
  return PNG.sync.write(png, { colorType: 0 });
}

/** Writes `count` images (balanced over the classes) and boxes.csv under `outDir`. */
export async function makeLocalisationSet(options: {
  readonly outDir: string;
  readonly count: number;
  readonly seed: number;
  readonly size: number;
}): Promise<{ readonly images: number }> {
  const source = await loadFashionMnist('train');
  const random = createRng(options.seed);
  const objectAt = (i: number): GrayImage => ({
    side: 28,
    pixels: source.pixels.subarray(i * 784, (i + 1) * 784),
  });
  const byClass = fashionMnistClasses.map(() => [] as number[]);
  for (let i = 0; i < source.count; i++) byClass[source.labels[i] ?? 0]?.push(i);
  const canvasOptions = {
    ...defaultCanvasOptions,
    size: options.size,
    minObject: Math.round((options.size * 20) / 64),
    maxObject: Math.round((options.size * 40) / 64),
  };
  const rows = ['file,x,y,width,height'];
  for (const name of fashionMnistClasses)
    await mkdir(path.join(options.outDir, name), { recursive: true });
  for (let n = 0; n < options.count; n++) {
    const label = n % fashionMnistClasses.length;
    const pool = byClass[label]!;
    const object = objectAt(pool[random.nextInt(pool.length)]!);
    const scraps = [0, 1, 2].map(() => objectAt(random.nextInt(source.count)));
    const { canvas, box } = composeCanvas(object, scraps, random.next, canvasOptions);
    const file = `${fashionMnistClasses[label]}/${String(n).padStart(5, '0')}.png`;
    await writeFile(path.join(options.outDir, file), encodeGrayPng(canvas));
    rows.push(`${file},${box.x},${box.y},${box.width},${box.height}`);
  }
  await writeFile(path.join(options.outDir, 'boxes.csv'), `${rows.join('\n')}\n`);
  return { images: options.count };
}

if (process.argv[1]?.endsWith('make-localisation.ts')) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      size: { type: 'string', default: '64' },
    },
  });
  if (!values.out) {
    console.error(
      'usage: npm run make-localisation -- --out DIR [--count 3000] [--seed 1] [--size 64]',
    );
    process.exit(2);
  }
  const made = await makeLocalisationSet({
    outDir: path.resolve(values.out),
    count: Number(values.count),
    seed: Number(values.seed),
    size: Number(values.size),
  });
  console.log(`wrote ${made.images} images and boxes.csv to ${path.resolve(values.out)}`);
}
