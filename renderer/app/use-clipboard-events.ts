import { useEffect } from 'react';

import { pasteText, removeCutSelection, selectionPayload } from '../state/clipboard-ops';
import type { CommandContext } from '../state/commands';
import { appIsBehindModal } from './modal-open';

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement
  );
}

/**
 * Ctrl+C / Ctrl+X / Ctrl+V through the browser's own copy, cut and paste
 * events: they read and write the system clipboard without a permission
 * prompt, so layers copied in one window or project paste into another.
 * Text fields keep their native behaviour.
 */
export function useClipboardEvents(ctx: CommandContext): void {
  useEffect(() => {
    const onCopyOrCut = (event: ClipboardEvent): void => {
      const editor = ctx.workspace.current()?.editor;
      if (isTextTarget(event.target) || !editor || appIsBehindModal()) return;
      const payload = selectionPayload(editor);
      if (payload === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', payload);
      event.preventDefault();
      ctx.clipboard.remember(payload);
      if (event.type === 'cut') removeCutSelection(editor);
    };
    const onPaste = (event: ClipboardEvent): void => {
      const editor = ctx.workspace.current()?.editor;
      if (isTextTarget(event.target) || !editor || appIsBehindModal()) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text === '') return;
      event.preventDefault();
      pasteText(editor, text, ctx.flow?.viewCenter() ?? null);
    };
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ctx]);
}
