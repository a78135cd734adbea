import type { WordVectorsLabState } from '@core';

/** The word-vectors lab as it first opens: a 12-word corpus, 3-dimensional vectors, untrained. */
/** Two animals in the same contexts, so their vectors meet. */
const DEFAULT_W2V_CORPUS =
  'the cat drinks milk . the dog drinks water . the cat eats fish . the dog eats meat . a cat drinks milk . a dog drinks water';

/** The same corpus in Chinese, words separated by spaces (the lab does not segment words). */
const DEFAULT_W2V_CORPUS_ZH =
  '猫 喝 牛奶 。 狗 喝 水 。 猫 吃 鱼 。 狗 吃 肉 。 小 猫 喝 牛奶 。 小 狗 喝 水';

/** The lab's first state, its corpus in the UI language. */
export function defaultWordVectorsState(language: string): WordVectorsLabState {
  return {
    ...defaultWordVectorsSettings,
    corpus: language.startsWith('zh') ? DEFAULT_W2V_CORPUS_ZH : DEFAULT_W2V_CORPUS,
  };
}

const defaultWordVectorsSettings: WordVectorsLabState = {
  corpus: DEFAULT_W2V_CORPUS,
  window: 2,
  dimension: 3,
  eta: 0.1,
  seed: 4,
  epochs: 0,
  selected: 1,
};
