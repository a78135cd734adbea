import type { WordVectorsLabState } from '@core';

/** The word-vectors lab as it first opens: a 12-word corpus, 3-dimensional vectors, untrained. */
/** Two animals in the same contexts, so their vectors meet. */
const DEFAULT_W2V_CORPUS =
  'the cat drinks milk . the dog drinks water . the cat eats fish . the dog eats meat . a cat drinks milk . a dog drinks water';

export const defaultWordVectorsState: WordVectorsLabState = {
  corpus: DEFAULT_W2V_CORPUS,
  window: 2,
  dimension: 3,
  eta: 0.1,
  seed: 4,
  epochs: 0,
  selected: 1,
};
