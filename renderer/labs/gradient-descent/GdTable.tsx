import { formatNumber, type GdRun } from '@core';
import { useTranslation } from 'react-i18next';

/** The visited points as a table (the last 200 rows). */
export function GdTable({ run }: { readonly run: GdRun }) {
  const { t } = useTranslation('labs');
  const two = run.surface.dims === 2;
  const rows = run.path.slice(-200);
  const f = (v: number | undefined) => formatNumber(v ?? Number.NaN, 4);
  return (
    <div className="gd-table-wrap">
      <table className="lab-table" data-testid="gd-table">
        <thead>
          <tr>
            <th>k</th>
            <th>x</th>
            {two ? <th>y</th> : null}
            <th>f</th>
            <th>{two ? '∂f/∂x' : 'f′(x)'}</th>
            {two ? <th>∂f/∂y</th> : null}
            <th>{t('gd.stepLength')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.k}>
              <td>{s.k}</td>
              <td className="mono">{f(s.point[0])}</td>
              {two ? <td className="mono">{f(s.point[1])}</td> : null}
              <td className="mono">{f(s.value)}</td>
              <td className="mono">{f(s.gradient[0])}</td>
              {two ? <td className="mono">{f(s.gradient[1])}</td> : null}
              <td className="mono">{f(s.stepLength)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
