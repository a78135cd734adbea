/**
 * Image format sniffing and header parsing, without decoding.
 *
 * Extensions lie (a PNG named `.jpg` decodes fine; a text file named `.png`
 * does not), so the format comes from magic bytes. Dimensions come from the
 * header so that decompression bombs (a 100-byte PNG claiming 20000×20000) are
 * rejected before any decoder allocates the pixels.
 */

/** Image formats we accept: what both Chromium and the Node decoders handle. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

/** What the header says about an image file. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** Why the header could not be read: `unknown-format` = no image magic; `bad-header` = magic but a broken header. */
export type HeaderProblem = 'empty' | 'unknown-format' | 'bad-header';

export type HeaderResult =
  | { readonly ok: true; readonly header: ImageHeader }
  | { readonly ok: false; readonly problem: HeaderProblem; readonly format?: ImageFormat };

/** Identifies the image format from the first bytes, or null when none matches. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (
    b.length >= 6 &&
    ascii(b, 0, 4) === 'GIF8' &&
    (b[4] === 0x37 || b[4] === 0x39) &&
    b[5] === 0x61
  )
    return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

/**
 * Reads format and pixel dimensions from the header (PNG IHDR, JPEG SOFn,
 * GIF logical screen, BMP info header, WebP VP8/VP8L/VP8X).
 * @example readImageHeader(pngBytes) // { ok: true, header: { format: 'png', width: 28, height: 28 } }
 */
export function readImageHeader(bytes: Uint8Array): HeaderResult {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const format = sniffImageFormat(bytes);
  if (format === null) return { ok: false, problem: 'unknown-format' };
  const size = parseDimensions(format, bytes);
  if (size === null || size.width <= 0 || size.height <= 0)
    return { ok: false, problem: 'bad-header', format };
  return { ok: true, header: { format, ...size } };
}

interface Size {
  width: number;
  height: number;
}

function parseDimensions(format: ImageFormat, b: Uint8Array): Size | null {
  switch (format) {
    case 'png':
      // IHDR must be the first chunk: length(4) 'IHDR'(4) width(4) height(4).
      if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
      return { width: u32be(b, 16), height: u32be(b, 20) };
    case 'gif':
      if (b.length < 10) return null;
      return { width: u16le(b, 6), height: u16le(b, 8) };
    case 'bmp':
      return parseBmp(b);
    case 'jpeg':
      return parseJpeg(b);
    case 'webp':
      return parseWebp(b);
  }
}

function parseBmp(b: Uint8Array): Size | null {
  if (b.length < 26) return null;
  const dibSize = u32le(b, 14);
  if (dibSize === 12) return { width: u16le(b, 18), height: u16le(b, 20) };
  if (dibSize < 40) return null;
  // Height is negative for top-down bitmaps.
  return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}

function parseJpeg(b: Uint8Array): Size | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    let marker = b[i + 1] as number;
    // Fill bytes: any number of 0xFF may precede a marker.
    while (marker === 0xff && i + 2 < b.length) {
      i++;
      marker = b[i + 1] as number;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before any frame header
    if (i + 3 >= b.length) return null;
    const length = u16be(b, i + 2);
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 8 >= b.length) return null;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function parseWebp(b: Uint8Array): Size | null {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes) then the start code 9D 01 2A, then 14-bit sizes.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length && i < b.length; i++)
    s += String.fromCharCode(b[i] as number);
  return s;
}
const at = (b: Uint8Array, i: number): number => b[i] ?? 0;
const u16be = (b: Uint8Array, i: number): number => (at(b, i) << 8) | at(b, i + 1);
const u16le = (b: Uint8Array, i: number): number => at(b, i) | (at(b, i + 1) << 8);
const u24le = (b: Uint8Array, i: number): number =>
  at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16);
const u32be = (b: Uint8Array, i: number): number =>
  ((at(b, i) << 24) | (at(b, i + 1) << 16) | (at(b, i + 2) << 8) | at(b, i + 3)) >>> 0;
const u32le = (b: Uint8Array, i: number): number =>
  (at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16) | (at(b, i + 3) << 24)) >>> 0;
const i32le = (b: Uint8Array, i: number): number =>
  at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16) | (at(b, i + 3) << 24);
