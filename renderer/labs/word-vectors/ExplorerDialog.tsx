import type { WordVectors } from '@core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { ModalLayer } from '../ModalLayer';
import { EmbeddingExplorer } from './EmbeddingExplorer';
import './explorer.css';

interface ExplorerDialogProps {
  readonly vectors: WordVectors;
  /** Where the vectors come from, e.g. "layer embedding" (already translated). */
  readonly source: string;
  readonly onClose: () => void;
}

/**
 * The embedding explorer over the whole window: the entry point for any
 * `WordVectors` (the word2vec lab's, a project's trained Embedding layer).
 * Escape (outside a text field) or Back closes it.
 */
export function ExplorerDialog({ vectors, source, onClose }: ExplorerDialogProps) {
  const { t } = useTranslation('labs');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (e.target as HTMLElement | null)?.tagName !== 'INPUT') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <ModalLayer>
      <div
        className="explorer-screen"
        data-testid="explorer-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="explorer-title"
      >
        <header className="explorer-header">
          <button type="button" className="btn" data-testid="explorer-close" onClick={onClose}>
            ← {t('shell.back')}
          </button>
          <h1 id="explorer-title">{t('explorer.title')}</h1>
        </header>
        <EmbeddingExplorer vectors={vectors} source={source} />
      </div>
    </ModalLayer>
  );
}
