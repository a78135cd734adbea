import { useEffect } from 'react';

import type { Host } from '../host/Host';
import { isDirty, type EditorState, type EditorStore } from '../state/editor-store';

/** Window title: `name • — LayerLab` (the bullet marks unsaved changes). */
export function windowTitle(state: Pick<EditorState, 'isOpen' | 'doc' | 'file'>, untitled: string): string {
  if (!state.isOpen) return 'LayerLab';
  return `${state.file.name ?? untitled}${isDirty(state) ? ' •' : ''} — LayerLab`;
}

/** Keeps the window title, dirty flag (close prompt) and document title in step with the store. */
export function useWindowState(host: Host, store: EditorStore, untitled = 'untitled'): void {
  useEffect(() => {
    let last = '';
    const publish = (state: EditorState): void => {
      const title = windowTitle(state, untitled);
      const dirty = state.isOpen && isDirty(state);
      const key = `${title}|${dirty}`;
      if (key === last) return;
      last = key;
      document.title = title;
      host.setWindowState({ title, dirty, progress: null });
    };
    publish(store.getState());
    return store.subscribe(publish);
  }, [host, store, untitled]);
}
