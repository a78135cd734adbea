import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultImageOptions, defaultTextOptions, preprocessRgba } from '../../core/data/index';
import { decodeImageNode } from './decode-image-node';
import { decodeAll } from './decode-pool';
import {
  bombPng,
  encodePng,
  imageFixture,
  makeImageFixture,
  makeTextFixture,
  patternRgba,
} from '../../e2e/support/fixture-folders';
import { loadImageFolder, loadTextFolder } from './load-folder';

let dir: string;
const split = { seed: 1, validationShare: 0.2 };
const image = { ...defaultImageOptions, width: 28, height: 28, colorMode: 'rgb' as const };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'load-folder-'));
  await makeImageFixture(path.join(dir, 'images'), path.join(dir, 'outside'));
  await makeTextFixture(path.join(dir, 'text'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('loadImageFolder (Node path)', () => {
  it('keeps the good images and skips every bad one with its reason', async () => {
    const { plan, store, timings } = await loadImageFolder(path.join(dir, 'images'), {
      image,
      split,
      workers: 2,
    });
    expect(plan.classNames).toEqual([...imageFixture.classes]);
    expect(plan.samples).toHaveLength(imageFixture.goodPerClass * 2);
    expect(Object.fromEntries(plan.report.skipped.map((s) => [s.path, s.reason]))).toEqual(
      imageFixture.bad,
    );
    expect(plan.report.emptyClasses).toEqual([imageFixture.emptyClass]);
    expect(plan.report.rootFiles).toEqual(['readme.txt']);
    expect(Object.fromEntries(plan.report.ignored.map((s) => [s.path, s.reason]))).toEqual({
      '.DS_Store': 'system-file',
      'cat 猫/Thumbs.db': 'system-file',
      'cat 猫/link-out.png': 'symlink-outside',
      'dog 🐶/loop': 'symlink-dir',
    });
    expect(timings.fromCache).toBe(false);
    // The PNG samples hold exactly the pattern they were written with.
    const index = plan.samples.findIndex((s) => s.path === 'cat 猫/图 1.png');
    const out = new Uint8Array(store.sampleBytes);
    await store.read([index], out);
    expect(out).toEqual(preprocessRgba(patternRgba(28, 28, 1), 28, 28, image));
  });

  it('reads the second load from the pixel cache with identical pixels', async () => {
    const cacheDir = path.join(dir, 'cache');
    const first = await loadImageFolder(path.join(dir, 'images'), { image, split, cacheDir });
    const second = await loadImageFolder(path.join(dir, 'images'), { image, split, cacheDir });
    expect(second.timings.fromCache).toBe(true);
    const all = first.plan.samples.map((_, i) => i);
    const a = new Uint8Array(all.length * first.store.sampleBytes);
    const b = new Uint8Array(all.length * second.store.sampleBytes);
    await first.store.read(all, a);
    await second.store.read(all, b);
    expect(b).toEqual(a);
    expect(second.plan.validationKeys).toEqual(first.plan.validationKeys);
    const other = await loadImageFolder(path.join(dir, 'images'), {
      image: { ...image, width: 14 },
      split,
      cacheDir,
    });
    expect(other.timings.fromCache).toBe(false);
  });

  it('keeps one cache entry per folder and options: an edited folder decodes again and replaces it', async () => {
    const root = path.join(dir, 'edited');
    await cp(path.join(dir, 'images'), root, { recursive: true, verbatimSymlinks: true });
    const cacheDir = await mkdtemp(path.join(dir, 'cache-'));
    await loadImageFolder(root, { image, split, cacheDir });
    await writeFile(
      path.join(root, 'cat 猫', 'new.png'),
      encodePng(28, 28, patternRgba(28, 28, 42)),
    );
    const edited = await loadImageFolder(root, { image, split, cacheDir });
    expect(edited.timings.fromCache).toBe(false);
    expect(edited.plan.samples.map((s) => s.path)).toContain('cat 猫/new.png');
    expect((await loadImageFolder(root, { image, split, cacheDir })).timings.fromCache).toBe(true);
    expect((await readdir(cacheDir)).filter((f) => !f.startsWith('.'))).toHaveLength(2); // .bin + .json
  });

  it('reports a file deleted between scan and read as missing, and keeps decoding the rest', async () => {
    const root = path.join(dir, 'vanish');
    await rm(root, { recursive: true, force: true });
    await makeImageFixture(root);
    await rm(path.join(root, 'cat 猫', '图 1.png'));
    const outcomes = await decodeAll(root, ['cat 猫/图 1.png', 'cat 猫/图 2.png'], image, {
      onSample: () => undefined,
    });
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['missing', 'ok']);
  });

  it('decodes a 6000×6000 image to the target size and rejects a 20000×20000 header before decoding', async () => {
    const big = encodePng(6000, 6000, new Uint8Array(6000 * 6000 * 4).fill(200));
    const decoded = decodeImageNode(big, {
      width: 32,
      height: 32,
      resizeMode: 'stretch',
      colorMode: 'grayscale',
    });
    expect(decoded.ok && decoded.pixels.length).toBe(32 * 32);
    expect(decodeImageNode(bombPng(20000, 20000), image)).toEqual({
      ok: false,
      reason: 'too-large',
      detail: '20000×20000',
    });
  });

  it('cancels decoding on abort', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      decodeAll(path.join(dir, 'images'), ['cat 猫/图 1.png'], image, {
        signal: controller.signal,
        onSample: () => undefined,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('copes with an empty folder and a folder without class folders', async () => {
    const empty = await mkdtemp(path.join(dir, 'empty-'));
    expect(
      (await loadImageFolder(empty, { image, split })).plan.report.issues.map((i) => i.code),
    ).toEqual(['dataset-empty']);
    await writeFile(path.join(empty, 'a.png'), encodePng(2, 2, patternRgba(2, 2, 1)));
    expect(
      (await loadImageFolder(empty, { image, split })).plan.report.issues.map((i) => i.code),
    ).toEqual(['dataset-no-class-folders']);
  });
});

describe('loadTextFolder (Node path)', () => {
  it('decodes UTF-8, BOM, UTF-16 and GBK; skips empty and binary files; builds a vocabulary', async () => {
    const { plan, texts, vocabulary } = await loadTextFolder(path.join(dir, 'text'), {
      text: { ...defaultTextOptions, split: 'word' },
      split,
    });
    expect(plan.classNames).toEqual(['正面', '负面']);
    expect(texts).toContain('还不错');
    expect(texts).toContain('服务很周到，下次还来');
    expect(texts).toContain('The battery died in a day');
    expect(Object.fromEntries(plan.report.skipped.map((s) => [s.path, s.reason]))).toEqual({
      '负面/empty.txt': 'empty',
      '负面/binary.txt': 'undecodable-text',
    });
    expect(vocabulary.slice(0, 2)).toEqual(['', '[UNK]']);
    expect(plan.report.distribution.length).toBeGreaterThan(0);
  });

  it('skips a 50 MB text file as too large without reading it', async () => {
    const root = await mkdtemp(path.join(dir, 'bigtext-'));
    await makeTextFixture(root);
    await writeFile(path.join(root, '正面', 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const { plan } = await loadTextFolder(root, { text: defaultTextOptions, split });
    expect(plan.report.skipped).toContainEqual({
      path: '正面/huge.txt',
      reason: 'too-large',
      detail: `${50 * 1024 * 1024} bytes`,
    });
  });
});
