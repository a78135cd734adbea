import { defaultTextOptions } from '../data/config';
import type { DatasetConfig, ImageOptions, TextOptions } from '../data/config';
import type { GraphDoc } from '../graph/types';

/** How a run reads its dataset folder: the project's dataset settings, else what its input layer expects. */
export type DatasetReading =
  | { readonly kind: 'image'; readonly image: ImageOptions }
  | {
      readonly kind: 'text';
      readonly text: TextOptions;
      /**
       * True for a project without a dataset (a template on a fresh folder):
       * the loader picks the tokeniser and sequence length from the texts
       * (`chooseTextDefaults`), as the app does on a first load.
       */
      readonly chooseDefaults: boolean;
    };

const noAugmentation: ImageOptions['augmentation'] = {
  enabled: false,
  flipHorizontal: false,
  flipVertical: false,
  maxShift: 0,
  maxRotation: 0,
  maxBrightness: 0,
};

/**
 * Image size/colour or text tokenisation for a project: its stored dataset
 * settings when present, else derived from its ImageInput/SequenceInput (a
 * template opened on a fresh folder: pixels scaled to 0–1, no augmentation).
 */
export function datasetReadingFor(project: {
  readonly graph: GraphDoc;
  readonly dataset: DatasetConfig | null;
}): DatasetReading {
  const nodes = Object.values(project.graph.nodes);
  const sequence = nodes.find((n) => n.kind === 'SequenceInput');
  if (project.dataset?.kind === 'text' || (project.dataset === null && sequence)) {
    const fromInput: TextOptions = {
      ...defaultTextOptions,
      vocabularySize:
        typeof sequence?.params['vocabularySize'] === 'number'
          ? sequence.params['vocabularySize']
          : 10_000,
      sequenceLength:
        typeof sequence?.params['length'] === 'number' ? sequence.params['length'] : 200,
    };
    const stored = project.dataset?.text ?? null;
    return { kind: 'text', text: stored ?? fromInput, chooseDefaults: stored === null };
  }
  if (project.dataset?.image) return { kind: 'image', image: project.dataset.image };
  const image = nodes.find((n) => n.kind === 'ImageInput');
  const num = (name: string, fallback: number): number => {
    const v = image?.params[name];
    return typeof v === 'number' ? v : fallback;
  };
  return {
    kind: 'image',
    image: {
      width: num('width', 28),
      height: num('height', 28),
      colorMode: num('channels', 1) === 1 ? 'grayscale' : 'rgb',
      resizeMode: 'stretch',
      normalization: 'zeroToOne',
      augmentation: noAugmentation,
    },
  };
}
