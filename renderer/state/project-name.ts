import type { ProjectDoc } from '@core';

import { untitledProjectName } from './project-doc';

const projectExtension = /\.layerlab$/i;

/** A project's name from its file name: "week 3.layerlab" → "week 3". */
export function projectNameOf(fileName: string): string {
  const stem = fileName.replace(projectExtension, '').trim();
  return stem === '' ? untitledProjectName : stem;
}

/**
 * Whether saving should name the project after its file: it has no name yet,
 * or it is saved for the first time (a template's name is the template's, not
 * the teacher's), or its name is still the one its previous file gave it.
 * `previousFile` is the file name it was saved to before, null when never.
 */
export function nameFollowsFile(doc: ProjectDoc, previousFile: string | null): boolean {
  if (doc.name === untitledProjectName || previousFile === null) return true;
  return doc.name === projectNameOf(previousFile);
}
