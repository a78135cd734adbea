/**
 * User strings in generated Markdown (the export's README.md): inline text
 * that cannot start a block, open a link, emphasis, code or raw HTML.
 */
import { unsafeChars } from './unsafe-chars';

/**
 * `s` as CommonMark/GFM inline text (never at the start of a line) that
 * renders as exactly `s`: the characters that open emphasis, code, links,
 * images, raw HTML, entities, tables, strikethrough, math or close a heading
 * (backslash, backtick, * _ { } [ ] ( ) < > # ! | ~ & $) are backslash-escaped,
 * and line breaks, other controls and bidi characters are numeric references
 * (a line break in a name cannot start a new block). NUL
 * and lone surrogates, which CommonMark replaces anyway, are written as U+FFFD.
 * Leading and trailing spaces are references too (a heading would drop them).
 */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_{}[\]()<>#!|~&$]/g, '\\$&')
    .replace(unsafeChars, (ch) => {
      const code = ch.charCodeAt(0);
      return code === 0 || (code >= 0xd800 && code <= 0xdfff)
        ? '\ufffd'
        : `&#x${code.toString(16)};`;
    })
    .replace(/^ +| +$/g, (spaces) => '&#x20;'.repeat(spaces.length));
}
