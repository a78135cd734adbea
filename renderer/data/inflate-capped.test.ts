import { unzlibSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { decodeImageInBrowser } from './decode-image-browser';
import { inflateCapped } from './inflate-capped';

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A PNG whose header says 1×1 grey but whose image data inflates to `inflated` bytes (a bomb). */
function bombPng(inflated: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, data.length);
    head.set(
      [...type].map((c) => c.charCodeAt(0)),
      4,
    );
    return concat([head, data, new Uint8Array(4)]); // CRCs are not checked by this decoder
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  return concat([
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(new Uint8Array(inflated))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

describe("inflateCapped (the app's PNG inflate)", () => {
  it('inflates small and large streams exactly as fflate does', () => {
    for (const size of [10, 8_000, 1_000_000]) {
      const raw = new Uint8Array(size);
      let x = 2463534242; // xorshift32: incompressible bytes
      for (let i = 0; i < size; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        raw[i] = x & 255;
      }
      const packed = zlibSync(raw);
      // Both paths are exercised: one call up to 16 KB compressed, slices above.
      expect(packed.length > 16 * 1024, String(packed.length)).toBe(size === 1_000_000);
      const ours = inflateCapped(packed, size);
      const fflate = unzlibSync(packed);
      expect(ours.length).toBe(fflate.length);
      expect(ours.every((v, i) => v === fflate[i])).toBe(true);
    }
  });

  it('stops a decompression bomb within one 16 KB slice instead of inflating all of it', () => {
    const bomb = zlibSync(new Uint8Array(64 * 1024 * 1024)); // ~64 KB that inflate to 64 MB
    expect(bomb.length).toBeGreaterThan(32 * 1024);
    // fflate into a fixed buffer inflates all of it, silently dropping what does not fit.
    expect(() => inflateCapped(bomb, 1024)).toThrow(/stopped after 16384 compressed bytes/);
  });
});

describe('the app decoding a PNG bomb', () => {
  it('reports a 1×1 PNG holding 64 MB of image data as corrupt (it decoded as a valid image)', async () => {
    const check = await decodeImageInBrowser(
      bombPng(64 * 1024 * 1024),
      { width: 1, height: 1, resizeMode: 'stretch', colorMode: 'grayscale' },
      new Uint8Array(1),
    );
    expect(check).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
