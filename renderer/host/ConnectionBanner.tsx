import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConnectionMonitor } from './connection-monitor';
import './connection-banner.css';

/**
 * Browser mode's "the server is gone" state, over everything else: a save
 * that fails because LayerLab stopped is never silent, and the banner says
 * the document is still here and that saving works again once it is back.
 */
export function ConnectionBanner({ monitor }: { monitor: ConnectionMonitor }) {
  const { t } = useTranslation('host');
  const state = useSyncExternalStore(
    (listener) => monitor.subscribe(listener),
    () => monitor.state(),
  );
  if (state === 'connected') return null;
  const detail =
    state === 'lost'
      ? t('connection.lostDetail')
      : state === 'refused'
        ? t('connection.refusedDetail')
        : null;
  return (
    <div
      className="connection-banner"
      data-state={state}
      data-testid="connection-banner"
      role={state === 'restored' ? 'status' : 'alert'}
    >
      <strong>
        {state === 'lost' ? (
          <span className="connection-banner-spinner" aria-hidden="true" />
        ) : null}
        {t(`connection.${state}`)}
      </strong>
      {detail === null ? null : <span>{detail}</span>}
    </div>
  );
}
