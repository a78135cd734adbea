import type { MenuBar } from '../app/MenuBar';

export type Bar = typeof MenuBar;
