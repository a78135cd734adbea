/**
 * Decoding text files whose encoding nobody told us.
 *
 * Order: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8; if that
 * fails, GB18030 (a superset of GBK, what Windows-made Chinese files use),
 * accepted only when it decodes without replacement characters and without
 * control characters. Anything else is reported as undecodable, never guessed.
 */

// core/ has no DOM lib, but TextDecoder exists in Node, browsers and workers.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

/** Encodings we recognise. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Files larger than this are skipped as `too-large` rather than read in part:
 * a training sample cut at an arbitrary byte is worse than a clear message.
 * (Keras reads whole files too.) 10 MB holds ~3 million Chinese characters.
 */
export const maxTextFileBytes = 10 * 1024 * 1024;

export type TextDecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly reason: 'empty' | 'too-large' | 'undecodable-text' };

/** Decodes a text file's bytes; see the module comment for the detection order. */
export function decodeTextBytes(
  bytes: Uint8Array,
  maxBytes: number = maxTextFileBytes,
): TextDecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
  const bom = detectBom(bytes);
  if (bom !== null) {
    const text = tryDecode(bom.encoding, bytes.subarray(bom.length));
    return text === null
      ? { ok: false, reason: 'undecodable-text' }
      : { ok: true, text, encoding: bom.encoding };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && !looksBinary(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: 'undecodable-text' };
}

function detectBom(b: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function tryDecode(encoding: TextEncoding, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was already removed; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** GB18030 maps almost any byte sequence to something; binary junk shows up as control characters. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
}

/** Splits a text into samples, one per non-empty line (CRLF, LF or CR), trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
