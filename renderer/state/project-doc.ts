import { createProject, type ProjectDoc } from '@core';

/** A fresh empty project (start state of the store and of File → New). */
export function createEmptyProject(): ProjectDoc {
  return createProject('untitled');
}
