/**
 * Text options chosen from the texts themselves, for a folder seen for the
 * first time: the tokeniser follows the script, and the sequence length
 * covers most texts instead of cutting almost all of them.
 */
import type { TextOptions } from './config';
import { tokenize } from './tokenize';

/**
 * Share of the texts the default sequence length must hold whole. Longer
 * texts are cut (see `TextOptions.truncating`); the health report says how many.
 */
export const defaultLengthCoverage = 0.9;

/**
 * Memory cap on the default length: samples × length token ids stay within
 * this many (16 M int32 = 64 MB, vectorised once for training), and no
 * default exceeds `maxDefaultSequenceLength` steps (an LSTM's cost grows with
 * every step). The user can still type a longer length.
 */
export const maxTokenSlots = 16_000_000;
export const maxDefaultSequenceLength = 2000;

/** The default sequence length and what it covers. */
export interface LengthChoice {
  /** The length chosen. */
  readonly length: number;
  /** The length that would cover `defaultLengthCoverage` of the texts. */
  readonly wanted: number;
  /** Share of texts no longer than `length` (0–1). */
  readonly coverage: number;
  /** The memory cap, when it made `length` shorter than `wanted`; else null. */
  readonly cap: number | null;
}

/**
 * The smallest length (a multiple of 8) holding `coverage` of the texts
 * whole, unless the memory cap is lower: then the cap, reported.
 */
export function chooseSequenceLength(
  lengths: readonly number[],
  coverage: number = defaultLengthCoverage,
): LengthChoice {
  if (lengths.length === 0) return { length: 1, wanted: 1, coverage: 1, cap: null };
  const sorted = [...lengths].sort((a, b) => a - b);
  const at = sorted[Math.max(0, Math.ceil(coverage * sorted.length) - 1)] as number;
  const wanted = Math.max(8, Math.ceil(at / 8) * 8);
  const cap = Math.max(
    8,
    Math.min(maxDefaultSequenceLength, Math.floor(maxTokenSlots / lengths.length / 8) * 8),
  );
  const length = Math.min(wanted, cap);
  return {
    length,
    wanted,
    coverage: shareWithin(sorted, length),
    cap: length < wanted ? cap : null,
  };
}

/** Share of `lengths` that are ≤ `length`. */
export function shareWithin(lengths: readonly number[], length: number): number {
  if (lengths.length === 0) return 1;
  return lengths.filter((n) => n <= length).length / lengths.length;
}

/**
 * The tokeniser for the texts' script: `word` (ICU word segmentation) when
 * they are mostly written without spaces between words (Chinese, Japanese,
 * Thai), else `whitespace` (English, other Latin, Cyrillic, Greek…).
 * Looks at up to 200 texts, 2,000 characters each.
 */
export function splitForScript(texts: readonly string[]): TextOptions['split'] {
  let unspaced = 0;
  let letters = 0;
  for (const text of texts.slice(0, 200)) {
    for (const c of text.slice(0, 2000)) {
      if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Thai}/u.test(c))
        unspaced++;
      else if (/\p{L}/u.test(c)) letters++;
    }
  }
  // One Chinese character carries about as much as a short word (~5 letters).
  return unspaced * 5 >= letters && unspaced > 0 ? 'word' : 'whitespace';
}

/** Options for a new folder: `base` with the split and sequence length the texts call for. */
export function chooseTextDefaults(
  texts: readonly string[],
  base: TextOptions,
): { readonly options: TextOptions; readonly length: LengthChoice } {
  const split = splitForScript(texts);
  const withSplit = { ...base, split };
  const length = chooseSequenceLength(texts.map((t) => tokenize(t, withSplit).length));
  return { options: { ...withSplit, sequenceLength: length.length }, length };
}
