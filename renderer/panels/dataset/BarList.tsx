/** A horizontal bar chart as a list (readable by screen readers, no chart library needed). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Marks a bar (e.g. a class flagged as too small). */
  readonly flagged?: boolean;
}

export function BarList({
  bars,
  testId,
  labelOf,
}: {
  readonly bars: readonly Bar[];
  readonly testId: string;
  readonly labelOf?: (bar: Bar) => string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="dataset-bars" data-testid={testId}>
      {bars.map((bar) => (
        <li
          key={bar.label}
          className={bar.flagged === true ? 'dataset-bar flagged' : 'dataset-bar'}
          data-label={bar.label}
          data-value={bar.value}
        >
          <span className="dataset-bar-label" title={bar.label}>
            {bar.label}
          </span>
          <span className="dataset-bar-track" aria-hidden="true">
            <span className="dataset-bar-fill" style={{ width: `${(100 * bar.value) / max}%` }} />
          </span>
          <span className="dataset-bar-value">{labelOf ? labelOf(bar) : bar.value}</span>
        </li>
      ))}
    </ul>
  );
}
