import { formatNumber, softmax, softmaxJacobian } from '@core';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';

export interface SoftmaxPanelProps {
  readonly logits: readonly number[];
  readonly onChange: (logits: number[]) => void;
}

/** softmax(z)ᵢ = e^zᵢ / Σ e^zⱼ as numbers, bars and the formula with the numbers in. */
export function SoftmaxPanel({ logits, onChange }: SoftmaxPanelProps) {
  const { t } = useTranslation('labs');
  const p = softmax(logits);
  const exps = logits.map((z) => Math.exp(z));
  const sum = exps.reduce((a, b) => a + b, 0);
  const d = 4;
  const jacobian = softmaxJacobian(logits);
  return (
    <section className="lab-panel" aria-labelledby="softmax-heading" data-testid="softmax-panel">
      <h2 id="softmax-heading">{t('softmax.heading')}</h2>
      <p className="mono">softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ</p>
      <table className="lab-table">
        <thead>
          <tr>
            <th>i</th>
            <th>zᵢ</th>
            <th>e^zᵢ</th>
            <th>pᵢ</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {logits.map((z, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <NumberInput
                  value={z}
                  onChange={(v) => onChange(logits.map((x, j) => (j === i ? v : x)))}
                  testId={`softmax-logit-${i}`}
                  label={`z${i + 1}`}
                />
              </td>
              <td className="mono">
                {Number.isFinite(exps[i]) ? formatNumber(exps[i] ?? 0, d) : '∞'}
              </td>
              <td className="mono" data-testid={`softmax-prob-${i}`}>
                {formatNumber(p[i] ?? 0, d)}
              </td>
              <td className="softmax-bar-cell">
                <span
                  className="softmax-bar"
                  style={{ width: `${Math.round((p[i] ?? 0) * 100)}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="lab-row">
        <button
          type="button"
          className="btn"
          disabled={logits.length >= 10}
          onClick={() => onChange([...logits, 0])}
        >
          + {t('softmax.addLogit')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={logits.length <= 1}
          onClick={() => onChange(logits.slice(0, -1))}
        >
          − {t('softmax.removeLogit')}
        </button>
      </div>
      {logits.length > 0 && Number.isFinite(sum) ? (
        <p className="mono small">
          p₁ = e^{formatNumber(logits[0] ?? 0, 2)} / (
          {logits.map((z) => `e^${formatNumber(z, 2)}`).join(' + ')}) ={' '}
          {formatNumber(exps[0] ?? 0, d)} / {formatNumber(sum, d)} = {formatNumber(p[0] ?? 0, d)}
        </p>
      ) : null}
      <p className="small">
        {t('softmax.sum')}:{' '}
        <span className="mono">
          {formatNumber(
            p.reduce((a, b) => a + b, 0),
            d,
          )}
        </span>
      </p>
      <h3 className="small">{t('softmax.jacobian')}</h3>
      <p className="mono small">∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)</p>
      <table className="lab-table" data-testid="softmax-jacobian">
        <thead>
          <tr>
            <th />
            {logits.map((_, j) => (
              <th key={j} className="mono">
                ∂/∂z{j + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jacobian.map((row, i) => (
            <tr key={i}>
              <th className="mono">p{i + 1}</th>
              {row.map((v, j) => (
                <td key={j} className="mono" data-testid={`softmax-jacobian-${i}-${j}`}>
                  {formatNumber(v, d)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('softmax.jacobianHint')}</p>
    </section>
  );
}
