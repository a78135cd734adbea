/**
 * Links between the dataset and the graph: default image options from the
 * graph's ImageInput node, and the shape-inference context from the dataset.
 */
import type { GraphDoc } from '../graph/types';
import type { InferenceContext } from '../shapes/inference-context';
import type { DatasetConfig, ImageOptions } from './config';

/**
 * Width, height and colour mode implied by the first `ImageInput` node
 * (channels 1 → grayscale, otherwise RGB), or null when the graph has none.
 */
export function imageOptionsFromGraph(
  graph: GraphDoc,
): Pick<ImageOptions, 'width' | 'height' | 'colorMode'> | null {
  for (const node of Object.values(graph.nodes)) {
    if (node.kind !== 'ImageInput') continue;
    const num = (key: string, fallback: number): number => {
      const v = node.params[key];
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : fallback;
    };
    return {
      width: num('width', 28),
      height: num('height', 28),
      colorMode: num('channels', 1) === 1 ? 'grayscale' : 'rgb',
    };
  }
  return null;
}

/**
 * What `inferShapes(doc, context)` needs from the attached dataset: the class
 * count, and for text the vocabulary size (the stored vocabulary's length when
 * built, else the configured maximum) and the sequence length.
 */
export function inferenceContextFromDataset(config: DatasetConfig | null): InferenceContext {
  if (config === null || config.classNames.length === 0) return {};
  if (config.kind === 'image' || config.text === null)
    return { datasetClassCount: config.classNames.length };
  return {
    datasetClassCount: config.classNames.length,
    vocabularySize: config.vocabulary?.length ?? config.text.vocabularySize,
    sequenceLength: config.text.sequenceLength,
  };
}
