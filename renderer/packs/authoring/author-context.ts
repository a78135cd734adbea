import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { AuthorState, AuthorStore } from './author-store';

/** The window's package draft (AuthorProvider); null outside it. */
export const AuthorStoreContext = createContext<AuthorStore | null>(null);

export function useAuthorStore(): AuthorStore {
  const store = useContext(AuthorStoreContext);
  if (!store) throw new Error('useAuthorStore needs an AuthorProvider');
  return store;
}

export function useAuthorState<T>(selector: (state: AuthorState) => T): T {
  return useStore(useAuthorStore(), selector);
}
