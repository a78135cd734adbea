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

/** Work outside the project that a window close would lose (a lab package being written). */
export interface UnsavedElsewhere {
  isUnsaved(): boolean;
  subscribe(listener: () => void): () => void;
}

/**
 * Keeps the window title, dirty flag (close prompt), document title and
 * taskbar progress (from the runtime store, set by long tasks such as
 * training) in step: one publisher, so neither clears the other.
 */
export function useWindowState(
  host: Host,
  workspace: Workspace,
  untitled = 'untitled',
  elsewhere?: UnsavedElsewhere,
): void {
  useEffect(() => {
    let last = '';
    const publish = (): void => {
      const session = workspace.current();
      // The close prompt guards the package too; the title's bullet stays the project's.
      const projectDirty = session?.isDirty() ?? false;
      const dirty = projectDirty || (elsewhere?.isUnsaved() ?? false);
      const project =
        session === null
          ? null
          : { fileName: session.editor.getState().file.name, dirty: projectDirty };
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
    const unsubscribeElsewhere = elsewhere?.subscribe(publish);
    return () => {
      unsubscribeProject();
      unsubscribeRuntime();
      unsubscribeElsewhere?.();
    };
  }, [host, workspace, untitled, elsewhere]);
}
