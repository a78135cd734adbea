import { hexEscape } from './unsafe-chars';

/**
 * `s` as a JavaScript string literal (double-quoted) of printable ASCII only,
 * for generated scripts. JSON's escaping covers quotes, backslashes, C0
 * controls and lone surrogates; on top of it `<` and `>` are escaped (so the
 * literal can never close a `<script>` element or open an HTML comment, should
 * it ever be inlined in a page), and so is every character outside printable
 * ASCII: invisible, bidi and separator characters show in the file as
 * escapes, and the file reads the same whatever encoding a browser assumes.
 */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/[<>]|[^\x20-\x7e]/g, hexEscape);
}
