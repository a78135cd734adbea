/**
 * Text vectorisation following Keras `TextVectorization` (output_mode='int'):
 * standardise → split → map to indices, with 0 = padding ('') and
 * 1 = out-of-vocabulary ('[UNK]'). `vocabularySize` counts both, as Keras
 * `max_tokens` does, so at most `vocabularySize − 2` real tokens are kept.
 */
import { compareCodePoints } from './class-discovery';
import type { TextOptions } from './config';

/** Index 0: padding; the vocabulary's first entry is the empty string. */
export const paddingToken = '';
/** Index 1: tokens not in the vocabulary. */
export const unknownToken = '[UNK]';

// Keras strips `[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~']`; we strip every
// Unicode punctuation and symbol so that Chinese punctuation (，。！？) goes too.
const punctuation = /[\p{P}\p{S}]/gu;

/** Applies lowercase / punctuation stripping per the options. */
export function standardizeText(
  text: string,
  options: Pick<TextOptions, 'lowercase' | 'stripPunctuation'>,
): string {
  let s = text.normalize('NFC');
  if (options.lowercase) s = s.toLowerCase();
  if (options.stripPunctuation) s = s.replace(punctuation, ' ');
  return s;
}

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * Splits standardised text into tokens.
 * - `whitespace`: Keras `split='whitespace'`; right for English.
 * - `word`: ICU word boundaries for Chinese (`Intl.Segmenter('zh')`), e.g.
 *   我喜欢机器学习 → 我|喜欢|机器|学习; non-word segments (spaces, punctuation) dropped.
 * - `character`: Keras `split='character'`, one token per code point, whitespace dropped.
 */
export function splitTokens(text: string, split: TextOptions['split']): string[] {
  switch (split) {
    case 'whitespace':
      return text.split(/\s+/u).filter((t) => t.length > 0);
    case 'character':
      return [...text].filter((c) => !/\s/u.test(c));
    case 'word': {
      wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      const tokens: string[] = [];
      for (const s of wordSegmenter.segment(text)) {
        if (s.isWordLike === true) tokens.push(s.segment);
        else if (s.isWordLike === undefined && s.segment.trim().length > 0) tokens.push(s.segment);
      }
      return tokens;
    }
  }
}

/** Standardises and splits in one step. */
export function tokenize(text: string, options: TextOptions): string[] {
  return splitTokens(standardizeText(text, options), options.split);
}

/**
 * Builds the vocabulary from training token lists: most frequent first, ties
 * broken by code point order (Keras breaks ties by first occurrence; we prefer
 * an order independent of file order). Entry 0 is '' and entry 1 is '[UNK]'.
 */
export function buildVocabulary(
  tokenLists: Iterable<readonly string[]>,
  vocabularySize: number,
): string[] {
  const counts = new Map<string, number>();
  for (const tokens of tokenLists) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  counts.delete(paddingToken);
  counts.delete(unknownToken);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  const keep = Math.max(0, vocabularySize - 2);
  return [paddingToken, unknownToken, ...ranked.slice(0, keep).map(([t]) => t)];
}

/** How a token list becomes a fixed-length row: its length, and which end is padded or cut. */
export type SequenceShaping = Pick<TextOptions, 'sequenceLength' | 'padding' | 'truncating'>;

/**
 * Maps tokens to indices and makes the row exactly `sequenceLength` long, as
 * Keras `pad_sequences` does: a longer list loses its start (`truncating:
 * 'pre'`) or its end (`'post'`); a shorter one gets 0s before (`padding:
 * 'pre'`) or after (`'post'`) its tokens.
 * @example vectorizeTokens(['a','b'], vocab, { sequenceLength: 4, padding: 'pre', truncating: 'pre' }) // [0, 0, a, b]
 */
export function vectorizeTokens(
  tokens: readonly string[],
  vocabulary: readonly string[] | ReadonlyMap<string, number>,
  shaping: SequenceShaping,
): Int32Array {
  const index =
    vocabulary instanceof Map ? vocabulary : vocabularyIndex(vocabulary as readonly string[]);
  const length = shaping.sequenceLength;
  const out = new Int32Array(length);
  const n = Math.min(tokens.length, length);
  const from = shaping.truncating === 'pre' ? tokens.length - n : 0;
  const to = shaping.padding === 'pre' ? length - n : 0;
  for (let i = 0; i < n; i++) out[to + i] = index.get(tokens[from + i] as string) ?? 1;
  return out;
}

/** Standardises, splits and vectorises one text with its options (training, inspection, prediction). */
export function vectorizeText(
  text: string,
  options: TextOptions,
  vocabulary: readonly string[] | ReadonlyMap<string, number>,
): Int32Array {
  return vectorizeTokens(tokenize(text, options), vocabulary, options);
}

/** A token → index map for repeated vectorisation. */
export function vocabularyIndex(vocabulary: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  vocabulary.forEach((t, i) => {
    if (i >= 2) map.set(t, i);
  });
  return map;
}
