import type { MenuItemConstructorOptions } from 'electron';

import {
  acceleratorFor,
  commandSpec,
  nativeMenu,
  type NativeMenuCommandId,
} from '../../../core/contract/commands';
import { menuLabels, type MenuLanguage } from './menu-labels';

/** One native menu entry that sends a command id to the renderer. */
export interface MenuCommand {
  readonly id: NativeMenuCommandId;
  readonly accelerator?: string;
}

type MenuGroup = keyof typeof nativeMenu;

const toMenuItems = (group: MenuGroup): readonly (MenuCommand | 'separator')[] =>
  nativeMenu[group].map((id) => {
    if (id === 'separator') return id;
    const accelerator = acceleratorFor(commandSpec(id));
    return accelerator === undefined ? { id } : { id, accelerator };
  });

/**
 * The native menu, by command ids and accelerators from the contract's
 * command list (core/contract/commands.ts). The renderer runs them through
 * the same registry as its toolbar and shortcuts, so the menu holds no
 * behaviour of its own.
 */
export const menuCommands: Readonly<Record<MenuGroup, readonly (MenuCommand | 'separator')[]>> = {
  file: toMenuItems('file'),
  edit: toMenuItems('edit'),
  view: toMenuItems('view'),
  train: toMenuItems('train'),
};

/** Every command id the native menu can send. */
export function menuCommandIds(): NativeMenuCommandId[] {
  return Object.values(menuCommands)
    .flat()
    .filter((item): item is MenuCommand => item !== 'separator')
    .map((item) => item.id);
}

/** Builds the template for `Menu.buildFromTemplate`; `send` forwards a command id to the window. */
export function buildMenuTemplate(options: {
  send: (id: string) => void;
  language: MenuLanguage;
  platform: NodeJS.Platform;
}): MenuItemConstructorOptions[] {
  const labels = menuLabels[options.language];
  const toItems = (items: readonly (MenuCommand | 'separator')[]): MenuItemConstructorOptions[] =>
    items.map((item) =>
      item === 'separator'
        ? { type: 'separator' }
        : {
            id: item.id,
            label: labels.commands[item.id],
            ...(item.accelerator === undefined ? {} : { accelerator: item.accelerator }),
            click: () => options.send(item.id),
          },
    );
  const quit: MenuItemConstructorOptions = { role: 'quit', label: labels.quit };
  const template: MenuItemConstructorOptions[] = [
    {
      label: labels.menus.file,
      submenu: [
        ...toItems(menuCommands.file),
        ...(options.platform === 'darwin' ? [] : [{ type: 'separator' as const }, quit]),
      ],
    },
    { label: labels.menus.edit, submenu: toItems(menuCommands.edit) },
    {
      label: labels.menus.view,
      submenu: [
        ...toItems(menuCommands.view),
        { type: 'separator' },
        { role: 'togglefullscreen', label: labels.fullScreen },
      ],
    },
    { label: labels.menus.train, submenu: toItems(menuCommands.train) },
    { role: 'help', label: labels.menus.help, submenu: [{ role: 'about', label: labels.about }] },
  ];
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
