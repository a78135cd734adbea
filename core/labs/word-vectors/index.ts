// Trained word vectors: the shared shape, word2vec training, neighbours and exports.
export * from './word-vectors';
export * from './word2vec-settings';
export * from './word2vec-corpus';
export * from './word2vec-trainer';
export * from './word-neighbours';
export * from './word-vectors-export';
export * from './vector-space';
export * from './pca';
