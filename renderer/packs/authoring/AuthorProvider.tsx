import { useEffect, useState, type ReactNode } from 'react';

import { AuthorStoreContext } from './author-context';
import { createAuthorStore, hasUnsavedWork } from './author-store';

/**
 * Holds the window's package draft (teacher mode; one store per window, made
 * here). Closing the tab with unsaved package work asks first, as an unsaved
 * project does.
 */
export function AuthorProvider({ children }: { readonly children: ReactNode }) {
  const [store] = useState(createAuthorStore);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (hasUnsavedWork(store.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
  return <AuthorStoreContext.Provider value={store}>{children}</AuthorStoreContext.Provider>;
}
