import { expect } from 'vitest';

import { createProject, type ProjectDoc } from '@core';
import { buildChain } from '@core/testing';

import type { ProjectSession } from '../project-session';
import { memoryTextFolder } from './memory-folder';

/**
 * A tiny text task for session tests: a folder of 12 reviews in two classes
 * and a small classifier, trained to the end through the session's own
 * controllers (the worker logic runs in process on TF.js CPU).
 */
export const reviews = memoryTextFolder('reviews', {
  'bad/1.txt': 'awful slow broken',
  'bad/2.txt': 'broken again awful',
  'bad/3.txt': 'slow and awful',
  'bad/4.txt': 'awful awful slow',
  'bad/5.txt': 'broken slow',
  'bad/6.txt': 'awful broken thing',
  'good/1.txt': 'great fast lovely',
  'good/2.txt': 'lovely great product',
  'good/3.txt': 'fast and great',
  'good/4.txt': 'great great fast',
  'good/5.txt': 'lovely fast',
  'good/6.txt': 'great lovely thing',
});

/** A small text classifier: tokens → embedding → flatten → softmax over the classes. */
export function textProject(name: string): ProjectDoc {
  const { doc: graph } = buildChain([
    { kind: 'SequenceInput', params: { length: 8, vocabularySize: 50, fromDataset: true } },
    { kind: 'Embedding', params: { outputDim: 4, inputDim: 50, inputDimFromDataset: true } },
    'Flatten',
    { kind: 'Dense', params: { units: 2, activation: 'softmax', unitsFromDataset: true } },
  ]);
  const base = createProject(name);
  return {
    ...base,
    graph,
    training: { ...base.training, epochs: 2, batchSize: 4, backend: 'cpu', validationShare: 0.25 },
  };
}

export async function until(check: () => boolean, what: string): Promise<void> {
  await expect.poll(check, { timeout: 20_000, interval: 20 }).toBe(true);
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** Loads the reviews folder into the session and trains it to the end. */
export async function train(session: ProjectSession): Promise<void> {
  await session.dataset.controller.load(reviews, 'text');
  expect(session.training.controller.blocker()).toBeNull();
  await session.training.controller.start();
  await until(() => session.training.store.getState().machine.status === 'completed', 'the run');
  await until(() => session.model.getState().status === 'ready', 'the model');
}
