import { describe, expect, it, vi } from 'vitest';

import {
  applyWindowState,
  presentWindowState,
  progressJustEnded,
  shouldClose,
} from './window-state';

describe('window state', () => {
  it('marks a dirty title and shows progress on the taskbar', () => {
    expect(presentWindowState({ title: 'mnist.layerlab', dirty: true, progress: 0.25 })).toEqual({
      title: '● mnist.layerlab — LayerLab',
      documentEdited: true,
      progress: 0.25,
    });
  });

  it('clears the progress bar with -1 and clamps stray values', () => {
    expect(presentWindowState({ title: '', dirty: false, progress: null })).toEqual({
      title: 'LayerLab',
      documentEdited: false,
      progress: -1,
    });
    expect(presentWindowState({ title: '', dirty: false, progress: 7 }).progress).toBe(1);
  });

  it('applies title, edited marker and progress to the window', () => {
    const win = { setTitle: vi.fn(), setDocumentEdited: vi.fn(), setProgressBar: vi.fn() };
    applyWindowState(win, { title: 'a', dirty: false, progress: 0.5 });
    expect(win.setTitle).toHaveBeenCalledWith('a — LayerLab');
    expect(win.setDocumentEdited).toHaveBeenCalledWith(false);
    expect(win.setProgressBar).toHaveBeenCalledWith(0.5);
  });

  it('knows when a progress run has just ended', () => {
    const at = (progress: number | null) => ({ title: '', dirty: false, progress });
    expect(progressJustEnded(at(0.9), at(null))).toBe(true);
    expect(progressJustEnded(at(null), at(null))).toBe(false);
    expect(progressJustEnded(at(0.2), at(0.3))).toBe(false);
  });

  it('closes a clean window without asking, and asks for a dirty one', () => {
    const ask = vi.fn(() => 1);
    expect(shouldClose(false, ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(shouldClose(true, ask)).toBe(false); // 1 = cancel
    expect(shouldClose(true, () => 0)).toBe(true); // 0 = discard and close
  });
});
