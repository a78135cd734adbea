import { deflateSync } from 'node:zlib';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import webpEncoderFactory from '@jsquash/webp/codec/enc/webp_enc.js';
import { defaultOptions as webpDefaults } from '@jsquash/webp/meta.js';
import bmp from 'bmp-js';
import jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';
import { PNG } from 'pngjs';

import { loadEmscripten } from '../../electron/data/decode-more-formats';

/**
 * Dataset folders made at test time (unit tests, e2e, benchmark): good images
 * with a few bad files among them, and a Chinese text folder. Deterministic
 * pixel patterns, so decoded values can be compared across decoders.
 */

/** An opaque RGBA pattern that differs per `seed`. */
export function patternRgba(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 9 + seed * 31) & 255;
      data[i + 1] = (y * 7 + seed * 17) & 255;
      data[i + 2] = ((x + y) * 5 + seed * 13) & 255;
      data[i + 3] = 255;
    }
  return data;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png);
}

export function encodeJpeg(width: number, height: number, rgba: Uint8Array, quality = 90): Buffer {
  return jpeg.encode({ data: Buffer.from(rgba), width, height }, quality).data;
}

/**
 * A real, decodable single-grey PNG of any size, built directly with zlib
 * (encoding 6000×6000 with pngjs takes half a minute; this takes a fraction).
 */
export function flatGrayPng(width: number, height: number, gray: number): Buffer {
  const row = Buffer.alloc(width + 1, gray);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk with a correct CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A valid-looking PNG (signature + IHDR + tiny IDAT) whose header claims `width×height`: a decompression bomb. */
export function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    return out; // CRC left zero: the header check must reject before anything verifies it
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function put(root: string, rel: string, contents: Uint8Array | string): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, contents);
}

/** What `makeImageFixture` wrote, for assertions. */
export const imageFixture = {
  classes: ['cat 猫', 'dog 🐶'],
  goodPerClass: 6,
  bad: {
    'cat 猫/zero.png': 'empty',
    'cat 猫/truncated.png': 'corrupt',
    'dog 🐶/notes.png': 'not-an-image',
    'dog 🐶/garbage.jpg': 'not-an-image',
    'dog 🐶/bomb.png': 'too-large',
  } as Record<string, string>,
  emptyClass: 'empty class',
} as const;

/**
 * An image folder as a careless user makes it: two classes of 28×28 PNG/JPEG
 * files, five bad files, an empty class, a file at the root, system files, a
 * directory symlink loop and a link pointing outside (when `outsideDir` is given).
 */
export async function makeImageFixture(root: string, outsideDir?: string): Promise<void> {
  for (const [c, name] of imageFixture.classes.entries()) {
    for (let i = 0; i < imageFixture.goodPerClass; i++) {
      const rgba = patternRgba(28, 28, c * 100 + i);
      const file = i === 0 ? `${name}/photo ${i}.jpg` : `${name}/图 ${i}.png`;
      await put(root, file, i === 0 ? encodeJpeg(28, 28, rgba) : encodePng(28, 28, rgba));
    }
  }
  const good = encodePng(28, 28, patternRgba(28, 28, 7));
  await put(root, 'cat 猫/zero.png', new Uint8Array(0));
  await put(root, 'cat 猫/truncated.png', good.subarray(0, 60));
  await put(root, 'dog 🐶/notes.png', 'this is a text file, not a picture\n');
  await put(
    root,
    'dog 🐶/garbage.jpg',
    Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 255),
  );
  await put(root, 'dog 🐶/bomb.png', bombPng(20000, 20000));
  await mkdir(path.join(root, imageFixture.emptyClass), { recursive: true });
  await put(root, 'readme.txt', 'class folders below');
  await put(root, '.DS_Store', 'x');
  await put(root, 'cat 猫/Thumbs.db', 'x');
  await symlink('..', path.join(root, 'dog 🐶', 'loop'));
  if (outsideDir !== undefined) {
    await put(outsideDir, 'secret.png', good);
    await symlink(path.join(outsideDir, 'secret.png'), path.join(root, 'cat 猫', 'link-out.png'));
  }
}

/** A Chinese/English text folder: UTF-8, UTF-8 BOM, UTF-16LE, GBK, an empty file and undecodable bytes. */
export async function makeTextFixture(root: string): Promise<void> {
  const positive = [
    '这部电影非常好看',
    '服务很周到，下次还来',
    'I love this phone',
    '质量很好，物流也快',
  ];
  const negative = [
    '太差了，再也不买了',
    '电影很无聊',
    'The battery died in a day',
    '客服态度很差',
  ];
  for (const [i, t] of positive.entries())
    await put(
      root,
      `正面/${i}.txt`,
      i === 1 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]) : t,
    );
  for (const [i, t] of negative.entries())
    await put(
      root,
      `负面/${i}.txt`,
      i === 2 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) : t,
    );
  // GBK bytes of 还不错 (“not bad”).
  await put(root, '正面/gbk.txt', Buffer.from([0xbb, 0xb9, 0xb2, 0xbb, 0xb4, 0xed]));
  await put(root, '负面/empty.txt', '');
  await put(root, '负面/binary.txt', Buffer.from([0x80, 0x00, 0xff, 0x01, 0x90, 0x02]));
}

/** A 24-bit BMP (bmp-js writes top-down rows, negative height, BGR). */
export function encodeBmp(width: number, height: number, rgba: Uint8Array): Buffer {
  // bmp-js takes ABGR input.
  const abgr = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++)
    abgr.set([255, rgba[i * 4 + 2] ?? 0, rgba[i * 4 + 1] ?? 0, rgba[i * 4] ?? 0], i * 4);
  return bmp.encode({ data: abgr, width, height }).data;
}

/**
 * A two-frame GIF whose first frame is `rgba` quantised to a 6×6×6 colour
 * cube (GIF has a 256-colour palette); the second frame is different, so a
 * decoder that shows the wrong frame is caught.
 */
export function encodeGif(width: number, height: number, rgba: Uint8Array): Buffer {
  const palette: number[] = [];
  for (let r = 0; r < 6; r++)
    for (let g = 0; g < 6; g++)
      for (let b = 0; b < 6; b++) palette.push(((r * 51) << 16) | ((g * 51) << 8) | (b * 51));
  while (palette.length < 256) palette.push(0);
  const level = (v: number): number => Math.round(v / 51);
  const indexed = Array.from(
    { length: width * height },
    (_, i) =>
      level(rgba[i * 4] ?? 0) * 36 + level(rgba[i * 4 + 1] ?? 0) * 6 + level(rgba[i * 4 + 2] ?? 0),
  );
  const out = Buffer.alloc(width * height * 4 + 4096);
  const writer = new GifWriter(out, width, height, { palette, loop: 0 });
  writer.addFrame(0, 0, width, height, indexed, { delay: 10 });
  writer.addFrame(
    0,
    0,
    width,
    height,
    indexed.map((k) => 215 - k),
    { delay: 10 },
  );
  return out.subarray(0, writer.end());
}

/** A WebP file, lossy (`quality` < 100) or lossless, encoded by libwebp (wasm). */
export async function encodeWebp(
  width: number,
  height: number,
  rgba: Uint8Array,
  lossless: boolean,
): Promise<Buffer> {
  const module = await loadEmscripten<{
    encode(data: Uint8Array, w: number, h: number, options: object): Uint8Array | null;
  }>(webpEncoderFactory, '@jsquash/webp/codec/enc/webp_enc.wasm');
  const encoded = module.encode(rgba, width, height, {
    ...webpDefaults,
    quality: lossless ? 100 : 80,
    lossless: lossless ? 1 : 0,
    exact: 1,
  });
  if (encoded === null) throw new Error('WebP encoding failed');
  return Buffer.from(encoded);
}
