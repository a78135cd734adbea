/**
 * User strings in generated Python (`model.py`): only ever as escaped string
 * literals or as defused one-line comments, never as code.
 */
import { hexEscape, unsafeChars } from './unsafe-chars';

/** A double-quoted Python string literal whose value is exactly `s`. */
export function pyString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(unsafeChars, hexEscape)}"`;
}

/**
 * A triple-quoted Python string literal (for docstrings) whose value is
 * exactly `s`. Line feeds stay real line breaks so the text reads well; every
 * `"` and `\` is escaped, so `"""` in `s` cannot close it, and every other
 * control character (CR too: Python turns a raw CR into LF) is a `\x` escape.
 */
export function pyDocstring(s: string): string {
  const body = s
    .replace(/[\\"]/g, '\\$&')
    .replace(unsafeChars, (ch) => (ch === '\n' ? ch : hexEscape(ch)));
  return `"""${body}"""`;
}

/**
 * Text for one `#` comment line: control, line-break and bidi characters as
 * visible `\x`/`\u` escapes, and `coding:`/`coding=` defused, since on the
 * first two lines of a file Python reads that as the source encoding (a name
 * like "coding: utf-7" would otherwise change how the whole file decodes).
 * Cut to `max` characters.
 */
export function pyComment(s: string, max = 200): string {
  const flat = s.replace(unsafeChars, hexEscape).replace(/coding(?=[:=])/g, 'coding ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** Keywords and soft keywords; an identifier equal to one would not parse (or would confuse readers). */
export const pythonKeywords: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
  'type',
  '_',
]);

/**
 * A name as a Python identifier: ASCII letters, digits and `_` only, not
 * starting with a digit or `__`, not a keyword nor in `reserved`; `fallback`
 * prefixes names that would be any of those.
 */
export function pyIdentifier(
  name: string,
  reserved: ReadonlySet<string> = new Set(),
  fallback = 'layer_',
): string {
  const base = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);
  return base === '' ||
    /^[0-9]/.test(base) ||
    base.startsWith('__') ||
    pythonKeywords.has(base) ||
    reserved.has(base)
    ? `${fallback}${base}`
    : base;
}
