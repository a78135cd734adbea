import { useTranslation } from 'react-i18next';

import { useAppServices } from '../app/app-context';

/**
 * "Open lab package…": File → Open (the native dialog in Electron, the in-app
 * chooser in browser mode), which recognises a package by its extension or
 * content and opens it in student mode. A refused package is named with its
 * reason in a toast, and nothing of it is kept.
 */
export function OpenPackButton() {
  const { t } = useTranslation('packs');
  const { runCommand } = useAppServices();
  return (
    <div className="pack-open">
      <button
        type="button"
        className="btn"
        data-testid="pack-open"
        onClick={() => runCommand('file.open')}
      >
        {t('open.button')}
      </button>
    </div>
  );
}
