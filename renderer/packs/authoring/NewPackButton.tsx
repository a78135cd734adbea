import { useTranslation } from 'react-i18next';

import { useAppServices } from '../../app/app-context';
import { useHost } from '../../host/HostProvider';
import { useAuthorStore } from './author-context';
import { startDraft } from './author-actions';

/** The start screen's "New lab package…" (teacher mode). */
export function NewPackButton() {
  const { t } = useTranslation('author');
  const store = useAuthorStore();
  const host = useHost();
  const { appInfo } = useAppServices();
  return (
    <button
      type="button"
      className="btn"
      data-testid="author-new"
      onClick={() => void startDraft(store, host, appInfo.version)}
    >
      {t('new.button')}
    </button>
  );
}
