import { useTranslation } from 'react-i18next';

import type { RunSeries } from './training-store';

const f = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(4));

/** Per-epoch numbers of the current run, newest first; the best epoch is highlighted. */
export function EpochTable({ run }: { readonly run: RunSeries }) {
  const { t } = useTranslation('training');
  if (run.epochs.length === 0) return null;
  return (
    <table className="training-epochs" data-testid="training-epochs">
      <thead>
        <tr>
          <th scope="col">{t('charts.epoch')}</th>
          <th scope="col">{t('charts.loss')}</th>
          <th scope="col">{t('charts.accuracy')}</th>
          <th scope="col">{`${t('charts.validation')} ${t('charts.loss')}`}</th>
          <th scope="col">{`${t('charts.validation')} ${t('charts.accuracy')}`}</th>
        </tr>
      </thead>
      <tbody>
        {[...run.epochs].reverse().map((e) => (
          <tr
            key={e.epoch}
            className={e.epoch === run.bestEpoch ? 'best' : undefined}
            data-epoch={e.epoch + 1}
            data-loss={e.loss}
            title={e.epoch === run.bestEpoch ? t('charts.best') : undefined}
          >
            <td>{e.epoch + 1}</td>
            <td>{f(e.loss)}</td>
            <td>{f(e.accuracy)}</td>
            <td>{f(e.valLoss)}</td>
            <td>{f(e.valAccuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
