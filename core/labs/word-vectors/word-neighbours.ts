/**
 * Nearest words by cosine similarity, scanning every row (a bundled corpus has
 * a few thousand words, so one query is well under a millisecond of arithmetic).
 */
import type { WordVectors } from './word-vectors';

export interface WordNeighbour {
  readonly word: string;
  readonly similarity: number;
}

/** The `k` words most similar to `word` (itself left out); null when the word is not in the vocabulary. */
export function nearestByCosine(
  vectors: WordVectors,
  word: string,
  k: number,
): WordNeighbour[] | null {
  const q = vectors.words.indexOf(word);
  if (q < 0) return null;
  const { dim, vectors: v } = vectors;
  const qOff = q * dim;
  let qNorm = 0;
  for (let j = 0; j < dim; j++) qNorm += v[qOff + j]! * v[qOff + j]!;
  qNorm = Math.sqrt(qNorm);
  const best: WordNeighbour[] = [];
  for (let i = 0; i < vectors.words.length; i++) {
    if (i === q) continue;
    let dot = 0;
    let norm = 0;
    const off = i * dim;
    for (let j = 0; j < dim; j++) {
      dot += v[qOff + j]! * v[off + j]!;
      norm += v[off + j]! * v[off + j]!;
    }
    const similarity = qNorm > 0 && norm > 0 ? dot / (qNorm * Math.sqrt(norm)) : 0;
    if (best.length < k || similarity > best[best.length - 1]!.similarity) {
      best.push({ word: vectors.words[i]!, similarity });
      best.sort((a, b) => b.similarity - a.similarity);
      if (best.length > k) best.pop();
    }
  }
  return best;
}
