/**
 * Trained vectors in the formats other tools read:
 * - word2vec text (`V dim` header, then `word v1 … vdim` per line), which gensim's
 *   `KeyedVectors.load_word2vec_format(path, binary=False)` and word2vec.c's tools load;
 * - the TensorFlow Embedding Projector's pair: `vectors.tsv` (one row of tab-separated
 *   values per word, no header) and `metadata.tsv` (one word per line; a single column
 *   has no header).
 * Each value is written with 9 significant digits, enough to read back the same float32.
 */
import type { WordVectors } from './word-vectors';

/** A word as one field: the formats split on white space (word2vec) or tabs and lines (TSV). */
function safeWord(word: string): string {
  const w = word.replace(/\s/gu, '_');
  return w.length > 0 ? w : '_';
}

function float32Text(x: number): string {
  return String(Number(x.toPrecision(9)));
}

function row(vectors: WordVectors, i: number, separator: string): string {
  const parts: string[] = [];
  for (let j = 0; j < vectors.dim; j++)
    parts.push(float32Text(vectors.vectors[i * vectors.dim + j]!));
  return parts.join(separator);
}

export function toWord2VecText(vectors: WordVectors): string {
  const lines = [`${vectors.words.length} ${vectors.dim}`];
  vectors.words.forEach((w, i) => lines.push(`${safeWord(w)} ${row(vectors, i, ' ')}`));
  return lines.join('\n') + '\n';
}

export function toProjectorTsv(vectors: WordVectors): { vectors: string; metadata: string } {
  const rows: string[] = [];
  for (let i = 0; i < vectors.words.length; i++) rows.push(row(vectors, i, '\t'));
  return {
    vectors: rows.join('\n') + '\n',
    metadata: vectors.words.map(safeWord).join('\n') + '\n',
  };
}

/** The files of one export folder. */
export function wordVectorsExportFiles(vectors: WordVectors): Record<string, string> {
  const tsv = toProjectorTsv(vectors);
  return {
    'vectors.txt': toWord2VecText(vectors),
    'vectors.tsv': tsv.vectors,
    'metadata.tsv': tsv.metadata,
  };
}
