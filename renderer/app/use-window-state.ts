import { useEffect } from 'react';

import type { Host } from '@core';
import { isDirty, type EditorState, type EditorStore } from '../state/editor-store';
import { useRuntimeStore } from '../state/runtime-store';

/** Window title: `name • — LayerLab` (the bullet marks unsaved changes). */
export function windowTitle(
  state: Pick<EditorState, 'isOpen' | 'doc' | 'file'>,
  untitled: string,
): string {
  if (!state.isOpen) return 'LayerLab';
  return `${state.file.name ?? untitled}${isDirty(state) ? ' •' : ''} — LayerLab`;
}

/**
 * Keeps the window title, dirty flag (close prompt), document title and
 * taskbar progress (from the runtime store, set by long tasks such as
 * training) in step: one publisher, so neither clears the other.
 */
export function useWindowState(host: Host, store: EditorStore, untitled = 'untitled'): void {
  useEffect(() => {
    let last = '';
    const publish = (): void => {
      const state = store.getState();
      const title = windowTitle(state, untitled);
      const dirty = state.isOpen && isDirty(state);
      const progress = useRuntimeStore.getState().taskProgress;
      const key = `${title}|${dirty}|${progress}`;
      if (key === last) return;
      last = key;
      document.title = title;
      host.setWindowState({ title, dirty, progress });
    };
    publish();
    const unsubscribeDoc = store.subscribe(publish);
    const unsubscribeRuntime = useRuntimeStore.subscribe(publish);
    return () => {
      unsubscribeDoc();
      unsubscribeRuntime();
    };
  }, [host, store, untitled]);
}
