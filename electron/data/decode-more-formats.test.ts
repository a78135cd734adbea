import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { decodeAll } from './decode-pool';
import { decodeImageNode } from './decode-image-node';
import { loadWebpDecoder } from './decode-more-formats';
import { encodeBmp, encodeGif, encodeWebp, patternRgba } from '../../e2e/support/fixture-folders';

const rgb = { width: 13, height: 9, resizeMode: 'stretch', colorMode: 'rgb' } as const;
const source = patternRgba(13, 9, 3);
/** The pattern's RGB channels, what an exact decoder must give back. */
const expected = [...source].filter((_, i) => i % 4 !== 3);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('Node decoders for BMP, GIF and WebP', () => {
  it('decodes a 24-bit BMP exactly (odd width: padded rows)', () => {
    const decoded = decodeImageNode(encodeBmp(13, 9, source), rgb);
    expect(decoded.ok && [...decoded.pixels]).toEqual(expected);
  });

  it("decodes a GIF's first frame, not its second", () => {
    const decoded = decodeImageNode(encodeGif(13, 9, source), rgb);
    const quantised = expected.map((v) => Math.round(v / 51) * 51);
    expect(decoded.ok && [...decoded.pixels]).toEqual(quantised);
  });

  it('decodes lossless WebP exactly and lossy WebP closely', async () => {
    const webp = await loadWebpDecoder();
    const lossless = decodeImageNode(await encodeWebp(13, 9, source, true), rgb, webp);
    expect(lossless.ok && [...lossless.pixels]).toEqual(expected);
    const lossy = decodeImageNode(await encodeWebp(13, 9, source, false), rgb, webp);
    expect(lossy.ok).toBe(true);
    const diffs = lossy.ok ? [...lossy.pixels].map((v, i) => Math.abs(v - (expected[i] ?? 0))) : [];
    expect(diffs.reduce((a, b) => a + b, 0) / diffs.length).toBeLessThan(12);
  });

  it('reports WebP as unsupported when no decoder is passed, and broken files as corrupt', async () => {
    const webpFile = await encodeWebp(13, 9, source, true);
    expect(decodeImageNode(webpFile, rgb)).toMatchObject({ ok: false, reason: 'unsupported-type' });
    const webp = await loadWebpDecoder();
    for (const file of [encodeBmp(13, 9, source), encodeGif(13, 9, source), webpFile]) {
      const cut = file.subarray(0, Math.floor(file.length * 0.6));
      expect(decodeImageNode(cut, rgb, webp)).toMatchObject({ ok: false, reason: 'corrupt' });
    }
  });

  it('decodes every format in the worker threads', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'layerlab-formats-'));
    dirs.push(root);
    await writeFile(path.join(root, 'a.bmp'), encodeBmp(13, 9, source));
    await writeFile(path.join(root, 'a.gif'), encodeGif(13, 9, source));
    await writeFile(path.join(root, 'a.webp'), await encodeWebp(13, 9, source, true));
    const got: number[][] = [];
    const outcomes = await decodeAll(root, ['a.bmp', 'a.gif', 'a.webp'], rgb, {
      onSample: (i, p) => (got[i] = [...p]),
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(got[0]).toEqual(expected);
    expect(got[2]).toEqual(expected);
  });
});
