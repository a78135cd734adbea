/** A small SVG plot of y = f(x) with a marked point and optional horizontal range lines. */
export interface FunctionPlotProps {
  readonly f: (x: number) => number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly point?: { readonly x: number; readonly y: number };
  /** Horizontal lines marking the range of f (finite bounds only). */
  readonly rangeLines?: readonly number[];
  readonly title: string;
  readonly testId?: string;
  readonly width?: number;
  readonly height?: number;
}

const PAD = 28;

export function FunctionPlot({
  f,
  xDomain,
  yDomain,
  point,
  rangeLines = [],
  title,
  testId,
  width = 320,
  height = 200,
}: FunctionPlotProps) {
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0)) * (width - 2 * PAD);
  const sy = (y: number) => height - PAD - ((y - y0) / (y1 - y0)) * (height - 2 * PAD);
  const clampY = (y: number) => Math.max(y0 - (y1 - y0), Math.min(y1 + (y1 - y0), y));
  const samples = 200;
  let d = '';
  for (let i = 0; i <= samples; i++) {
    const x = x0 + ((x1 - x0) * i) / samples;
    const y = f(x);
    if (!Number.isFinite(y)) continue;
    d += `${d === '' ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(clampY(y)).toFixed(1)}`;
  }
  const ticksX = niceTicks(x0, x1);
  const ticksY = niceTicks(y0, y1);
  const pointInside = point && Number.isFinite(point.y) && point.x >= x0 && point.x <= x1;
  return (
    <figure className="lab-plot" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={title}
      >
        <clipPath id={`clip-${testId ?? title}`}>
          <rect x={PAD} y={PAD} width={width - 2 * PAD} height={height - 2 * PAD} />
        </clipPath>
        {ticksX.map((t) => (
          <g key={`x${t}`}>
            <line x1={sx(t)} x2={sx(t)} y1={PAD} y2={height - PAD} className="lab-grid-line" />
            <text x={sx(t)} y={height - PAD + 14} textAnchor="middle" className="lab-tick">
              {fmtTick(t)}
            </text>
          </g>
        ))}
        {ticksY.map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD} x2={width - PAD} y1={sy(t)} y2={sy(t)} className="lab-grid-line" />
            <text x={PAD - 4} y={sy(t) + 4} textAnchor="end" className="lab-tick">
              {fmtTick(t)}
            </text>
          </g>
        ))}
        {x0 < 0 && x1 > 0 ? (
          <line x1={sx(0)} x2={sx(0)} y1={PAD} y2={height - PAD} className="lab-axis" />
        ) : null}
        {y0 < 0 && y1 > 0 ? (
          <line x1={PAD} x2={width - PAD} y1={sy(0)} y2={sy(0)} className="lab-axis" />
        ) : null}
        <g clipPath={`url(#clip-${testId ?? title})`}>
          {rangeLines.filter(Number.isFinite).map((y) => (
            <line
              key={`r${y}`}
              x1={PAD}
              x2={width - PAD}
              y1={sy(y)}
              y2={sy(y)}
              className="lab-range-line"
            />
          ))}
          <path d={d} className="lab-curve" />
          {pointInside ? (
            <circle cx={sx(point.x)} cy={sy(clampY(point.y))} r={5} className="lab-point" />
          ) : null}
        </g>
      </svg>
    </figure>
  );
}

/** About five round tick values between a and b. */
export function niceTicks(a: number, b: number): number[] {
  const span = b - a;
  if (!(span > 0)) return [a];
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(a / step) * step; v <= b + 1e-9; v += step)
    out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

function fmtTick(v: number): string {
  return String(Number(v.toPrecision(3)));
}
