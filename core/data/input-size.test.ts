import { describe, expect, it } from 'vitest';
import type { GraphDoc, LayerNode, NodeId } from '../graph/types';
import { defaultImageOptions, defaultTextOptions } from './config';
import type { DatasetConfig } from './config';
import { imageOptionsFromGraph, inferenceContextFromDataset } from './input-size';

const node = (kind: string, params: LayerNode['params']): LayerNode => ({
  id: 'n1' as NodeId,
  kind,
  name: 'in',
  params,
  position: { x: 0, y: 0 },
});
const graph = (n: LayerNode): GraphDoc => ({
  nodes: { [n.id]: n } as GraphDoc['nodes'],
  edges: {},
});

const config: DatasetConfig = {
  kind: 'text',
  folder: { name: 'reviews', displayPath: '/x/reviews' },
  testFolder: null,
  classNames: ['neg', 'pos'],
  split: { seed: 1, validationShare: 0.2 },
  image: null,
  text: defaultTextOptions,
  vocabulary: ['', '[UNK]', 'good'],
};

describe('dataset ↔ graph', () => {
  it('takes the target size and colour mode from the ImageInput node', () => {
    expect(
      imageOptionsFromGraph(graph(node('ImageInput', { width: 64, height: 32, channels: 3 }))),
    ).toEqual({ width: 64, height: 32, colorMode: 'rgb' });
    expect(imageOptionsFromGraph(graph(node('Dense', { units: 3 })))).toBeNull();
  });
  it('gives shape inference the class count, vocabulary size and sequence length', () => {
    expect(inferenceContextFromDataset(config)).toEqual({
      datasetClassCount: 2,
      vocabularySize: 3,
      sequenceLength: 64,
    });
    expect(
      inferenceContextFromDataset({
        ...config,
        kind: 'image',
        text: null,
        image: defaultImageOptions,
        vocabulary: null,
      }),
    ).toEqual({ datasetClassCount: 2 });
    expect(inferenceContextFromDataset(null)).toEqual({});
  });
});
