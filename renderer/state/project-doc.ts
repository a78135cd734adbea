import { createProject, type ProjectDoc } from '@core';

/** The name of a project nobody has named yet; its first save names it after the file. */
export const untitledProjectName = 'untitled';

/** A fresh empty project (start state of the store and of File → New). */
export function createEmptyProject(): ProjectDoc {
  return createProject(untitledProjectName);
}
