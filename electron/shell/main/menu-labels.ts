import type { NativeMenuCommandId } from '../../../core/contract/commands';

/**
 * Native menu wording. The main process has no i18next and the renderer's
 * catalogs stay in renderer/; the menu follows the platform's Title Case
 * ("Save As…", "Fit to Window"), so it has its own words for each command of
 * the contract's native menu (a missing one fails the type check).
 */
export type MenuLanguage = 'zh-CN' | 'en';

interface MenuWords {
  readonly menus: Readonly<Record<'file' | 'edit' | 'view' | 'train' | 'help', string>>;
  readonly commands: Readonly<Record<NativeMenuCommandId, string>>;
  readonly quit: string;
  readonly about: string;
  readonly fullScreen: string;
  readonly closePrompt: {
    readonly message: string;
    readonly detail: string;
    readonly discard: string;
    readonly cancel: string;
  };
  readonly trainingEnded: string;
}

export const menuLabels: Readonly<Record<MenuLanguage, MenuWords>> = {
  'zh-CN': {
    menus: { file: '文件', edit: '编辑', view: '视图', train: '训练', help: '帮助' },
    commands: {
      'file.new': '新建项目',
      'file.open': '打开…',
      'file.save': '保存',
      'file.saveAs': '另存为…',
      'file.close': '关闭项目',
      'edit.undo': '撤销',
      'edit.redo': '重做',
      'edit.cut': '剪切',
      'edit.copy': '复制',
      'edit.paste': '粘贴',
      'edit.duplicate': '创建副本',
      'edit.delete': '删除',
      'edit.selectAll': '全选',
      'view.fitView': '适合窗口',
      'view.zoomIn': '放大',
      'view.zoomOut': '缩小',
      'view.tidyLayout': '整理布局',
      'view.presentation': '演示模式（大字）',
      'train.start': '开始训练',
      'train.stop': '停止训练',
    },
    quit: '退出',
    about: '关于 LayerLab',
    fullScreen: '全屏',
    closePrompt: {
      message: '项目有未保存的更改。',
      detail: '如果不保存就关闭，这些更改将丢失。',
      discard: '不保存并关闭',
      cancel: '取消',
    },
    trainingEnded: '训练已结束。',
  },
  en: {
    menus: { file: 'File', edit: 'Edit', view: 'View', train: 'Train', help: 'Help' },
    commands: {
      'file.new': 'New Project',
      'file.open': 'Open…',
      'file.save': 'Save',
      'file.saveAs': 'Save As…',
      'file.close': 'Close Project',
      'edit.undo': 'Undo',
      'edit.redo': 'Redo',
      'edit.cut': 'Cut',
      'edit.copy': 'Copy',
      'edit.paste': 'Paste',
      'edit.duplicate': 'Duplicate',
      'edit.delete': 'Delete',
      'edit.selectAll': 'Select All',
      'view.fitView': 'Fit to Window',
      'view.zoomIn': 'Zoom In',
      'view.zoomOut': 'Zoom Out',
      'view.tidyLayout': 'Tidy Layout',
      'view.presentation': 'Presentation Mode (Large Text)',
      'train.start': 'Start Training',
      'train.stop': 'Stop Training',
    },
    quit: 'Quit',
    about: 'About LayerLab',
    fullScreen: 'Full Screen',
    closePrompt: {
      message: 'The project has unsaved changes.',
      detail: 'If you close without saving, these changes are lost.',
      discard: "Don't Save and Close",
      cancel: 'Cancel',
    },
    trainingEnded: 'Training has finished.',
  },
};

/** zh* → zh-CN, everything else → en. */
export function menuLanguageFor(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
