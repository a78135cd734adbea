import { MenuBar } from '../app/MenuBar';

export const bar = MenuBar;
