import type { BrowserWindow, Dialog } from 'electron';

import type { ChooserRequest } from '../../../core/contract/host';
import type { ChoosePath } from '../../host/services/host-services';
import type { MenuLanguage } from './menu-labels';

const projectFilters = (language: MenuLanguage) => [
  { name: 'LayerLab', extensions: ['layerlab'] },
  { name: language === 'zh-CN' ? '所有文件' : 'All files', extensions: ['*'] },
];

/** File → Open: every LayerLab kind together first, then each alone. */
const documentFilters = (language: MenuLanguage) => {
  const zh = language === 'zh-CN';
  return [
    {
      name: zh ? 'LayerLab 文件' : 'LayerLab files',
      extensions: ['layerlab', 'layerlab-pack', 'layerlab-submission'],
    },
    { name: zh ? 'LayerLab 项目' : 'LayerLab projects', extensions: ['layerlab'] },
    { name: zh ? '实验包' : 'Lab packages', extensions: ['layerlab-pack'] },
    { name: zh ? '学生提交' : 'Submissions', extensions: ['layerlab-submission'] },
    { name: zh ? '所有文件' : 'All files', extensions: ['*'] },
  ];
};

/** Native file dialogs answering the services' "which path?" questions. */
export function createNativeChooser(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  getWindow: () => BrowserWindow | null,
  language: MenuLanguage,
): ChoosePath {
  return async (request: ChooserRequest) => {
    const win = getWindow();
    const show = <T>(
      withWindow: (w: BrowserWindow) => Promise<T>,
      without: () => Promise<T>,
    ): Promise<T> => (win ? withWindow(win) : without());
    if (request.purpose === 'save-project') {
      const options = {
        defaultPath: `${request.suggestedName ?? 'project'}.layerlab`,
        filters: projectFilters(language),
      };
      const result = await show(
        (w) => dialog.showSaveDialog(w, options),
        () => dialog.showSaveDialog(options),
      );
      return result.canceled || !result.filePath ? null : result.filePath;
    }
    const options =
      request.purpose === 'open-project'
        ? { properties: ['openFile' as const], filters: projectFilters(language) }
        : request.purpose === 'open-document'
          ? { properties: ['openFile' as const], filters: documentFilters(language) }
          : { properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = await show(
      (w) => dialog.showOpenDialog(w, options),
      () => dialog.showOpenDialog(options),
    );
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
