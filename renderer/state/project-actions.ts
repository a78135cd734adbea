import { formatMessage, parseProject, serializeProject, type ProjectDoc } from '@core';

import type { HostError } from '@core';
import { currentLanguage, i18next } from '../i18n/i18n';
import { askConfirm } from '../ui/confirm-store';
import { showToast } from '../ui/toast-store';
import type { CommandContext } from './commands';
import { isDirty, type EditorStore } from './editor-store';
import { layoutForCanvas } from './graph-ops';
import { createEmptyProject } from './project-doc';

/**
 * New / Open / Save / Save As through the host. Failures become toasts worded
 * by code; a failed open leaves the current work untouched.
 */

type ActionContext = Pick<CommandContext, 'store' | 'host'>;

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
  const state = ctx.store.getState();
  if (!state.isOpen || !isDirty(state)) return true;
  const answer = await askConfirm({
    titleKey: 'app:confirm.unsavedTitle',
    messageKey: 'app:confirm.unsavedMessage',
    values: { name: state.file.name ?? '' },
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
  ctx.store.getState().load(createEmptyProject(), { fileId: null, name: null, displayPath: null });
}

/** Back to the start screen (after asking about unsaved work). */
export async function closeProject(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  ctx.store.getState().close();
}

/** Loads project text (a template or an opened file); false + toast when it is refused. */
export function loadProjectText(
  store: EditorStore,
  contents: string,
  file: { fileId: string | null; name: string | null; displayPath: string | null },
): boolean {
  const parsed = parseProject(contents);
  if (!parsed.ok) {
    showToast({
      tone: 'error',
      messageKey: '',
      text: formatMessage(parsed.error.code, parsed.error.args, currentLanguage()),
    });
    return false;
  }
  store.getState().load(parsed.value, file);
  return true;
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
  ctx.store
    .getState()
    .load(
      { ...parsed.value, graph: layoutForCanvas(parsed.value.graph) },
      { fileId: null, name: null, displayPath: null },
    );
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
  loadProjectText(ctx.store, contents, { fileId, name, displayPath });
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
  loadProjectText(ctx.store, contents, { fileId, name, displayPath });
}

function suggestedName(name: string | null): string {
  return name ?? `untitled${projectExtension}`;
}

/** Saves the document (asks where on first save or Save As). Resolves true on success. */
export async function saveProject(
  ctx: ActionContext,
  options: { readonly saveAs: boolean },
): Promise<boolean> {
  const { doc, file } = ctx.store.getState();
  const contents = serializeProject(doc);
  const result = await ctx.host.saveProject({
    fileId: file.fileId,
    suggestedName: suggestedName(file.name),
    contents,
    saveAs: options.saveAs,
  });
  if (!result.ok) {
    reportHostError(result.error);
    return false;
  }
  const saved = result.value;
  // The user may have edited while the dialog was open: only the saved version is clean.
  ctx.store
    .getState()
    .markSaved(doc, { fileId: saved.fileId, name: saved.name, displayPath: saved.displayPath });
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
