import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { formatShape, getLayerSpec, summarizeModel, type Locale } from '@core';

import { useAnalysis } from '../../state/analysis';
import { useSession } from '../../session/session-context';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The model summary: layer (type), output shape, params, and the totals, like Keras `summary()`. */
export function SummaryPanel() {
  const { t, i18n } = useTranslation();
  const { editor: store } = useSession();
  const graph = useStore(store, (s) => s.doc.graph);
  const { shapes } = useAnalysis(store);
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const summary = summarizeModel(graph, shapes);
  if (summary.rows.length === 0) return <p className="panel-hint">{t('editor:summary.empty')}</p>;
  return (
    <div className="summary">
      <table className="summary-table" data-testid="summary-table">
        <thead>
          <tr>
            <th scope="col">{t('editor:summary.layer')}</th>
            <th scope="col">{t('editor:summary.outputShape')}</th>
            <th scope="col" className="num">
              {t('editor:summary.params')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr
              key={row.nodeId}
              onClick={() => store.getState().select([row.nodeId])}
              className="summary-row"
            >
              <td>
                {row.name}{' '}
                <span className="muted">({getLayerSpec(row.kind)?.label[locale] ?? row.kind})</span>
              </td>
              <td>
                <code>{row.outputShape === null ? '?' : formatShape(row.outputShape)}</code>
              </td>
              <td className="num">{row.paramCount === null ? '?' : fmt(row.paramCount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('editor:summary.total')}
              {!summary.complete && <span className="muted"> {t('editor:summary.partial')}</span>}
            </th>
            <td className="num" data-testid="summary-total" data-total={summary.totalParams}>
              {fmt(summary.totalParams)}
            </td>
          </tr>
          <tr className="summary-sub">
            <th scope="row" colSpan={2}>
              {t('editor:summary.trainable')}
            </th>
            <td className="num">{fmt(summary.trainableParams)}</td>
          </tr>
          <tr className="summary-sub">
            <th scope="row" colSpan={2}>
              {t('editor:summary.nonTrainable')}
            </th>
            <td className="num">{fmt(summary.nonTrainableParams)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
