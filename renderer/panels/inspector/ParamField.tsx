import { useEffect, useId, useState } from 'react';

import { formatDiagnostic, validateParam, type LayerSpec, type Locale, type ParamSpec, type ParamValue } from '@core';

import { paramToText, textToParam } from './param-text';

interface ParamFieldProps {
  readonly spec: LayerSpec;
  readonly param: ParamSpec;
  readonly value: ParamValue | undefined;
  readonly locale: Locale;
  /** Commits a valid value (one undo step). */
  readonly onCommit: (value: ParamValue) => void;
}

/**
 * One parameter with the control its type needs. Typed values are checked on
 * every keystroke (message beside the field) but committed only on Enter or
 * blur, so one edit is one undo step.
 */
export function ParamField({ spec, param, value, locale, onCommit }: ParamFieldProps) {
  const id = useId();
  const label = param.label[locale];
  const help = param.description[locale];

  if (param.type === 'bool') {
    return (
      <div className="field field-check" title={help}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked)} data-param={param.name} />
        <label htmlFor={id}>{label}</label>
        <p className="field-help">{help}</p>
      </div>
    );
  }

  if (param.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onCommit(e.target.value)} data-param={param.name}>
          {(param.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <p className="field-help">{help}</p>
      </div>
    );
  }

  return <TextParamField id={id} spec={spec} param={param} value={value} locale={locale} onCommit={onCommit} label={label} help={help} />;
}

function TextParamField({ id, spec, param, value, locale, onCommit, label, help }: ParamFieldProps & { readonly id: string; readonly label: string; readonly help: string }) {
  const committedText = paramToText(value);
  const [draft, setDraft] = useState(committedText);
  // An outside change (undo, another field) replaces the draft.
  useEffect(() => setDraft(committedText), [committedText]);

  const parsed = textToParam(param, draft);
  const problem = validateParam(spec, param, parsed);
  const message = problem ? formatDiagnostic(problem, locale) : null;
  const commit = (): void => {
    if (problem || draft === committedText) return;
    onCommit(parsed);
  };
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={param.type === 'float' ? 'decimal' : 'numeric'}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(committedText);
        }}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        className={problem ? 'is-invalid' : undefined}
        placeholder={param.nullable ? '—' : undefined}
        data-param={param.name}
      />
      {message !== null ? (
        <p className="field-error" id={errorId} role="alert" data-testid="field-error">
          {message}
        </p>
      ) : (
        <p className="field-help">{help}</p>
      )}
    </div>
  );
}
