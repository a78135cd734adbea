import { useEffect, type ReactNode } from 'react';

import { AuthorStoreContext } from './author-context';
import { hasUnsavedWork, type AuthorStore } from './author-store';

/**
 * Holds the window's package draft (teacher mode; one store per window, made
 * by the app, whose window-close prompt also reads it). Closing the tab with
 * unsaved package work asks first, as an unsaved project does.
 */
export function AuthorProvider({
  store,
  children,
}: {
  readonly store: AuthorStore;
  readonly children: ReactNode;
}) {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (hasUnsavedWork(store.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
  return <AuthorStoreContext.Provider value={store}>{children}</AuthorStoreContext.Provider>;
}
