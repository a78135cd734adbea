import { parseLabFile, type LabFile, type RecoveryListing, type RecoverySummary } from '@core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useHost } from '../host/HostProvider';
import { reportHostError, restoreRecoveredProject } from '../state/project-actions';
import { askConfirm } from '../ui/confirm-store';
import { showToast } from '../ui/toast-store';
import { useAppServices } from './app-context';

export interface RecoveryOfferProps {
  /** A lab's state came back: the Labs area opens it (writing on to entry `sessionId`). */
  readonly onRestoreLab: (file: LabFile, sessionId: string) => void;
}

/**
 * The start screen's list of work a crash, kill or power cut left unsaved
 * (the host's recovery store): what it is, when it was last changed, and
 * Restore / Discard for each. Shown only when there is something to offer.
 */
export function RecoveryOffer({ onRestoreLab }: RecoveryOfferProps) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { workspace } = useAppServices();
  const [listing, setListing] = useState<RecoveryListing | null>(null);

  useEffect(() => {
    let alive = true;
    void host.listRecovery().then((result) => {
      if (alive && result.ok) setListing(result.value);
    });
    return () => {
      alive = false;
    };
  }, [host]);

  if (listing === null || (listing.entries.length === 0 && listing.skipped.length === 0))
    return null;

  const forget = (sessionId: string): void =>
    setListing((l) => l && { ...l, entries: l.entries.filter((e) => e.sessionId !== sessionId) });

  const nameOf = (entry: RecoverySummary): string =>
    entry.kind === 'lab'
      ? t('app:recovery.lab', {
          name: t(`labs:labs.${entry.title}.title`, { defaultValue: entry.title }),
        })
      : entry.title !== ''
        ? entry.title
        : t('app:recovery.untitled');

  async function restore(entry: RecoverySummary): Promise<void> {
    const read = await host.readRecovery({ sessionId: entry.sessionId });
    if (!read.ok) {
      reportHostError(read.error);
      return;
    }
    if (entry.kind === 'lab') {
      const parsed = parseLabFile(read.value.contents);
      if (!parsed.ok) {
        showToast({ tone: 'error', messageKey: `labs:errors.${parsed.error.code}` });
        return;
      }
      forget(entry.sessionId);
      onRestoreLab(parsed.value, entry.sessionId);
      return;
    }
    await restoreRecoveredProject({ workspace, host }, read.value);
  }

  async function discard(entry: RecoverySummary): Promise<void> {
    const answer = await askConfirm({
      titleKey: 'app:recovery.discardTitle',
      messageKey: 'app:recovery.discardMessage',
      values: { name: nameOf(entry) },
      confirmKey: 'app:recovery.discard',
      cancelKey: 'app:confirm.cancel',
    });
    if (answer !== 'confirm') return;
    const result = await host.discardRecovery({ sessionId: entry.sessionId });
    if (!result.ok) reportHostError(result.error);
    else forget(entry.sessionId);
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section
      className="recovery-offer"
      data-testid="recovery-offer"
      aria-labelledby="recovery-title"
      role="region"
    >
      <h2 id="recovery-title">{t('app:recovery.title')}</h2>
      {listing.entries.length > 0 ? <p className="muted">{t('app:recovery.intro')}</p> : null}
      <ul className="recovery-list">
        {listing.entries.map((entry) => (
          <li key={entry.sessionId} className="recovery-item" data-testid="recovery-item">
            <span className="recovery-what">
              <span className="recovery-name">{nameOf(entry)}</span>
              <span className="recovery-detail muted">
                {t('app:recovery.savedAt', { time: when.format(new Date(entry.savedAt)) })}
                {entry.file ? ` · ${entry.file.displayPath}` : ''}
                {entry.hasCheckpoint ? ` · ${t('app:recovery.withCheckpoint')}` : ''}
              </span>
            </span>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="recovery-restore"
              onClick={() => void restore(entry)}
            >
              {t('app:recovery.restore')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="recovery-discard"
              onClick={() => void discard(entry)}
            >
              {t('app:recovery.discard')}
            </button>
          </li>
        ))}
      </ul>
      {listing.skipped.length > 0 ? (
        <p className="muted" role="status">
          {t('app:recovery.skipped', { names: listing.skipped.join(', ') })}
        </p>
      ) : null}
    </section>
  );
}
