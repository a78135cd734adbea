/* eslint-disable no-control-regex -- these patterns match control characters on purpose */
/**
 * Characters no generated file carries verbatim from a user's string: C0 and
 * C1 controls (NUL, CR, LF, …), DEL, line and paragraph separators, invisible
 * and bidirectional formatting characters (the "Trojan Source" RTL override
 * U+202E and its kin), the BOM, and lone UTF-16 surrogates (which UTF-8 cannot
 * encode). Each language module decides how to write them. Global: use with
 * `replace`.
 */
export const unsafeChars =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `\xHH` below U+0100, `\uHHHH` otherwise: the escapes Python and JavaScript string literals share. */
export function hexEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
