/** A small line chart of the training loss against the share of the run done (0…1). */
export function LossCurve({
  points,
  label,
}: {
  readonly points: readonly { readonly done: number; readonly loss: number }[];
  readonly label: string;
}) {
  const width = 320;
  const height = 120;
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const max = Math.max(...finite.map((p) => p.loss), 1e-9);
  const min = Math.min(...finite.map((p) => p.loss), max);
  const span = max - min || 1;
  const path = finite
    .map((p, i) => {
      const x = 48 + p.done * (width - 52); // left of 48: the axis labels
      const y = 4 + (1 - (p.loss - min) / span) * (height - 8);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className="w2v-loss-curve"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="w2v-train-loss-curve"
    >
      <rect
        x={0}
        y={0}
        width={width}
        height={height}
        fill="none"
        stroke="currentColor"
        strokeOpacity={0.2}
      />
      {finite.length > 1 ? (
        <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} />
      ) : null}
      <text x={6} y={14} fontSize={11} fill="currentColor">
        {max.toFixed(3)}
      </text>
      <text x={6} y={height - 6} fontSize={11} fill="currentColor">
        {min.toFixed(3)}
      </text>
    </svg>
  );
}
