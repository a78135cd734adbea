import { useEffect } from 'react';

import { commands } from '../state/commands';
import { matchesShortcut } from '../state/shortcuts';
import { appIsBehindModal } from './modal-open';

/** True when the key belongs to a text field (its own undo, copy, delete). */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'range'].includes(target.type)
  );
}

/** Commands about the window, not the project: they work over a lab too. */
const overModalCommands = new Set(['view.presentation']);

/** Left to the browser, whose copy / cut / paste events carry the system clipboard (use-clipboard-events.ts). */
const nativeClipboardCommands = new Set(['edit.copy', 'edit.cut', 'edit.paste']);

/**
 * Global keyboard shortcuts from the command registry. Inside text fields only
 * the file commands (Ctrl+S…) apply, so typing keeps its native editing keys;
 * while a lab is open, only the window's own commands (presentation mode).
 */
export function useShortcuts(isMac: boolean, run: (id: string) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('.modal-backdrop')) return;
      const inText = isTextTarget(event.target);
      const behindModal = appIsBehindModal();
      for (const command of commands) {
        if (behindModal && !overModalCommands.has(command.id)) continue;
        if (inText && command.group !== 'file') continue;
        if (nativeClipboardCommands.has(command.id)) continue;
        if (command.shortcuts.some((s) => matchesShortcut(event, s, isMac))) {
          event.preventDefault();
          run(command.id);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isMac, run, enabled]);
}
