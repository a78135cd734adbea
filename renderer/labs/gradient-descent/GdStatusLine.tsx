import { formatNumber, type GdRun } from '@core';
import { useTranslation } from 'react-i18next';

/** Where the run stands, and for a divergence, why. */
export function GdStatusLine({ run }: { readonly run: GdRun }) {
  const { t } = useTranslation('labs');
  const last = run.path[run.path.length - 1];
  const k = last?.k ?? 0;
  const where = (last?.point ?? []).map((v) => formatNumber(v, 4)).join(', ');
  const div = run.divergence;
  return (
    <div
      className={`gd-status gd-status-${run.status}`}
      data-testid="gd-status"
      data-status={run.status}
      role="status"
    >
      <strong>{t(`gd.status.${run.status}`, { k })}</strong>
      {run.status === 'converged' || run.status === 'max-steps' || run.status === 'running' ? (
        <span> {t('gd.at', { point: where, value: formatNumber(last?.value ?? 0, 6) })}</span>
      ) : null}
      {div ? (
        <p data-testid="gd-reason" data-reason={div.code}>
          {t(`gd.reason.${div.code}`, {
            eta: formatNumber(div.eta, 4),
            curvature: formatNumber(div.curvature ?? 0, 4),
            limit: formatNumber(div.etaLimit ?? 0, 4),
            product: formatNumber(div.eta * (div.curvature ?? 0), 3),
          })}
        </p>
      ) : null}
    </div>
  );
}
