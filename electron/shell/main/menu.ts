import type { MenuItemConstructorOptions } from 'electron';

import { menuLabels, type MenuLanguage } from './menu-labels';

/** One native menu entry that sends a command id to the renderer. */
export interface MenuCommand {
  readonly id: string;
  readonly accelerator?: string;
}

/**
 * The native menu, by command ids (`area.verbObject`). The renderer runs
 * them through the same registry as its toolbar and shortcuts, so the menu
 * holds no behaviour of its own.
 */
export const menuCommands: Readonly<
  Record<'file' | 'edit' | 'view' | 'train', readonly (MenuCommand | 'separator')[]>
> = {
  file: [
    { id: 'file.new', accelerator: 'CmdOrCtrl+N' },
    { id: 'file.open', accelerator: 'CmdOrCtrl+O' },
    'separator',
    { id: 'file.save', accelerator: 'CmdOrCtrl+S' },
    { id: 'file.saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
    'separator',
    { id: 'file.close', accelerator: 'CmdOrCtrl+W' },
  ],
  edit: [
    { id: 'edit.undo', accelerator: 'CmdOrCtrl+Z' },
    { id: 'edit.redo', accelerator: 'CmdOrCtrl+Shift+Z' },
    'separator',
    { id: 'edit.cut', accelerator: 'CmdOrCtrl+X' },
    { id: 'edit.copy', accelerator: 'CmdOrCtrl+C' },
    { id: 'edit.paste', accelerator: 'CmdOrCtrl+V' },
    { id: 'edit.duplicate', accelerator: 'CmdOrCtrl+D' },
    { id: 'edit.delete', accelerator: 'Delete' },
    'separator',
    { id: 'edit.selectAll', accelerator: 'CmdOrCtrl+A' },
  ],
  view: [
    { id: 'view.fitView', accelerator: 'Shift+1' },
    { id: 'view.zoomIn', accelerator: 'CmdOrCtrl+=' },
    { id: 'view.zoomOut', accelerator: 'CmdOrCtrl+-' },
    { id: 'view.tidyLayout', accelerator: 'CmdOrCtrl+Shift+L' },
  ],
  train: [
    { id: 'train.start', accelerator: 'F5' },
    { id: 'train.stop', accelerator: 'Shift+F5' },
  ],
};

/** Every command id the native menu can send. */
export function menuCommandIds(): string[] {
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
            label: labels.commands[item.id] ?? item.id,
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
