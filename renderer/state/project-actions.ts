import {
  decodeTrainingCheckpoint,
  formatMessage,
  parseProject,
  readTrainedModel,
  serializeProject,
  type ProjectDoc,
  type RecoveredEntry,
  type TrainingCheckpoint,
} from '@core';

import type { HostError } from '@core';
import { currentLanguage, i18next } from '../i18n/i18n';
import { askConfirm } from '../ui/confirm-store';
import { showToast } from '../ui/toast-store';
import type { Workspace } from '../session/workspace';
import type { CommandContext } from './commands';
import { unsavedFile, type FileState } from './editor-store';
import { layoutForCanvas, readableLayout } from './graph-ops';
import { createEmptyProject } from './project-doc';
import { nameFollowsFile, projectNameOf } from './project-name';

/**
 * New / Open / Save / Save As / Close through the host. Each opened project
 * gets a new session (renderer/session), and closing disposes it. Failures
 * become toasts worded by code; a failed open leaves the current work
 * untouched. A trained model is saved inside the project file and restored
 * when it is opened again.
 */

type ActionContext = Pick<CommandContext, 'workspace' | 'host'>;

const projectExtension = '.layerlab';

/** Shows a host failure (cancel is silent: the user chose it). */
export function reportHostError(error: HostError): void {
  if (error.code === 'cancelled') return;
  showToast({
    tone: 'error',
    messageKey: hostErrorKey(error.code),
    values: { code: error.code, subject: error.subject ?? '' },
  });
}

/** The message key for a host error code, or the generic one for a code the catalog does not know. */
function hostErrorKey(code: string): string {
  const key = `app:hostErrors.${code}`;
  return i18next.exists(key) ? key : 'app:hostErrors.unknown';
}

/**
 * Asks before unsaved work is dropped. Resolves true when the caller may go on
 * (nothing unsaved, saved successfully, or the user chose to discard).
 */
export async function confirmDiscard(ctx: ActionContext): Promise<boolean> {
  const session = ctx.workspace.current();
  if (session === null || !session.isDirty()) return true;
  const answer = await askConfirm({
    titleKey: 'app:confirm.unsavedTitle',
    messageKey: 'app:confirm.unsavedMessage',
    values: { name: session.editor.getState().file.name ?? '' },
    confirmKey: 'app:confirm.save',
    alternativeKey: 'app:confirm.discard',
    cancelKey: 'app:confirm.cancel',
  });
  if (answer === 'cancel') return false;
  if (answer === 'alternative') return true;
  return saveProject(ctx, { saveAs: false });
}

/** Starts a fresh, empty project (after asking about unsaved work). */
export async function newProject(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  await ctx.workspace.open({ doc: createEmptyProject(), file: unsavedFile });
}

/** Back to the start screen (after asking about unsaved work). */
export async function closeProject(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  await ctx.workspace.close();
}

/**
 * Opens project text (an opened file) in a new session, with its trained
 * model if the file carries one; false + toast when the file is refused (the
 * open project stays). A saved model that cannot be restored does not stop
 * the project from opening: the session reports why.
 */
export async function loadProjectText(
  workspace: Workspace,
  contents: string,
  file: Omit<FileState, 'savedDoc'>,
): Promise<boolean> {
  const parsed = parseProject(contents);
  if (!parsed.ok) {
    showToast({
      tone: 'error',
      messageKey: '',
      text: formatMessage(parsed.error.code, parsed.error.args, currentLanguage()),
    });
    return false;
  }
  const trained = readTrainedModel(contents, parsed.value.graph);
  const doc = { ...parsed.value, graph: readableLayout(parsed.value.graph) };
  await workspace.open({ doc, file, trained });
  return true;
}

/** Shows why a saved trained model could not be restored (the project itself is open). */
export function reportRestoreFailure(error: {
  code: string;
  args: Readonly<Record<string, string | number>>;
}): void {
  showToast({
    tone: 'error',
    messageKey: '',
    text: formatMessage(error.code, error.args, currentLanguage()),
  });
}

/** The recovery store refused to keep unsaved work (e.g. it is full): said once per session. */
export function reportRecoveryFailure(code: string): void {
  showToast({ tone: 'error', messageKey: 'app:recovery.writeFailed', values: { code } });
}

/**
 * Opens a template as a new, unsaved project, laid out top to bottom as the
 * canvas draws data flow (template files may carry any layout).
 */
export async function openTemplate(ctx: ActionContext, contents: string): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  const parsed = parseProject(contents);
  if (!parsed.ok) {
    showToast({
      tone: 'error',
      messageKey: '',
      text: formatMessage(parsed.error.code, parsed.error.args, currentLanguage()),
    });
    return;
  }
  await ctx.workspace.open({
    doc: { ...parsed.value, graph: layoutForCanvas(parsed.value.graph) },
    file: unsavedFile,
  });
}

/** Shows the open dialog (or reopens a recent file) and loads the project. */
export async function openProject(ctx: ActionContext, recentFileId?: string): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  const result = await ctx.host.openProject(recentFileId === undefined ? {} : { recentFileId });
  if (!result.ok) {
    reportHostError(result.error);
    return;
  }
  const { fileId, name, displayPath, contents } = result.value;
  await loadProjectText(ctx.workspace, contents, { fileId, name, displayPath });
}

/**
 * Opens the project the app was launched with (a `.layerlab` file given on
 * the command line or opened from the file manager), if there is one.
 */
export async function openLaunchProject(ctx: ActionContext): Promise<void> {
  const result = await ctx.host.openLaunchProject();
  if (!result.ok) {
    reportHostError(result.error);
    return;
  }
  if (result.value === null) return;
  if (!(await confirmDiscard(ctx))) return;
  const { fileId, name, displayPath, contents } = result.value;
  await loadProjectText(ctx.workspace, contents, { fileId, name, displayPath });
}

function suggestedName(name: string | null): string {
  return name ?? `untitled${projectExtension}`;
}

/**
 * Saves the document, and its trained model when it has one that fits the
 * network, in one atomic write (asks where on first save or Save As).
 * Resolves true on success.
 */
export async function saveProject(
  ctx: ActionContext,
  options: { readonly saveAs: boolean },
): Promise<boolean> {
  const session = ctx.workspace.current();
  if (session === null) return false;
  const { doc: edited, file } = session.editor.getState();
  // The file records the version of the app that wrote it, not the template's or 0.0.0.
  const info = await ctx.host.getAppInfo();
  const doc = info.ok ? { ...edited, appVersion: info.value.version } : edited;
  const trainedModel = await session.modelForSave();
  const result = await ctx.host.saveProject({
    fileId: file.fileId,
    suggestedName: suggestedName(file.name),
    contents: serializeProject(doc, { trainedModel }),
    saveAs: options.saveAs,
  });
  if (!result.ok) {
    reportHostError(result.error);
    return false;
  }
  let saved = result.value;
  let written = doc;
  // An unnamed project (or one named after its old file) takes the name of the file chosen.
  if (
    nameFollowsFile(doc, file.fileId === null ? null : file.name) &&
    projectNameOf(saved.name) !== doc.name
  ) {
    const named = { ...doc, name: projectNameOf(saved.name) };
    const again = await ctx.host.saveProject({
      fileId: saved.fileId,
      suggestedName: saved.name,
      contents: serializeProject(named, { trainedModel }),
      saveAs: false,
    });
    if (again.ok) {
      saved = again.value;
      written = named;
    }
  }
  // The user may have edited while the dialog was open: only the saved version is clean.
  session.editor.setState((s) => (s.doc === edited ? { doc: written } : {}));
  session.editor
    .getState()
    .markSaved(written, { fileId: saved.fileId, name: saved.name, displayPath: saved.displayPath });
  session.markModelSaved(trainedModel);
  // The file is now the truth; edits made while the dialog was open are written again.
  void session.recovery?.discard().then(() => session.recovery?.changed());
  showToast({ tone: 'success', messageKey: 'app:toast.saved', values: { name: saved.name } });
  return true;
}

/** The project JSON for the crash screen ("copy your work"). */
export function rescueBundle(doc: ProjectDoc, appVersion: string): string {
  return JSON.stringify(
    { appVersion, project: JSON.parse(serializeProject(doc)) as unknown },
    null,
    2,
  );
}

/**
 * Reopens a project the recovery store kept after a crash: the document as
 * unsaved, with its file (if it had one), and the training checkpoint to
 * resume from. The entry stays until the project is saved or closed with
 * "Don't save". False (and a message) when it cannot be read.
 */
export async function restoreRecoveredProject(
  ctx: ActionContext,
  entry: RecoveredEntry,
): Promise<boolean> {
  if (!(await confirmDiscard(ctx))) return false;
  let checkpoint: TrainingCheckpoint | null = null;
  if (entry.checkpoint !== null) {
    const decoded = decodeTrainingCheckpoint(entry.checkpoint);
    if (decoded.ok) checkpoint = decoded.value;
    else showCoreError(decoded.error.code, { detail: decoded.error.detail });
  }
  // A run on an unedited project leaves only a checkpoint: the project is inside it.
  const parsed = parseProject(entry.contents !== '' ? entry.contents : (checkpoint?.project ?? ''));
  if (!parsed.ok) {
    showCoreError(parsed.error.code, parsed.error.args);
    return false;
  }
  await ctx.workspace.open({
    doc: parsed.value,
    file: entry.file ?? unsavedFile,
    recovered: { sessionId: entry.sessionId, checkpoint },
  });
  return true;
}

function showCoreError(code: string, args: Readonly<Record<string, string | number>>): void {
  showToast({ tone: 'error', messageKey: '', text: formatMessage(code, args, currentLanguage()) });
}
