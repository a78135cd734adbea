import { useTranslation } from 'react-i18next';

import type { EvaluationReport } from '@core';

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** Precision, recall, F1 and support per class, with the macro average. */
export function ClassMetricsTable({
  report,
  classNames,
}: {
  readonly report: EvaluationReport;
  readonly classNames: readonly string[];
}) {
  const { t } = useTranslation('inspect');
  return (
    <table className="inspect-metrics" data-testid="class-metrics">
      <thead>
        <tr>
          <th scope="col">{t('eval.class')}</th>
          <th scope="col">{t('eval.precision')}</th>
          <th scope="col">{t('eval.recall')}</th>
          <th scope="col">F1</th>
          <th scope="col">{t('eval.support')}</th>
        </tr>
      </thead>
      <tbody>
        {report.perClass.map((m, i) => (
          <tr key={i}>
            <th scope="row">{classNames[i] ?? i}</th>
            <td>{pct(m.precision)}</td>
            <td>{pct(m.recall)}</td>
            <td>{pct(m.f1)}</td>
            <td>{m.support}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('eval.macro')}</th>
          <td>{pct(report.macro.precision)}</td>
          <td>{pct(report.macro.recall)}</td>
          <td>{pct(report.macro.f1)}</td>
          <td>{report.count}</td>
        </tr>
      </tfoot>
    </table>
  );
}
