import {
  dLdOutFormula,
  deltaFormula,
  dOutdInFormula,
  formatNumber,
  gradientFormula,
  inFormula,
  lossFormula,
  outFormula,
  outSymbol,
  slideNotes,
  updateFormula,
  type BackpropTrace,
  type FormulaLine,
} from '@core';
import { useTranslation } from 'react-i18next';

import type { BpStep } from './backprop-steps';

function Formula({ line, testId }: { readonly line: FormulaLine; readonly testId?: string }) {
  return (
    <p className="bp-formula mono" data-testid={testId}>
      {line.lhs} = {line.symbolic} = {line.substituted} ={' '}
      <strong data-testid={testId ? `${testId}-result` : undefined}>{line.result}</strong>
    </p>
  );
}

/** What the current step computes: the chain-rule factors and the formulas with numbers. */
export function StepDetail({
  trace,
  step,
  decimals,
}: {
  readonly trace: BackpropTrace;
  readonly step: BpStep;
  readonly decimals: number;
}) {
  const { t } = useTranslation('labs');
  const d = decimals;
  switch (step.kind) {
    case 'start':
      return <p className="bp-step-text">{t('bp.step.start')}</p>;
    case 'forward': {
      const u = trace.forward[step.layer]?.[step.index];
      if (!u) return null;
      return (
        <div>
          <h3 data-testid="bp-step-title">{t('bp.step.forward', { unit: u.name })}</h3>
          <Formula line={inFormula(trace, u, d)} testId="bp-line-in" />
          <Formula line={outFormula(trace, u, d)} testId="bp-line-out" />
        </div>
      );
    }
    case 'loss':
      return (
        <div>
          <h3 data-testid="bp-step-title">{t('bp.step.loss')}</h3>
          <Formula line={lossFormula(trace, d)} testId="bp-line-loss" />
        </div>
      );
    case 'gradient': {
      const g = trace.gradients[step.gradient];
      const e = g ? trace.errors[g.layer]?.find((x) => x.name === g.to) : undefined;
      if (!g || !e) return null;
      const src = trace.forward[g.layer - 1]?.find((u) => u.name === g.from);
      const grad = gradientFormula(trace, g, d);
      return (
        <div>
          <h3 data-testid="bp-step-title">
            {t(g.kind === 'bias' ? 'bp.step.bias' : 'bp.step.gradient', { name: g.name, to: g.to })}
            {g.kind === 'weight' ? (
              <span className="muted small">
                {' '}
                {t('bp.slideName', { name: `δ${g.name.slice(1)}` })}
              </span>
            ) : null}
          </h3>
          <p className="mono bp-chain">
            ∂L/∂{g.name} = <span className="bp-factor">∂L/∂{outSymbol(trace, e)}</span> ·{' '}
            <span className="bp-factor">
              ∂{outSymbol(trace, e)}/∂In_{g.to}
            </span>{' '}
            ·{' '}
            <span className="bp-factor">
              ∂In_{g.to}/∂{g.name}
            </span>
          </p>
          <ol className="bp-factors">
            <li>
              <Formula line={dLdOutFormula(trace, e, d)} testId="bp-line-dl" />
            </li>
            <li>
              <Formula line={dOutdInFormula(trace, e, d)} testId="bp-line-dout" />
            </li>
            <li>
              <p className="bp-formula mono" data-testid="bp-line-din">
                ∂In_{g.to}/∂{g.name} ={' '}
                {g.kind === 'bias' ? '1' : src ? outSymbol(trace, src) : g.from} ={' '}
                <strong>{formatNumber(g.dIndW, d)}</strong>
              </p>
            </li>
          </ol>
          <Formula line={deltaFormula(trace, e, d)} testId="bp-line-delta" />
          <p className="bp-formula mono bp-gradient" data-testid="bp-line-gradient">
            {grad.lhs} = {grad.symbolic.split(' = ')[0]} = {grad.substituted} ={' '}
            <strong data-testid="bp-step-gradient" data-value={g.gradient}>
              {grad.result}
            </strong>
          </p>
          <Formula line={updateFormula(trace, g, d)} testId="bp-line-update" />
          {slideNotes(trace, g).map((n) => (
            <p key={n.code} className="bp-note" data-testid={`bp-note-${n.code}`}>
              {t(`bp.notes.${n.code}`, {
                slide: n.slideForm,
                exact: n.exactForm,
                unit: n.unit,
                weight: n.literal?.weight ?? '',
                slideValue: formatNumber(n.literal?.slide ?? 0, d),
                exactValue: formatNumber(n.literal?.exact ?? 0, d),
              })}
            </p>
          ))}
        </div>
      );
    }
    case 'update':
      return (
        <div>
          <h3 data-testid="bp-step-title">{t('bp.step.update')}</h3>
          <p className="mono">wᵢ ← wᵢ − η·∂L/∂wᵢ, η = {formatNumber(trace.problem.eta, d)}</p>
          <table className="lab-table" data-testid="bp-update-table">
            <thead>
              <tr>
                <th>{t('bp.parameter')}</th>
                <th>{t('bp.old')}</th>
                <th>∂L/∂w</th>
                <th>{t('bp.new')}</th>
              </tr>
            </thead>
            <tbody>
              {trace.gradients.map((g) => (
                <tr key={g.name}>
                  <td>{g.name}</td>
                  <td className="mono">{formatNumber(g.value, d)}</td>
                  <td className="mono">{formatNumber(g.gradient, d)}</td>
                  <td className="mono" data-testid={`bp-updated-${g.name}`}>
                    {formatNumber(g.updated, d)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="bp-loss-change">
            {t('bp.lossChange', {
              before: formatNumber(trace.loss, d),
              after: formatNumber(trace.lossAfter, d),
            })}
          </p>
        </div>
      );
  }
}
