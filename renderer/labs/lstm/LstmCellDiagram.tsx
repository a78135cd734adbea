import { formatNumber, type LstmStep } from '@core';

/**
 * One LSTM cell at step t for one unit, drawn as on the slides: the cell line
 * cₜ₋₁ → ×f → +(i·c̃) → cₜ along the top, the gates below it, hₜ = o·tanh(cₜ) on the right.
 */
export function LstmCellDiagram({
  step,
  prev,
  t,
  j,
  decimals,
  label,
}: {
  readonly step: LstmStep;
  readonly prev: { readonly h: number; readonly c: number };
  readonly t: number;
  readonly j: number;
  readonly decimals: number;
  /** The diagram's accessible name, in the UI language. */
  readonly label: string;
}) {
  const d = Math.min(decimals, 3);
  const v = (x: number) => formatNumber(x, d);
  const u = `[${j + 1}]`;
  const gate = (x: number, label: string, value: number, testId: string, cls: string) => (
    <g className={`lstm-gate ${cls}`} data-testid={testId}>
      <rect x={x - 55} y={250} width={110} height={62} rx={8} />
      <text x={x} y={274} textAnchor="middle" className="lstm-gate-name">
        {label}
      </text>
      <text x={x} y={298} textAnchor="middle">
        {v(value)}
      </text>
    </g>
  );
  const op = (x: number, y: number, sym: string) => (
    <g className="lstm-op">
      <circle cx={x} cy={y} r={18} />
      <text x={x} y={y + 6} textAnchor="middle">
        {sym}
      </text>
    </g>
  );
  return (
    <svg
      className="lstm-diagram"
      data-testid="lstm-diagram"
      width={980}
      height={400}
      viewBox="0 0 980 400"
      role="img"
      aria-label={label}
    >
      <defs>
        <marker
          id="lstm-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="rnn-arrow-head" />
        </marker>
      </defs>
      <rect x={120} y={40} width={700} height={300} rx={16} className="lstm-box" />
      {/* cell line */}
      <line x1={20} y1={90} x2={262} y2={90} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <text x={20} y={75}>
        c{t - 1}
        {u} = {v(prev.c)}
      </text>
      {op(280, 90, '×')}
      <line x1={298} y1={90} x2={492} y2={90} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      {op(510, 90, '+')}
      <line
        x1={528}
        y1={90}
        x2={960}
        y2={90}
        className="rnn-edge lstm-cell-line"
        markerEnd="url(#lstm-arrow)"
      />
      <text x={860} y={75} data-testid="lstm-diagram-c">
        c{t}
        {u} = {v(step.cell[j] ?? 0)}
      </text>
      {/* gates */}
      {gate(230, `f${t}${u} σ`, step.f[j] ?? 0, 'lstm-gate-f', 'lstm-f')}
      <line x1={260} y1={250} x2={276} y2={110} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      {gate(380, `i${t}${u} σ`, step.i[j] ?? 0, 'lstm-gate-i', 'lstm-i')}
      {gate(530, `c̃${t}${u} tanh`, step.c[j] ?? 0, 'lstm-gate-c', 'lstm-c')}
      {op(450, 180, '×')}
      <line x1={400} y1={250} x2={440} y2={196} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <line x1={510} y1={250} x2={462} y2={196} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <line x1={462} y1={166} x2={500} y2={106} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      {gate(680, `o${t}${u} σ`, step.o[j] ?? 0, 'lstm-gate-o', 'lstm-o')}
      {/* hidden output */}
      <line x1={700} y1={90} x2={700} y2={142} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <text x={712} y={128}>
        tanh
      </text>
      {op(700, 180, '×')}
      <line x1={680} y1={250} x2={694} y2={198} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <line x1={718} y1={180} x2={960} y2={180} className="rnn-edge" markerEnd="url(#lstm-arrow)" />
      <text x={800} y={168} data-testid="lstm-diagram-h">
        h{t}
        {u} = {v(step.h[j] ?? 0)}
      </text>
      {/* inputs */}
      <line x1={20} y1={370} x2={700} y2={370} className="rnn-edge lstm-input-line" />
      <text x={20} y={358}>
        x{t}, h{t - 1}
        {u} = {v(prev.h)}
      </text>
      {[230, 380, 530, 680].map((x) => (
        <line
          key={x}
          x1={x}
          y1={370}
          x2={x}
          y2={314}
          className="rnn-edge"
          markerEnd="url(#lstm-arrow)"
        />
      ))}
    </svg>
  );
}
