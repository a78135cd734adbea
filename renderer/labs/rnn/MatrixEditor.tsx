import { NumberInput } from '../NumberInput';

/** A small grid of number fields with row and column labels, e.g. W[j,i] or xₜ[i]. */
export function MatrixEditor({
  label,
  values,
  rowLabel,
  colLabel,
  testId,
  onChange,
}: {
  readonly label: string;
  readonly values: readonly (readonly number[])[];
  readonly rowLabel: (r: number) => string;
  readonly colLabel: (c: number) => string;
  /** Cells get `${testId}-${r + 1}-${c + 1}`. */
  readonly testId: string;
  readonly onChange: (r: number, c: number, v: number) => void;
}) {
  const cols = values[0]?.length ?? 0;
  return (
    <fieldset className="lab-fieldset rnn-matrix">
      <legend>{label}</legend>
      <table>
        <thead>
          <tr>
            <th />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} className="muted small">
                {colLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, r) => (
            <tr key={r}>
              <th className="muted small">{rowLabel(r)}</th>
              {row.map((v, c) => (
                <td key={c}>
                  <NumberInput
                    value={v}
                    label={`${label} ${rowLabel(r)} ${colLabel(c)}`}
                    testId={`${testId}-${r + 1}-${c + 1}`}
                    onChange={(x) => onChange(r, c, x)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
