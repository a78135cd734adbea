import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

import {
  formatPackMessage,
  metricName,
  type Expectation,
  type LoadedStep,
  type Locale,
} from '@core';

import { useState } from 'react';

import { parseTypedNumber } from '../labs/NumberInput';
import { Markdown } from './Markdown';
import { usePackState, usePackStore } from './pack-context';
import { stepState, updateStep } from './pack-store';
import { resultsOf } from './step-checks';

const statusMark = { pass: '✓', fail: '✗', pending: '…' } as const;

/**
 * One step's page: its instructions, the numbers the student types, and every
 * check with ✓/✗ and the hint when it is not met. The answer key is never
 * rendered: only whether a typed value is within the tolerance.
 */
export function StepCard({ loaded }: { readonly loaded: LoadedStep }) {
  const { t, i18n } = useTranslation('packs');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const store = usePackStore();
  const pack = usePackState((s) => s.pack);
  const state = usePackState((s) => s);
  if (!pack) return null;
  const step = loaded.step;
  const st = stepState(state, step.id);
  const results = resultsOf(state, pack, loaded);
  const expectationOf = (id: string): Expectation | undefined =>
    step.expectations.find((e) => e.id === id);

  return (
    <section className="pack-step-card" data-testid="pack-step-card" data-step={step.id}>
      <h3 className="pack-step-title">{step.title[locale]}</h3>
      <Markdown source={step.instructions[locale]} files={pack.files} />
      {step.expectations
        .filter((e) => e.kind === 'lab-answer')
        .map((e) => (
          <label key={e.id} className="pack-answer">
            <span>{t('step.yourValue', { quantity: e.quantity })}</span>
            <AnswerInput
              initial={st.answers[e.id] ?? null}
              testId={`pack-answer-${e.id}`}
              label={t('step.yourValue', { quantity: e.quantity })}
              onChange={(value) =>
                updateStep(store, step.id, (before) => ({
                  answers: { ...before.answers, [e.id]: value },
                }))
              }
            />
          </label>
        ))}
      {step.kind === 'reading' ? (
        <label className="pack-read">
          <input
            type="checkbox"
            data-testid="pack-mark-read"
            checked={st.done}
            onChange={(e) => updateStep(store, step.id, () => ({ done: e.target.checked }))}
          />
          {t('step.markRead')}
        </label>
      ) : null}
      <ul className="pack-checks" data-testid="pack-checks">
        {results.map((r) => {
          const hint = r.status !== 'pass' ? expectationOf(r.id)?.hint?.[locale] : undefined;
          return (
            <li
              key={r.id}
              className={`pack-check pack-check-${r.status}`}
              data-check={r.id}
              data-status={r.status}
            >
              <span className="pack-check-mark" aria-label={t(`status.${r.status}`)}>
                {statusMark[r.status]}
              </span>
              <span>
                {describe(expectationOf(r.id), r.id, t, locale)}
                {': '}
                {formatPackMessage(r.code, r.args, locale)}
                {hint ? (
                  <span className="pack-hint" data-testid="pack-hint">
                    {' '}
                    {t('step.hint')} {hint}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What a check is about, in words (never its key). */
function describe(
  e: Expectation | undefined,
  id: string,
  t: TFunction<'packs'>,
  locale: Locale,
): string {
  if (!e) return t(`check.${id === 'locks' ? 'locks' : id === 'reading' ? 'reading' : 'work'}`);
  if (e.kind === 'metric')
    return t('check.metric', { metric: metricName(e.metric, locale), op: e.op, value: e.value });
  if (e.kind === 'param-count') return t('check.params', { op: e.op, value: e.value });
  return t('check.answer', { quantity: e.quantity });
}

/** A typed number ("0,5" and "−1" accepted); empty or unreadable text is no answer yet. */
function AnswerInput({
  initial,
  testId,
  label,
  onChange,
}: {
  readonly initial: number | null;
  readonly testId: string;
  readonly label: string;
  readonly onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(initial === null ? '' : String(initial));
  return (
    <input
      className="lab-number pack-answer-input"
      inputMode="decimal"
      aria-label={label}
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() === '' ? null : parseTypedNumber(e.target.value));
      }}
    />
  );
}
