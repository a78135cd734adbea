import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ModalLayer } from '../labs/ModalLayer';
import '../labs/word-vectors/explorer.css';

interface WideDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A view from the side panel over the whole window (the gate maps of a long
 * sentence need the width). Escape outside a text field, or Back, closes it.
 */
export function WideDialog({ title, testId, onClose, children }: WideDialogProps) {
  const { t } = useTranslation('labs');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === 'Escape' && tag !== 'INPUT' && tag !== 'TEXTAREA') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <ModalLayer>
      <div
        className="explorer-screen inspect-panel"
        data-testid={testId}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
      >
        <header className="explorer-header">
          <button type="button" className="btn" data-testid={`${testId}-close`} onClick={onClose}>
            ← {t('labs:shell.back')}
          </button>
          <h1 id={`${testId}-title`}>{title}</h1>
        </header>
        {children}
      </div>
    </ModalLayer>
  );
}
