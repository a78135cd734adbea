/**
 * What shape inference needs to know about the project's dataset. Params that
 * "follow the dataset" (Dense `unitsFromDataset`, Embedding
 * `inputDimFromDataset`, SequenceInput `fromDataset`) take these values; a
 * missing or null entry means no dataset is attached and the stored param applies.
 */
export interface InferenceContext {
  readonly datasetClassCount?: number | null;
  /** Text datasets: the vocabulary size, including padding (0) and unknown (1). */
  readonly vocabularySize?: number | null;
  /** Text datasets: the padded sequence length. */
  readonly sequenceLength?: number | null;
}
