/**
 * Decoding text files whose encoding nobody told us — and saying so.
 *
 * Order: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8; if that
 * fails the file is in a legacy 8-bit encoding and we have to guess: GB18030
 * (a superset of GBK and GB2312, what Windows-made Chinese files use) and
 * Big5 are tried, and the one whose characters are mostly common Chinese
 * characters wins; when neither reads as Chinese the file is taken as
 * Windows-1252 (the Western Windows code page, a superset of Latin-1 that
 * every mail client of the 2000s wrote). A guess is marked `guessed`, so the
 * health report can say which encoding was assumed and the user can choose
 * another in the text options. Binary junk (control characters; above 1%
 * of a Windows-1252 reading) is reported as undecodable, never guessed.
 */
import { commonHanzi } from './common-hanzi';

// core/ has no DOM lib, but TextDecoder exists in Node, browsers and workers.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

/** Encodings we recognise. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

/** What the user can choose in the text options: `auto` detects (see the module comment). */
export const textEncodingChoices = ['auto', 'utf-8', 'gb18030', 'big5', 'windows-1252'] as const;
export type TextEncodingChoice = (typeof textEncodingChoices)[number];

/**
 * Files larger than this are skipped as `too-large` rather than read in part:
 * a training sample cut at an arbitrary byte is worse than a clear message.
 * (Keras reads whole files too.) 10 MB holds ~3 million Chinese characters.
 */
export const maxTextFileBytes = 10 * 1024 * 1024;

export type TextDecodeResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncoding;
      /** True when the encoding was guessed from the bytes (no BOM, not UTF-8, not chosen by the user). */
      readonly guessed: boolean;
    }
  | { readonly ok: false; readonly reason: 'empty' | 'too-large' | 'undecodable-text' };

/**
 * A decoding is taken as Chinese when at least this share of its Chinese
 * characters are common ones; real text scores well above 0.5, a wrong
 * table lands on rare characters (well below 0.2).
 */
const minCommonShare = 0.35;

/** Decodes a text file's bytes; see the module comment for the detection order. */
export function decodeTextBytes(
  bytes: Uint8Array,
  maxBytes: number = maxTextFileBytes,
  choice: TextEncodingChoice = 'auto',
): TextDecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
  const bom = detectBom(bytes);
  if (bom !== null) return accept(bom.encoding, bytes.subarray(bom.length), false);
  if (choice !== 'auto') return accept(choice, bytes, false);
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', guessed: false };
  let best: { text: string; encoding: TextEncoding; score: number } | null = null;
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text === null || looksBinary(text)) continue;
    const score = commonHanziShare(text);
    if (score >= minCommonShare && (best === null || score > best.score))
      best = { text, encoding, score };
  }
  if (best !== null) return { ok: true, text: best.text, encoding: best.encoding, guessed: true };
  return accept('windows-1252', bytes, true);
}

function accept(encoding: TextEncoding, bytes: Uint8Array, guessed: boolean): TextDecodeResult {
  const text = tryDecode(encoding, bytes);
  return text === null || looksBinary(text, encoding === 'windows-1252' ? 0.01 : 0)
    ? { ok: false, reason: 'undecodable-text' }
    : { ok: true, text, encoding, guessed };
}

function detectBom(b: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function tryDecode(encoding: TextEncoding, bytes: Uint8Array): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    // ignoreBOM: the BOM was already removed; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252 by table: some Node versions decode the `windows-1252` label
 * as ISO-8859-1 (0x93 → U+0093 instead of “), so the app and the command line
 * would read the same mail differently. Bytes 0x80–0x9F follow the WHATWG
 * table (the five unassigned ones stay C1 controls, as there); the rest equal
 * their code points.
 */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? cp1252High.charCodeAt(b - 0x80) : b,
    );
    chars.push(String.fromCharCode(...codes));
  }
  return chars.join('');
}

/**
 * Share of the CJK ideographs in `text` that are common characters; 0 with
 * fewer than two common ones (two accented Latin letters side by side can
 * read as one plausible character, as in one SpamAssassin mail).
 */
function commonHanziShare(text: string): number {
  let hanzi = 0;
  let common = 0;
  for (const c of text) {
    if (!/\p{Script=Han}/u.test(c)) continue;
    hanzi++;
    if (commonHanzi.has(c)) common++;
  }
  return common < 2 ? 0 : common / hanzi;
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;

/**
 * Legacy tables map almost any byte sequence to something; binary junk shows
 * up as control characters. A Chinese reading must have none. A Windows-1252
 * reading may have a few (some old mails carry a stray run of corrupt bytes
 * in otherwise plain text), but above 1% of the characters it is a binary
 * file (images and archives run at 10% and more).
 */
function looksBinary(text: string, tolerance = 0): boolean {
  const controls = text.match(controlCharacters)?.length ?? 0;
  return controls > tolerance * text.length;
}

/** Splits a text into samples, one per non-empty line (CRLF, LF or CR), trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
