/**
 * A small PNG decoder for the common case of dataset images: 8-bit,
 * non-interlaced, grey/RGB/palette with or without alpha. For the tiny images
 * of MNIST-like folders the per-call overhead of the platform decoders
 * (`createImageBitmap` + canvas readback in the app, pngjs's streams in Node)
 * costs far more than the decoding itself; this decoder is one inflate plus a
 * loop. Anything else (16-bit, 1/2/4-bit, interlaced) returns null and the
 * caller falls back to the platform decoder.
 *
 * The inflate function is injected: Node passes `zlib.inflateSync` (native),
 * the browser passes fflate's `unzlibSync`.
 */

/** Inflates a zlib stream (with header), throwing on corrupt data. `outputSize` is the expected size (a hint for preallocation). */
export type Inflate = (data: Uint8Array, outputSize: number) => Uint8Array;

export interface DecodedRgba {
  readonly width: number;
  readonly height: number;
  /** Row-major RGBA, 4 bytes per pixel. */
  readonly rgba: Uint8Array;
}

/** Result: decoded pixels, `null` when the variant is not handled here, or a thrown Error for corrupt data. */
export function decodeSimplePng(bytes: Uint8Array, inflate: Inflate): DecodedRgba | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33) throw new Error('PNG too short');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bitDepth = bytes[24];
  const colorType = bytes[25] as number;
  const interlace = bytes[28];
  if (bitDepth !== 8 || interlace !== 0 || ![0, 2, 3, 4, 6].includes(colorType)) return null;
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(
      bytes[offset + 4] as number,
      bytes[offset + 5] as number,
      bytes[offset + 6] as number,
      bytes[offset + 7] as number,
    );
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (data.length < length) throw new Error(`PNG chunk ${type} truncated`);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (idat.length === 0) throw new Error('PNG has no image data');
  const compressed = idat.length === 1 ? (idat[0] as Uint8Array) : concat(idat);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[
    colorType
  ] as number;
  const stride = width * channels;
  const raw = inflate(compressed, height * (stride + 1));
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data truncated');
  const pixels = unfilter(raw, width, height, channels);
  return { width, height, rgba: toRgba(pixels, width * height, colorType, palette, transparency) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Reverses the per-row filters (None, Sub, Up, Average, Paeth) into a new
 * buffer. One tight loop per filter type (not a switch per byte): this is the
 * hot loop of loading an MNIST-sized folder.
 */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    const first = Math.min(bpp, stride);
    if (filter === 0 || (y === 0 && filter === 2)) out.set(raw.subarray(src, src + stride), row);
    else if (filter === 1 || (y === 0 && filter === 4)) {
      // Paeth on the first row picks `a` (left) whenever b = c = 0: the same as Sub.
      for (let x = 0; x < first; x++) out[row + x] = raw[src + x] as number;
      for (let x = first; x < stride; x++)
        out[row + x] = ((raw[src + x] as number) + (out[row + x - bpp] as number)) & 255;
    } else if (filter === 2)
      for (let x = 0; x < stride; x++)
        out[row + x] = ((raw[src + x] as number) + (out[prev + x] as number)) & 255;
    else if (filter === 3) {
      for (let x = 0; x < first; x++)
        out[row + x] =
          ((raw[src + x] as number) + ((y > 0 ? (out[prev + x] as number) : 0) >> 1)) & 255;
      for (let x = first; x < stride; x++) {
        const b = y > 0 ? (out[prev + x] as number) : 0;
        out[row + x] =
          ((raw[src + x] as number) + (((out[row + x - bpp] as number) + b) >> 1)) & 255;
      }
    } else if (filter === 4) {
      for (let x = 0; x < first; x++)
        out[row + x] = ((raw[src + x] as number) + (out[prev + x] as number)) & 255;
      for (let x = first; x < stride; x++) {
        const a = out[row + x - bpp] as number;
        const b = out[prev + x] as number;
        const c = out[prev + x - bpp] as number;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out[row + x] =
          ((raw[src + x] as number) + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
    } else throw new Error(`PNG row filter ${String(filter)} is invalid`);
  }
  return out;
}

/** Expands unfiltered pixels to RGBA, one loop per colour type. */
function toRgba(
  px: Uint8Array,
  count: number,
  colorType: number,
  palette: Uint8Array | null,
  trns: Uint8Array | null,
): Uint8Array {
  const out = new Uint8Array(count * 4);
  if (colorType === 6) out.set(px.subarray(0, count * 4));
  else if (colorType === 0) {
    const key =
      trns !== null && trns.length >= 2 ? ((trns[0] as number) << 8) | (trns[1] as number) : -1;
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      const g = px[i] as number;
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = g === key ? 0 : 255;
    }
  } else if (colorType === 2) {
    const keyed =
      trns !== null && trns.length >= 6 && trns[0] === 0 && trns[2] === 0 && trns[4] === 0;
    const kr = keyed ? (trns[1] as number) : -1;
    const kg = keyed ? (trns[3] as number) : -1;
    const kb = keyed ? (trns[5] as number) : -1;
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      const r = px[i * 3] as number;
      const g = px[i * 3 + 1] as number;
      const b = px[i * 3 + 2] as number;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = r === kr && g === kg && b === kb ? 0 : 255;
    }
  } else if (colorType === 3) {
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      const k = px[i] as number;
      if (palette === null || k * 3 + 2 >= palette.length)
        throw new Error('PNG palette index out of range');
      out[o] = palette[k * 3] as number;
      out[o + 1] = palette[k * 3 + 1] as number;
      out[o + 2] = palette[k * 3 + 2] as number;
      out[o + 3] = trns !== null && k < trns.length ? (trns[k] as number) : 255;
    }
  } else
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      const g = px[i * 2] as number;
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = px[i * 2 + 1] as number;
    }
  return out;
}
