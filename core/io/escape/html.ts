/**
 * User strings in generated HTML (`predict.html`, lab answer keys): always as
 * escaped text in element content or in a double-quoted attribute value.
 */
import { unsafeChars } from './unsafe-chars';

const named: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * `s` as HTML text, safe in element content, in `<title>` and in a quoted
 * attribute. Tab and line feed stay; other invisible and bidi characters
 * become numeric references (so the file shows them); controls HTML cannot
 * carry as data (NUL, other C0 and C1 controls, lone surrogates: the parser
 * turns them into U+FFFD or Windows-1252 letters) are written as U+FFFD.
 */
export function htmlText(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => named[c] ?? c)
    .replace(unsafeChars, (ch) => {
      if (ch === '\n' || ch === '\t') return ch;
      const code = ch.charCodeAt(0);
      if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff))
        return '\ufffd';
      return `&#x${code.toString(16)};`;
    });
}

/** What `htmlText(s)` reads back as in a browser: `s` with the controls HTML cannot carry as U+FFFD. */
export function htmlDataOf(s: string): string {
  return s.replace(unsafeChars, (ch) => {
    const code = ch.charCodeAt(0);
    return ch !== '\n' &&
      ch !== '\t' &&
      (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff))
      ? '\ufffd'
      : ch;
  });
}
