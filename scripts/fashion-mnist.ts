import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { PNG } from 'pngjs';

/**
 * Real Fashion-MNIST from Debian's `dataset-fashion-mnist` (idx files):
 * raw arrays for benchmarks, and image folders (one PNG per sample, one
 * folder per class) for the CLI accuracy check and the e2e test.
 */
export const fashionMnistDir =
  process.env['FASHION_MNIST_DIR'] ?? '/usr/share/datasets/fashion-mnist';

/** Folder names per label, as Keras documents the classes. */
export const fashionMnistClasses = [
  '0-tshirt-top',
  '1-trouser',
  '2-pullover',
  '3-dress',
  '4-coat',
  '5-sandal',
  '6-shirt',
  '7-sneaker',
  '8-bag',
  '9-ankle-boot',
] as const;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count × rows × cols uint8 pixels. */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

async function readIdx(file: string): Promise<Uint8Array> {
  const raw = await readFile(file);
  return new Uint8Array(file.endsWith('.gz') ? gunzipSync(raw) : raw);
}

/** Loads the `train` (60k) or `test` (10k) split. */
export async function loadFashionMnist(split: 'train' | 'test'): Promise<IdxImages> {
  const prefix = split === 'train' ? 'train' : 't10k';
  const images = await readIdx(path.join(fashionMnistDir, `${prefix}-images-idx3-ubyte.gz`));
  const labels = await readIdx(path.join(fashionMnistDir, `${prefix}-labels-idx1-ubyte.gz`));
  const view = new DataView(images.buffer, images.byteOffset, images.byteLength);
  if (view.getUint32(0) !== 0x803) throw new Error('not an idx3 image file');
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  return {
    count,
    rows,
    cols,
    pixels: images.subarray(16, 16 + count * rows * cols),
    labels: labels.subarray(8, 8 + count),
  };
}

/**
 * Writes `split` as PNG folders under `outDir` (skipped when a previous run
 * completed with the same count). `perClass` limits samples per class, taken
 * in file order.
 */
export async function writeFashionMnistFolders(
  outDir: string,
  split: 'train' | 'test',
  options: { perClass?: number } = {},
): Promise<{ written: number; dir: string }> {
  const data = await loadFashionMnist(split);
  // The marker sits beside the folder: inside it would show up in the dataset listing.
  const marker = `${outDir.replace(/[/\\]+$/, '')}.complete`;
  const limit = options.perClass ?? Number.POSITIVE_INFINITY;
  const taken = new Array<number>(10).fill(0);
  const chosen: number[] = [];
  for (let i = 0; i < data.count; i++) {
    const label = data.labels[i] as number;
    if ((taken[label] as number) < limit) {
      taken[label] = (taken[label] as number) + 1;
      chosen.push(i);
    }
  }
  if (existsSync(marker) && (await readFile(marker, 'utf8')).trim() === String(chosen.length))
    return { written: chosen.length, dir: outDir };
  for (const name of fashionMnistClasses) await mkdir(path.join(outDir, name), { recursive: true });
  const size = data.rows * data.cols;
  for (const i of chosen) {
    const png = new PNG({
      width: data.cols,
      height: data.rows,
      colorType: 0,
      inputColorType: 0,
      bitDepth: 8,
    });
    const gray = data.pixels.subarray(i * size, (i + 1) * size);
    for (let p = 0; p < size; p++) {
      const v = gray[p] as number;
      png.data[p * 4] = v;
      png.data[p * 4 + 1] = v;
      png.data[p * 4 + 2] = v;
      png.data[p * 4 + 3] = 255;
    }
    const bytes = PNG.sync.write(png, { colorType: 0 });
    await writeFile(
      path.join(
        outDir,
        fashionMnistClasses[data.labels[i] as number] as string,
        `${split}-${String(i).padStart(5, '0')}.png`,
      ),
      bytes,
    );
  }
  await writeFile(marker, String(chosen.length));
  return { written: chosen.length, dir: outDir };
}

// `tsx scripts/fashion-mnist.ts OUT_DIR [--per-class N]` writes OUT_DIR/train and OUT_DIR/test.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx scripts/fashion-mnist.ts OUT_DIR [--per-class N]');
    process.exit(2);
  }
  const at = process.argv.indexOf('--per-class');
  const perClass = at > 0 ? Number(process.argv[at + 1]) : undefined;
  const started = Date.now();
  for (const split of ['train', 'test'] as const) {
    const r = await writeFashionMnistFolders(
      path.join(out, split),
      split,
      perClass ? { perClass } : {},
    );
    console.log(`${split}: ${r.written} images in ${r.dir}`);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
