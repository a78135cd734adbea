import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  formatDiagnostic,
  validateParam,
  type LayerSpec,
  type Locale,
  type ParamSpec,
  type ParamValue,
} from '@core';

import { paramToText, textToParam } from './param-text';

interface ParamFieldProps {
  readonly spec: LayerSpec;
  readonly param: ParamSpec;
  readonly value: ParamValue | undefined;
  readonly locale: Locale;
  /** Commits a valid value (one undo step). */
  readonly onCommit: (value: ParamValue) => void;
  /** The dataset's value when this param follows the dataset (canvas/followed-params.ts). */
  readonly followed?: ParamValue | undefined;
  /** Locked by a lab package (renderer/packs): shown read-only with a lock mark. */
  readonly locked?: boolean;
}

/**
 * One parameter with the control its type needs. Typed values are checked on
 * every keystroke (message beside the field) but committed only on Enter or
 * blur, so one edit is one undo step.
 */
export function ParamField({
  spec,
  param,
  value,
  locale,
  onCommit,
  followed,
  locked = false,
}: ParamFieldProps) {
  const id = useId();
  const label = param.label[locale];
  const help = param.description[locale];

  if (locked) return <LockedField id={id} label={label} value={value ?? null} />;

  if (followed !== undefined) return <FollowedField id={id} label={label} value={followed} />;

  if (param.type === 'bool') {
    return (
      <div className="field field-check" title={help}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onCommit(e.target.checked)}
          data-param={param.name}
        />
        <label htmlFor={id}>{label}</label>
        <p className="field-help">{help}</p>
      </div>
    );
  }

  if (param.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onCommit(e.target.value)}
          data-param={param.name}
        >
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

  if (param.type === 'intList' && param.length !== undefined && param.length <= 4) {
    return (
      <IntListField
        id={id}
        spec={spec}
        param={param}
        value={value}
        locale={locale}
        onCommit={onCommit}
        label={label}
        help={help}
        length={param.length}
      />
    );
  }

  return (
    <TextParamField
      id={id}
      spec={spec}
      param={param}
      value={value}
      locale={locale}
      onCommit={onCommit}
      label={label}
      help={help}
    />
  );
}

/**
 * A param the dataset sets: its effective value, read-only, marked as the
 * dataset's, so the inspector never shows the stored number training ignores.
 */
/** A parameter a lab package locked: its value, read-only, with a lock and why. */
function LockedField({
  id,
  label,
  value,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: ParamValue;
}) {
  const { t } = useTranslation();
  const why = t('packs:locks.paramTooltip');
  return (
    <div className="field field-locked" title={why}>
      <label htmlFor={id}>
        <span className="lock-mark" aria-hidden="true">
          🔒
        </span>{' '}
        {label}
      </label>
      <input
        id={id}
        type="text"
        readOnly
        aria-readonly="true"
        value={paramToText(value)}
        aria-describedby={`${id}-locked`}
        data-locked="true"
      />
      <p className="field-help locked-note" id={`${id}-locked`}>
        {why}
      </p>
    </div>
  );
}

function FollowedField({
  id,
  label,
  value,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: ParamValue;
}) {
  const { t } = useTranslation();
  return (
    <div className="field field-followed">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        readOnly
        value={paramToText(value)}
        aria-describedby={`${id}-follows`}
        data-follows-dataset="true"
      />
      <p className="field-help follows-note" id={`${id}-follows`}>
        {t('editor:inspector.followsDataset')}
      </p>
    </div>
  );
}

type FieldProps = ParamFieldProps & {
  readonly id: string;
  readonly label: string;
  readonly help: string;
};

/** A fixed-length int list (kernel 3 × 3) as one small box per entry; committed when focus leaves the group. */
function IntListField({
  id,
  spec,
  param,
  value,
  locale,
  onCommit,
  label,
  help,
  length,
}: FieldProps & { readonly length: number }) {
  const committed = Array.from({ length }, (_, i) =>
    Array.isArray(value) && value[i] !== undefined ? String(value[i]) : '',
  );
  const committedKey = committed.join('|');
  const [drafts, setDrafts] = useState(committed);
  // An outside change (undo, another field) replaces the drafts.
  useEffect(() => setDrafts(committedKey.split('|')), [committedKey]);

  const parsed = drafts.map((d) => (d.trim() === '' ? Number.NaN : Number(d.trim())));
  const problem = validateParam(
    spec,
    param,
    parsed.some((n) => Number.isNaN(n)) ? drafts.join(', ') : parsed,
  );
  const message = problem ? formatDiagnostic(problem, locale) : null;
  const commit = (): void => {
    if (problem || drafts.join('|') === committedKey) return;
    onCommit(parsed);
  };
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={`${id}-0`}>{label}</label>
      <div
        className="int-list"
        role="group"
        aria-label={label}
        data-param={param.name}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
        }}
      >
        {drafts.map((draft, i) => (
          <span key={i} className="int-list-entry">
            {i > 0 && (
              <span className="int-list-sep" aria-hidden="true">
                ×
              </span>
            )}
            <input
              id={`${id}-${i}`}
              type="text"
              inputMode="numeric"
              value={draft}
              aria-label={`${label} ${i + 1}`}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              className={problem ? 'is-invalid' : undefined}
              onChange={(e) => setDrafts(drafts.map((d, j) => (j === i ? e.target.value : d)))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit();
                if (e.key === 'Escape') setDrafts(committed);
              }}
              data-param={`${param.name}.${i}`}
            />
          </span>
        ))}
      </div>
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

function TextParamField({ id, spec, param, value, locale, onCommit, label, help }: FieldProps) {
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
