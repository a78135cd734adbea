import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { useConfirmStore } from './confirm-store';

/** Modal confirmation (unsaved changes…). Escape cancels; focus starts on the main action. */
export function ConfirmDialog() {
  const pending = useConfirmStore((s) => s.pending);
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  if (!pending) return null;
  return (
    <div
      className="modal-backdrop"
      onKeyDown={(e) => e.key === 'Escape' && pending.resolve('cancel')}
    >
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        data-testid="confirm-dialog"
      >
        <h2 id="confirm-title">{t(pending.titleKey)}</h2>
        <p id="confirm-message">{t(pending.messageKey, pending.values ?? {})}</p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => pending.resolve('cancel')}>
            {t(pending.cancelKey)}
          </button>
          {pending.alternativeKey !== undefined && (
            <button type="button" className="btn" onClick={() => pending.resolve('alternative')}>
              {t(pending.alternativeKey)}
            </button>
          )}
          <button
            ref={confirmRef}
            type="button"
            className="btn btn-primary"
            onClick={() => pending.resolve('confirm')}
          >
            {t(pending.confirmKey)}
          </button>
        </div>
      </div>
    </div>
  );
}
