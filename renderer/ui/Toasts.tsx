import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { dismissToast, useToastStore, type Toast } from './toast-store';

const autoDismissMs = 6000;

/** The toast stack (bottom right). Errors stay until dismissed; others fade. */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite" role="status">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { readonly toast: Toast }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (toast.tone === 'error') return;
    const timer = window.setTimeout(() => dismissToast(toast.id), autoDismissMs);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.tone]);
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast" data-tone={toast.tone}>
      <span className="toast-text">{toast.text ?? t(toast.messageKey, toast.values ?? {})}</span>
      <button
        type="button"
        className="btn-icon"
        aria-label={t('app:toast.dismiss')}
        title={t('app:toast.dismiss')}
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
