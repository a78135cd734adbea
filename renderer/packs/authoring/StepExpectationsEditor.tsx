import { useTranslation } from 'react-i18next';

import {
  answerableQuantities,
  changeStep,
  freshExpectationId,
  type DraftStep,
  type Expectation,
} from '@core';

import { useAuthorState, useAuthorStore } from './author-context';
import { editDraft, markUndoPoint } from './author-store';
import { BilingualField } from './BilingualField';

const metrics = ['valAccuracy', 'accuracy', 'valLoss', 'loss'] as const;
const ops = ['>=', '<='] as const;

/**
 * What a step expects, each with a hint in both languages. A lab step asks
 * for numbers the lab computes (their keys come from the step's numbers when
 * the package is built); a project step sets a training result or a size.
 */
export function StepExpectationsEditor({ step }: { readonly step: DraftStep }) {
  const { t } = useTranslation('author');
  const store = useAuthorStore();
  const undoCount = useAuthorState((s) => s.undoCount);
  const quantities = step.kind === 'lab' ? answerableQuantities(step.lab) : [];

  const setAll = (
    change: (list: readonly Expectation[]) => readonly Expectation[],
    capture: 'record' | 'merge' = 'record',
  ) =>
    editDraft(
      store,
      (draft) =>
        changeStep(draft, step.id, (s) => ({ ...s, expectations: change(s.expectations) })),
      capture,
    );
  const add = (make: (id: string) => Expectation) =>
    editDraft(store, (draft) =>
      changeStep(draft, step.id, (s) => ({
        ...s,
        expectations: [...s.expectations, make(freshExpectationId(draft))],
      })),
    );
  const update = (id: string, patch: Partial<Expectation>, capture: 'record' | 'merge') =>
    setAll(
      (list) => list.map((e) => (e.id === id ? ({ ...e, ...patch } as Expectation) : e)),
      capture,
    );
  const numberOf = (text: string): number | null => {
    const value = Number(text);
    return text.trim() === '' || !Number.isFinite(value) ? null : value;
  };

  if (step.kind === 'reading') return null;
  return (
    <fieldset className="author-expectations" data-testid="author-expectations">
      <legend>{t('expect.title')}</legend>
      {step.expectations.length === 0 ? <p className="muted">{t('expect.none')}</p> : null}
      <ul className="author-expectation-list">
        {step.expectations.map((e) => (
          <li key={e.id} className="author-expectation" data-testid={`author-expectation-${e.id}`}>
            <div className="author-expectation-row">
              {e.kind === 'lab-answer' ? (
                <>
                  <label>
                    {t('expect.quantity')}
                    <select
                      data-testid="author-answer-quantity"
                      value={e.quantity}
                      onChange={(ev) => update(e.id, { quantity: ev.target.value }, 'record')}
                    >
                      {(quantities.includes(e.quantity)
                        ? quantities
                        : [e.quantity, ...quantities]
                      ).map((q) => (
                        <option key={q} value={q}>
                          {q}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('expect.tolerance')}
                    <input
                      type="number"
                      step="any"
                      min={0}
                      data-testid="author-answer-tolerance"
                      key={`tolerance-${undoCount}`}
                      defaultValue={e.tolerance}
                      onFocus={() => markUndoPoint(store)}
                      onChange={(ev) => {
                        const v = numberOf(ev.target.value);
                        if (v !== null && v >= 0) update(e.id, { tolerance: v }, 'merge');
                      }}
                    />
                  </label>
                </>
              ) : null}
              {e.kind === 'metric' ? (
                <select
                  aria-label={t('expect.metric')}
                  data-testid="author-metric"
                  value={e.metric}
                  onChange={(ev) =>
                    update(e.id, { metric: ev.target.value as (typeof metrics)[number] }, 'record')
                  }
                >
                  {metrics.map((m) => (
                    <option key={m} value={m}>
                      {t(`metrics.${m}`)}
                    </option>
                  ))}
                </select>
              ) : null}
              {e.kind === 'param-count' ? <span>{t('expect.params')}</span> : null}
              {e.kind !== 'lab-answer' ? (
                <>
                  <select
                    aria-label={t('expect.op')}
                    data-testid="author-op"
                    value={e.op}
                    onChange={(ev) =>
                      update(e.id, { op: ev.target.value as (typeof ops)[number] }, 'record')
                    }
                  >
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {op === '>=' ? '≥' : '≤'}
                      </option>
                    ))}
                  </select>
                  <input
                    type="number"
                    step="any"
                    aria-label={t('expect.value')}
                    data-testid="author-value"
                    key={`value-${undoCount}`}
                    defaultValue={e.value}
                    onFocus={() => markUndoPoint(store)}
                    onChange={(ev) => {
                      const v = numberOf(ev.target.value);
                      if (v === null) return;
                      if (e.kind === 'param-count' && (!Number.isInteger(v) || v < 0)) return;
                      update(e.id, { value: v }, 'merge');
                    }}
                  />
                </>
              ) : null}
              <button
                type="button"
                className="btn btn-small"
                data-testid="author-expectation-remove"
                aria-label={t('expect.remove')}
                title={t('expect.remove')}
                onClick={() => setAll((list) => list.filter((x) => x.id !== e.id))}
              >
                ✕
              </button>
            </div>
            <BilingualField
              label={t('expect.hint')}
              value={e.hint ?? { en: '', 'zh-CN': '' }}
              maxLength={300}
              testId={`author-hint-${e.id}`}
              onFocus={() => markUndoPoint(store)}
              onChange={(hint) =>
                update(
                  e.id,
                  hint.en.trim() === '' && hint['zh-CN'].trim() === ''
                    ? { hint: undefined }
                    : { hint },
                  'merge',
                )
              }
            />
          </li>
        ))}
      </ul>
      <div className="author-add-row">
        {step.kind === 'lab' ? (
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-add-answer"
            disabled={quantities.length === 0}
            title={quantities.length === 0 ? t('expect.noQuantities') : undefined}
            onClick={() =>
              add((id) => ({
                id,
                kind: 'lab-answer',
                quantity: quantities[0] ?? '',
                tolerance: 1e-3,
              }))
            }
          >
            {t('expect.addAnswer')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-small"
              data-testid="author-add-metric"
              onClick={() =>
                add((id) => ({ id, kind: 'metric', metric: 'valAccuracy', op: '>=', value: 0.8 }))
              }
            >
              {t('expect.addMetric')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              data-testid="author-add-params"
              onClick={() => add((id) => ({ id, kind: 'param-count', op: '<=', value: 100_000 }))}
            >
              {t('expect.addParams')}
            </button>
          </>
        )}
      </div>
    </fieldset>
  );
}
