/**
 * Nearest words of one word by cosine similarity: the word2vec lab's short
 * list, the same arithmetic as the embedding explorer's (`vector-space.ts`).
 */
import { nearestNeighbours, vectorSpace } from './vector-space';
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
  const space = vectorSpace(vectors);
  const index = space.indexOf.get(word);
  if (index === undefined) return null;
  return nearestNeighbours(space, index, k).map(({ word: w, similarity }) => ({
    word: w,
    similarity,
  }));
}
