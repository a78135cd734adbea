/**
 * The one shape every part of the word-vectors lab agrees on: the trainer (word2vec in
 * core/labs/word-vectors) produces it, the explorer (neighbours, analogies, projection)
 * and the exports consume it. One flat Float32Array keeps a 100 k × 300 table cheap to
 * send to and from a worker (it is transferable) and to scan for nearest neighbours.
 */

/** Trained word vectors: row i of `vectors` (dim floats) belongs to words[i]. */
export interface WordVectors {
  readonly words: readonly string[];
  readonly dim: number;
  readonly vectors: Float32Array;
}
