import { useEffect } from 'react';

import type { Host } from '@core';
import { subscribeOpenSession } from '../session/open-session';
import type { Workspace } from '../session/workspace';
import { useRuntimeStore } from '../state/runtime-store';

/** Window title: `name • — LayerLab` (the bullet marks unsaved changes); `LayerLab` with no project. */
export function windowTitle(
  project: { readonly fileName: string | null; readonly dirty: boolean } | null,
  untitled: string,
): string {
  if (project === null) return 'LayerLab';
  return `${project.fileName ?? untitled}${project.dirty ? ' •' : ''} — LayerLab`;
}

/**
 * Keeps the window title, dirty flag (close prompt), document title and
 * taskbar progress (from the runtime store, set by long tasks such as
 * training) in step: one publisher, so neither clears the other.
 */
export function useWindowState(host: Host, workspace: Workspace, untitled = 'untitled'): void {
  useEffect(() => {
    let last = '';
    const publish = (): void => {
      const session = workspace.current();
      const dirty = session?.isDirty() ?? false;
      const project =
        session === null ? null : { fileName: session.editor.getState().file.name, dirty };
      const title = windowTitle(project, untitled);
      const progress = useRuntimeStore.getState().taskProgress;
      const key = `${title}|${dirty}|${progress}`;
      if (key === last) return;
      last = key;
      document.title = title;
      host.setWindowState({ title, dirty, progress });
    };
    publish();
    const unsubscribeProject = subscribeOpenSession(workspace, publish);
    const unsubscribeRuntime = useRuntimeStore.subscribe(publish);
    return () => {
      unsubscribeProject();
      unsubscribeRuntime();
    };
  }, [host, workspace, untitled]);
}
