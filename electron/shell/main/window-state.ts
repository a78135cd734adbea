import type { WindowState } from '../../../core/contract/host';

/** What the window shows for a reported state (pure, so tests check it without a window). */
export function presentWindowState(state: WindowState): {
  title: string;
  documentEdited: boolean;
  progress: number;
} {
  return {
    title: `${state.dirty ? '● ' : ''}${state.title ? `${state.title} — ` : ''}LayerLab`,
    documentEdited: state.dirty,
    // Electron: a value < 0 removes the taskbar progress bar.
    progress: state.progress === null ? -1 : Math.min(1, Math.max(0, state.progress)),
  };
}

/** The slice of BrowserWindow the state is applied to. */
export interface StatefulWindow {
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
  setProgressBar(progress: number): void;
}

export function applyWindowState(win: StatefulWindow, state: WindowState): void {
  const shown = presentWindowState(state);
  win.setTitle(shown.title);
  win.setDocumentEdited(shown.documentEdited);
  win.setProgressBar(shown.progress);
}

/** True when a progress run (training) just ended: progress went from a number to null. */
export function progressJustEnded(previous: WindowState, next: WindowState): boolean {
  return previous.progress !== null && next.progress === null;
}

/**
 * Decides a close request: a clean window closes; a dirty one asks first
 * (`ask` shows the native prompt; index 0 = discard and close).
 */
export function shouldClose(dirty: boolean, ask: () => number): boolean {
  if (!dirty) return true;
  return ask() === 0;
}
