/* eslint-disable no-control-regex -- these patterns match control characters on purpose */
/**
 * User strings in line-oriented text files (`labels.txt`: "0 cat", read with
 * `line[2:]` or `splitlines()`): one line each, whatever the string holds.
 */

/** Everything Python's `str.splitlines()` or a JavaScript `/\r?\n/` split treats as a line end, and NUL. */
const lineBreaks = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g;

/** `s` on one line: line-break characters as spaces, NUL and lone surrogates as U+FFFD. */
export function oneLine(s: string): string {
  return s
    .replace(lineBreaks, ' ')
    .replace(
      /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    );
}
