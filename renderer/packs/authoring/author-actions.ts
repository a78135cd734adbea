import {
  buildPack,
  readPack,
  writePack,
  type AuthorProblem,
  type Bilingual,
  type Host,
  type LabFile,
  type Locale,
  type PackContents,
  type ProjectDoc,
  type Result,
} from '@core';
import { addStep, newDraftStep, newPackDraft } from '@core';

import { writeFolder } from '../../panels/export/export-actions';
import { askConfirm } from '../../ui/confirm-store';
import { startPack } from '../pack-actions';
import type { PackStore } from '../pack-store';
import {
  editDraft,
  hasUnsavedWork,
  markUndoPoint,
  noDraft,
  type AuthorStore,
} from './author-store';

/** Starts a new, empty package (asking first if the current one has unsaved work). */
export async function startDraft(
  store: AuthorStore,
  host: Host,
  appVersion: string,
): Promise<void> {
  if (!(await closeDraft(store, host, appVersion))) return;
  store.setState({ ...noDraft, draft: newPackDraft(`pack-${crypto.randomUUID()}`) });
}

/** Adds a lab step with these starting numbers; the teacher then sets them in the lab itself. */
export function addLabStep(store: AuthorStore, lab: LabFile, title: Bilingual): string | null {
  let added: string | null = null;
  editDraft(store, (draft) => {
    const step = newDraftStep(draft, { kind: 'lab', lab, title });
    added = step.id;
    return addStep(draft, step);
  });
  return added;
}

/** Opens a lab step's numbers full-window; the visit is one Undo step. */
export function openDraftLab(store: AuthorStore, stepId: string): void {
  const step = store.getState().draft?.steps.find((s) => s.id === stepId);
  if (step?.kind !== 'lab') return;
  markUndoPoint(store);
  store.setState({ openLab: { stepId, file: step.lab, key: Date.now() } });
}

/** Adds the open project, as it is now, as a project step's starter network. */
export function addProjectStep(store: AuthorStore, project: ProjectDoc, title: Bilingual): void {
  editDraft(store, (draft) =>
    addStep(draft, newDraftStep(draft, { kind: 'project', project, title })),
  );
}

export function addReadingStep(store: AuthorStore, title: Bilingual): void {
  editDraft(store, (draft) => addStep(draft, newDraftStep(draft, { kind: 'reading', title })));
}

/** The draft as package contents, or every problem in the way. */
export function buildDraft(
  store: AuthorStore,
  appVersion: string,
): Result<PackContents, readonly AuthorProblem[]> | null {
  const { draft } = store.getState();
  return draft ? buildPack(draft, appVersion) : null;
}

/**
 * Opens the package being built in student mode (the same views a student
 * gets, answer keys hidden, nothing to hand in). It goes through the same
 * bytes a saved file would, so the preview is what students will open.
 */
export function previewDraft(
  store: AuthorStore,
  packStore: PackStore,
  appVersion: string,
  locale: Locale,
): boolean {
  const built = buildDraft(store, appVersion);
  if (!built?.ok) {
    store.setState({ showProblems: true });
    return false;
  }
  const read = readPack(writePack(built.value));
  if (!read.ok) throw new Error(`a built package does not read back: ${read.error.message}`);
  startPack(packStore, read.value, `${packFileName(built.value.manifest.title, locale)}`, true);
  return true;
}

/**
 * Saves the package as `<title>/<title>.layerlab-pack` in a folder the
 * teacher chooses (the Host's export folder: a native dialog, or the in-app
 * chooser in browser mode). Nothing is written while a problem remains.
 */
export async function saveDraft(
  store: AuthorStore,
  host: Host,
  appVersion: string,
  locale: Locale = 'zh-CN',
): Promise<
  | { readonly status: 'saved'; readonly displayPath: string }
  | { readonly status: 'problems' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly code: string }
> {
  const { draft } = store.getState();
  const built = buildDraft(store, appVersion);
  if (!draft || !built?.ok) {
    store.setState({ showProblems: true });
    return { status: 'problems' };
  }
  const name = packFileName(built.value.manifest.title, locale);
  const written = await writeFolder(host, name, {
    [`${name}.layerlab-pack`]: writePack(built.value),
  });
  if (!written.ok)
    return written.error.code === 'cancelled'
      ? { status: 'cancelled' }
      : { status: 'failed', code: written.error.code };
  store.setState({ saved: draft, savedPath: written.displayPath });
  return { status: 'saved', displayPath: written.displayPath };
}

/**
 * Closes the draft; with unsaved work the teacher is asked first (Save,
 * Discard, or keep editing). Resolves to true when the draft is gone.
 */
export async function closeDraft(
  store: AuthorStore,
  host: Host,
  appVersion: string,
): Promise<boolean> {
  if (hasUnsavedWork(store.getState())) {
    const answer = await askConfirm({
      titleKey: 'author:close.title',
      messageKey: 'author:close.message',
      confirmKey: 'author:close.discard',
      alternativeKey: 'author:close.save',
      cancelKey: 'author:close.keep',
    });
    if (answer === 'cancel') return false;
    if (answer === 'alternative' && (await saveDraft(store, host, appVersion)).status !== 'saved')
      return false;
  }
  store.setState(noDraft);
  return true;
}

/** A file name from the package title, safe on every OS. */
export function packFileName(title: Bilingual, locale: Locale): string {
  const text = (title[locale] || title.en || title['zh-CN']).trim();
  // eslint-disable-next-line no-control-regex -- control characters never go into a file name
  const safe = text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
  return safe === '' ? 'lab-package' : safe;
}
