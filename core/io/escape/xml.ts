/* eslint-disable no-control-regex -- these patterns match control characters on purpose */
/**
 * User strings in generated XML (the SVG diagram): escaped text in element
 * content or double-quoted attributes, limited to what XML 1.0 allows.
 */
import { unsafeChars } from './unsafe-chars';

const named: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Not XML 1.0 characters at all, not even as references: most C0 controls, lone surrogates, U+FFFE/U+FFFF. */
function notXmlChar(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * `s` as XML text, safe in element content and in quoted attributes. Tab, CR
 * and LF become references (attribute normalisation would turn them into
 * spaces, and CR LF into LF); other invisible and bidi characters become
 * references too; characters XML 1.0 forbids (NUL, other C0 controls, lone
 * surrogates, U+FFFE, U+FFFF) are written as U+FFFD.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => named[c] ?? c)
    .replace(/[\ufffe\uffff]/g, '\ufffd')
    .replace(unsafeChars, (ch) => {
      const code = ch.charCodeAt(0);
      return notXmlChar(code) ? '\ufffd' : `&#x${code.toString(16)};`;
    });
}

/** What `xmlText(s)` reads back as: `s` with the characters XML cannot carry as U+FFFD. */
export function xmlDataOf(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
