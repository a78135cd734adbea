/**
 * Hand-made image headers for tests (core tests cannot use Node's zlib, and
 * header parsing needs only the first bytes). Not exported from index.ts.
 */
export function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}

export function jpegHeader(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of length 16, then SOF0.
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ];
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
  ];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}

export function gifHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x47,
    0x49,
    0x46,
    0x38,
    0x39,
    0x61,
    width & 255,
    width >> 8,
    height & 255,
    height >> 8,
    0,
    0,
    0,
  ]);
}

export function bmpHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(54);
  const v = new DataView(b.buffer);
  b.set([0x42, 0x4d]);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, -height, true); // top-down
  return b;
}

export function webpHeader(
  kind: 'VP8 ' | 'VP8L' | 'VP8X',
  width: number,
  height: number,
): Uint8Array {
  const b = new Uint8Array(40);
  const v = new DataView(b.buffer);
  b.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  b.set(
    [...'WEBP'].map((c) => c.charCodeAt(0)),
    8,
  );
  b.set(
    [...kind].map((c) => c.charCodeAt(0)),
    12,
  );
  if (kind === 'VP8 ') {
    b.set([0x9d, 0x01, 0x2a], 23);
    v.setUint16(26, width, true);
    v.setUint16(28, height, true);
  } else if (kind === 'VP8L') {
    b[20] = 0x2f;
    v.setUint32(21, ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), true);
  } else {
    v.setUint16(24, (width - 1) & 0xffff, true);
    b[26] = ((width - 1) >> 16) & 255;
    v.setUint16(27, (height - 1) & 0xffff, true);
    b[29] = ((height - 1) >> 16) & 255;
  }
  return b;
}

export function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 255));
}
