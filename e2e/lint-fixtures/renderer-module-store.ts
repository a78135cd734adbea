// A module-level zustand store in a panel: one store for every project.
import { create } from 'zustand';

export const useRunsStore = create<{ runs: number[] }>()(() => ({ runs: [] }));
