import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { PackState, PackStore } from './pack-store';

/** The window's lab package state (PackProvider); null outside it. */
export const PackStoreContext = createContext<PackStore | null>(null);

export function usePackStore(): PackStore {
  const store = useContext(PackStoreContext);
  if (!store) throw new Error('usePackStore needs a PackProvider');
  return store;
}

export function usePackState<T>(selector: (state: PackState) => T): T {
  return useStore(usePackStore(), selector);
}
