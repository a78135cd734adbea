import { describe, expect, it } from 'vitest';
import { readImageHeader, sniffImageFormat } from './image-header';
import { inspectImageBytes, maxImagePixels } from './inspect-file';
import { asciiBytes, bmpHeader, gifHeader, jpegHeader, pngHeader, webpHeader } from './test-bytes';

describe('readImageHeader', () => {
  const cases: [string, Uint8Array, string, number, number][] = [
    ['PNG IHDR', pngHeader(28, 31), 'png', 28, 31],
    ['JPEG SOF0 after APP0', jpegHeader(640, 480), 'jpeg', 640, 480],
    ['GIF logical screen', gifHeader(300, 200), 'gif', 300, 200],
    ['BMP top-down (negative height)', bmpHeader(17, 9), 'bmp', 17, 9],
    ['WebP lossy VP8', webpHeader('VP8 ', 320, 240), 'webp', 320, 240],
    ['WebP lossless VP8L', webpHeader('VP8L', 1000, 3), 'webp', 1000, 3],
    ['WebP extended VP8X', webpHeader('VP8X', 70000, 2), 'webp', 70000, 2],
  ];
  for (const [title, bytes, format, width, height] of cases) {
    it(`reads ${title}`, () => {
      expect(readImageHeader(bytes)).toEqual({ ok: true, header: { format, width, height } });
    });
  }

  it('identifies formats by magic bytes, not names', () => {
    expect(sniffImageFormat(pngHeader(1, 1))).toBe('png');
    expect(sniffImageFormat(asciiBytes('hello, I am a text file'))).toBeNull();
  });

  it('reports a broken header after valid magic as bad-header', () => {
    expect(readImageHeader(pngHeader(1, 1).subarray(0, 12))).toEqual({
      ok: false,
      problem: 'bad-header',
      format: 'png',
    });
    expect(readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({
      ok: false,
      problem: 'bad-header',
    });
  });
});

describe('inspectImageBytes', () => {
  it('rejects a 20000×20000 PNG header as too-large before decoding', () => {
    const result = inspectImageBytes(pngHeader(20000, 20000));
    expect(result).toEqual({ ok: false, reason: 'too-large', detail: '20000×20000' });
  });
  it('accepts 6000×6000 (36 MP, under the 40 MP cap)', () => {
    expect(6000 * 6000).toBeLessThan(maxImagePixels);
    expect(inspectImageBytes(pngHeader(6000, 6000))).toMatchObject({
      ok: true,
      width: 6000,
      height: 6000,
    });
  });
  it.each([
    ['zero bytes', new Uint8Array(0), 'empty'],
    ['a text file named .png', asciiBytes('not really a png\n'), 'not-an-image'],
    [
      'random garbage',
      Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 255),
      'not-an-image',
    ],
    ['a truncated PNG', pngHeader(4, 4).subarray(0, 20), 'corrupt'],
  ])('skips %s as %s', (_title, bytes, reason) => {
    expect(inspectImageBytes(bytes)).toMatchObject({ ok: false, reason });
  });
  it('gives identical files the same hash and different files different hashes', () => {
    const a = inspectImageBytes(pngHeader(5, 5));
    const b = inspectImageBytes(pngHeader(5, 5));
    const c = inspectImageBytes(pngHeader(5, 6));
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(a.hash).toBe(b.hash);
      expect(a.hash).not.toBe(c.hash);
    }
  });
});
