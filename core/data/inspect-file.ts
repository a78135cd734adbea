/**
 * Per-file checks made from a file's bytes before any pixel is decoded:
 * magic bytes, header dimensions against the pixel cap, emptiness, text
 * decoding, and a content hash for duplicate detection.
 */
import { contentHash } from './content-hash';
import { readImageHeader } from './image-header';
import type { ImageFormat } from './image-header';
import { decodeTextBytes, maxTextFileBytes, splitLines } from './text-decoding';
import type { TextEncoding, TextEncodingChoice } from './text-decoding';

/**
 * Why a file did not become a sample. Stable codes; the UI words them.
 * - `unreadable`: the OS refused to read it (permissions, I/O error).
 * - `missing`: it vanished between the scan and the read.
 * - `corrupt`: image magic bytes present but the header or the pixel data is broken.
 * - `not-an-image`: no image magic bytes (e.g. a text file named `.png`).
 * - `too-large`: above the pixel cap (decompression bomb) or the byte cap.
 * - `empty`: zero bytes, or a text file with no text.
 * - `undecodable-text`: binary, or not readable in the encoding the user chose.
 * - `unsupported-type`: an extension we do not read for this kind (e.g. `.pdf`).
 */
export type SkipReason =
  | 'unreadable'
  | 'missing'
  | 'corrupt'
  | 'not-an-image'
  | 'too-large'
  | 'empty'
  | 'undecodable-text'
  | 'unsupported-type';

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const maxImagePixels = 40_000_000;
/** Image files above this many bytes are refused without reading further. */
export const maxImageFileBytes = 64 * 1024 * 1024;

export type ImageInspection =
  | {
      readonly ok: true;
      readonly format: ImageFormat;
      readonly width: number;
      readonly height: number;
      readonly hash: string;
    }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail?: string };

/** Checks an image file's bytes; never decodes pixels. */
export function inspectImageBytes(
  bytes: Uint8Array,
  limits: { maxPixels?: number; maxBytes?: number } = {},
): ImageInspection {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > (limits.maxBytes ?? maxImageFileBytes))
    return { ok: false, reason: 'too-large', detail: `${bytes.length} bytes` };
  const header = readImageHeader(bytes);
  if (!header.ok)
    return header.problem === 'bad-header'
      ? { ok: false, reason: 'corrupt', detail: `bad ${header.format ?? ''} header` }
      : { ok: false, reason: 'not-an-image' };
  const { width, height, format } = header.header;
  if (width * height > (limits.maxPixels ?? maxImagePixels))
    return { ok: false, reason: 'too-large', detail: `${width}×${height}` };
  return { ok: true, format, width, height, hash: contentHash(bytes) };
}

export type TextInspection =
  | {
      readonly ok: true;
      readonly texts: readonly string[];
      readonly encoding: TextEncoding;
      /** The encoding was guessed from the bytes (see `decodeTextBytes`); the report says so. */
      readonly guessed: boolean;
      readonly hash: string;
    }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail?: string };

/**
 * Decodes a text file into its samples: the whole file (`files`) or one
 * sample per non-empty line (`lines`). A file with no text is `empty`.
 */
export function inspectTextBytes(
  bytes: Uint8Array,
  sampleUnit: 'files' | 'lines',
  maxBytes: number = maxTextFileBytes,
  encoding: TextEncodingChoice = 'auto',
): TextInspection {
  const decoded = decodeTextBytes(bytes, maxBytes, encoding);
  if (!decoded.ok)
    return {
      ok: false,
      reason: decoded.reason,
      ...(decoded.reason === 'too-large' ? { detail: `${bytes.length} bytes` } : {}),
    };
  const texts =
    sampleUnit === 'lines'
      ? splitLines(decoded.text)
      : [decoded.text.trim()].filter((t) => t.length > 0);
  if (texts.length === 0) return { ok: false, reason: 'empty' };
  return {
    ok: true,
    texts,
    encoding: decoded.encoding,
    guessed: decoded.guessed,
    hash: contentHash(bytes),
  };
}
