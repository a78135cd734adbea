/**
 * A text corpus as word2vec reads it: a vocabulary of the words seen at least
 * `minCount` times (most frequent first), and the text as one Int32Array of word
 * indices in which -1 ends a sentence (a line of the text). Words below the
 * count are left out of the stream, as the reference C word2vec does.
 */
import { compareCodePoints } from '../../data/class-discovery';
import { splitTokens, standardizeText } from '../../data/tokenize';
import type { TextOptions } from '../../data/config';

export interface Word2VecCorpus {
  readonly words: readonly string[];
  /** counts[i]: occurrences of words[i] in the text. */
  readonly counts: Float64Array;
  /** Word indices; -1 marks the end of a sentence. */
  readonly stream: Int32Array;
  /** Words in the stream (sentence ends not counted): the reference's `train_words`. */
  readonly trainWords: number;
}

/** How text becomes tokens: the project's tokeniser (Chinese: `split: 'word'`, ICU word segmentation). */
export type CorpusTokenizing = Pick<TextOptions, 'lowercase' | 'stripPunctuation' | 'split'>;

/** English: lower case, no punctuation, split on white space. */
export const englishTokenizing: CorpusTokenizing = {
  lowercase: true,
  stripPunctuation: true,
  split: 'whitespace',
};
/** Chinese (and mixed text): ICU word segmentation, which also splits Latin words at spaces. */
export const chineseTokenizing: CorpusTokenizing = {
  lowercase: true,
  stripPunctuation: true,
  split: 'word',
};

/** Splits texts into sentences (lines) of tokens. */
export function tokenizeCorpus(texts: Iterable<string>, tokenizing: CorpusTokenizing): string[][] {
  const sentences: string[][] = [];
  for (const text of texts)
    for (const line of text.split(/\r?\n/u)) {
      const tokens = splitTokens(standardizeText(line, tokenizing), tokenizing.split);
      if (tokens.length > 0) sentences.push(tokens);
    }
  return sentences;
}

/** Counts, drops rare words, ranks by count (ties by code point) and encodes the stream. */
export function buildWord2VecCorpus(
  sentences: readonly (readonly string[])[],
  minCount: number,
): Word2VecCorpus {
  const tally = new Map<string, number>();
  for (const s of sentences) for (const t of s) tally.set(t, (tally.get(t) ?? 0) + 1);
  const ranked = [...tally.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  const index = new Map<string, number>();
  ranked.forEach(([w], i) => index.set(w, i));
  let length = 0;
  let trainWords = 0;
  for (const s of sentences) {
    let kept = 0;
    for (const t of s) if (index.has(t)) kept++;
    if (kept > 0) length += kept + 1;
    trainWords += kept;
  }
  const stream = new Int32Array(length);
  let at = 0;
  for (const s of sentences) {
    const start = at;
    for (const t of s) {
      const id = index.get(t);
      if (id !== undefined) stream[at++] = id;
    }
    if (at > start) stream[at++] = -1;
  }
  return {
    words: ranked.map(([w]) => w),
    counts: Float64Array.from(ranked, ([, n]) => n),
    stream,
    trainWords,
  };
}
