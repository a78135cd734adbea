import type { CommandContext } from './command-def';
import { confirmDiscard, loadProjectText, reportHostError } from './project-actions';
import { showToast } from '../ui/toast-store';

/**
 * File → Open (Ctrl/⌘+O) and a file opened from the OS: the host says what
 * was chosen (`documentKindOf`: by extension, then by content). A project
 * replaces the open one (after asking about unsaved work); a lab package opens
 * in student mode and a submission is summarised, both through `ctx.documents`.
 */
export async function openDocument(
  ctx: Pick<CommandContext, 'workspace' | 'host' | 'documents'>,
  from: 'chooser' | 'launch',
): Promise<void> {
  const result = await ctx.host.openDocument({ from });
  if (!result.ok) {
    reportHostError(result.error);
    return;
  }
  const opened = result.value;
  if (opened === null) return;
  if (opened.kind === 'project') {
    if (!(await confirmDiscard(ctx))) return;
    const { fileId, name, displayPath, contents } = opened.project;
    await loadProjectText(ctx.workspace, contents, { fileId, name, displayPath });
    return;
  }
  if (ctx.documents === undefined) {
    showToast({ tone: 'error', messageKey: 'app:open.notHere', values: { name: opened.name } });
    return;
  }
  if (opened.kind === 'pack') ctx.documents.openPack(opened.bytes, opened.name);
  else ctx.documents.openSubmission(opened.bytes, opened.name);
}
