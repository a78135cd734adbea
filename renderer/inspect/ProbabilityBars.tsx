import { useTranslation } from 'react-i18next';

import type { Prediction } from '@core';

/** Class probabilities as horizontal bars, most likely first. */
export function ProbabilityBars({
  prediction,
  limit = 10,
}: {
  readonly prediction: Prediction;
  readonly limit?: number;
}) {
  const { t } = useTranslation('inspect');
  const rows = prediction.ranked.slice(0, limit);
  return (
    <table className="inspect-probabilities" data-testid="probability-bars">
      <caption>{t('predict.caption')}</caption>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.classIndex} data-class={r.className} className={i === 0 ? 'top' : undefined}>
            <th scope="row">{r.className}</th>
            <td className="inspect-bar-cell">
              <span
                className="inspect-bar"
                style={{ width: `${Math.max(0.5, r.probability * 100)}%` }}
              />
            </td>
            <td className="num">{(r.probability * 100).toFixed(1)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
