import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { formatPackMessage, packMessages, type CheckCode, type Locale } from '@core';

import type { SubmissionViewStore } from './submission-view';

const statusMark = { pass: '✓', fail: '✗', pending: '…' } as const;

/** A result's reason in words; a code this app does not know (a newer app wrote it) is shown as it is. */
function reasonOf(
  code: string,
  args: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  return Object.hasOwn(packMessages, code)
    ? formatPackMessage(code as CheckCode, args, locale)
    : code;
}

/**
 * A submission opened with File → Open: who, for which package, when, and
 * each step's results as the student's app recorded them. Recomputing them
 * needs the package: the note points to `npm run check-pack`. Every string
 * comes from the file and is shown as React text, never as HTML.
 */
export function SubmissionSummary({ store }: { readonly store: SubmissionViewStore }) {
  const { t, i18n } = useTranslation('packs');
  const viewed = useStore(store, (s) => s.viewed);
  if (viewed === null) return null;
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const { submission, fileName } = viewed;
  const close = (): void => store.setState({ viewed: null });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="modal submission-summary"
        role="dialog"
        aria-label={t('submissionView.title')}
        data-testid="submission-summary"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t('submissionView.title')}</h2>
        <dl className="submission-facts">
          <dt>{t('submissionView.student')}</dt>
          <dd data-testid="submission-student">{submission.student}</dd>
          <dt>{t('submissionView.pack')}</dt>
          <dd>{submission.packTitle}</dd>
          <dt>{t('submissionView.created')}</dt>
          <dd>{submission.createdAt}</dd>
          <dt>{t('submissionView.file')}</dt>
          <dd>{fileName}</dd>
        </dl>
        <ol className="submission-steps">
          {submission.steps.map((step) => (
            <li key={step.id} data-testid="submission-step" data-step={step.id}>
              <strong>{step.id}</strong>{' '}
              {step.results.length === 0 ? (
                <span>{step.done ? t('submissionView.done') : t('submissionView.noResults')}</span>
              ) : (
                <ul>
                  {step.results.map((r) => (
                    <li key={r.id} data-status={r.status}>
                      {statusMark[r.status]} {r.id}: {reasonOf(r.code, r.args, locale)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        <p className="panel-hint">{t('submissionView.recheckNote')}</p>
        <div className="modal-actions">
          <button type="button" className="btn btn-primary" onClick={close} autoFocus>
            {t('submissionView.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
