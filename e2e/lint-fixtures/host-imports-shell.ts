import { buildMenuTemplate } from '../shell/main/menu';

export const menu = buildMenuTemplate;
