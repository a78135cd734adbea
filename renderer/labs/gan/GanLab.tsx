import { ganFormulas, ganProblemOfState, traceGan, type GanLabState, type GanLine } from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { GanPlane } from './GanPlane';
import { GanSettings } from './GanSettings';

export interface GanLabProps {
  readonly initial: GanLabState;
  readonly onChange: (state: GanLabState) => void;
}

const STAGES = [0, 1, 2] as const;

function Line({ line: l }: { readonly line: GanLine }) {
  const testId = `gan-line-${l.id}`;
  return (
    <p className="bp-formula mono" data-testid={testId}>
      {l.line.lhs} = {l.line.symbolic} = {l.line.substituted} ={' '}
      <strong data-testid={`${testId}-result`} data-value={l.value}>
        {l.line.result}
      </strong>
    </p>
  );
}

/**
 * The generative-models lesson: the adversarial game of a GAN on the 2-D toy, by hand. A
 * stepper goes forward → one D step → one G step; the picture shows D's decision surface and
 * where the G step moves the fakes; every number of the round is written out (core's
 * `ganFormulas`).
 */
export function GanLab({ initial, onChange }: GanLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<GanLabState>(initial);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);
  const problem = useMemo(() => ganProblemOfState(state), [state]);
  const trace = useMemo(() => traceGan(problem), [problem]);
  const f = ganFormulas(problem, trace, state.decimals);
  const stage = state.stage;
  const setStage = (k: number) => setState((s) => ({ ...s, stage: k }));
  const fmt = (v: number) => v.toFixed(state.decimals);
  const lossG = (v: number) =>
    t(`gan.summary.${state.generatorLoss === 'saturating' ? 'lossGSat' : 'lossG'}`, {
      value: fmt(v),
    });

  return (
    <div className="gan-lab">
      <div className="gan-top">
        <div className="gan-left">
          <GanSettings state={state} update={setState} />
          <section className="lab-panel" aria-label={t('gan.game')}>
            <h2>{t('gan.game')}</h2>
            <p className="mono gan-objective" data-testid="gan-objective">
              {t('gan.objective')}
            </p>
            <p className="mono gan-objective">{t('gan.objectiveBatch')}</p>
            <ul className="gan-summary" data-testid="gan-summary">
              <li>{t('gan.summary.V', { value: fmt(trace.forward.V) })}</li>
              {stage >= 1 ? (
                <li>
                  {t('gan.summary.lossD', {
                    before: fmt(trace.forward.lossD),
                    after: fmt(trace.dStep.forwardAfter.lossD),
                  })}
                </li>
              ) : null}
              {stage >= 2 ? (
                <li>
                  {lossG(trace.gStep.lossBefore)} → {fmt(trace.gStep.lossAfter)}
                </li>
              ) : null}
            </ul>
          </section>
        </div>
        <section className="lab-panel gan-game" aria-label={t('gan.stepper')}>
          <div className="lab-row" role="group" aria-label={t('gan.stepper')}>
            {STAGES.map((k) => (
              <button
                key={k}
                type="button"
                className={`btn${k === stage ? ' btn-primary' : ''}`}
                aria-pressed={k === stage}
                data-testid={`gan-stage-${k}`}
                onClick={() => setStage(k)}
              >
                {k + 1}. {t(`gan.stages.${k}`)}
              </button>
            ))}
            <button
              type="button"
              className="btn"
              data-testid="gan-next"
              disabled={stage >= 2}
              onClick={() => setStage(Math.min(2, stage + 1))}
            >
              {t('gan.next')} →
            </button>
          </div>
          <p className="gan-explain" data-testid="gan-shading">
            {t(stage === 0 ? 'gan.plane.shading0' : 'gan.plane.shading1')}
          </p>
          <GanPlane
            real={state.real}
            fakes={trace.forward.fake.map((s) => s.x)}
            moved={stage === 2 ? trace.gStep.fakesAfter : null}
            generator={state.generator}
            discriminator={stage === 0 ? state.discriminator : trace.dStep.after}
          />
        </section>
      </div>
      <section className="lab-panel" aria-label={t(`gan.stages.${stage}`)} data-testid="gan-steps">
        <h2>{t('gan.headings.forward')}</h2>
        <p className="gan-explain">{t('gan.explain.forward')}</p>
        {f.forward.map((l) => (
          <Line key={l.id} line={l} />
        ))}
        {stage >= 1 ? (
          <>
            <h2>{t('gan.headings.dStep')}</h2>
            <p className="gan-explain">{t('gan.explain.dStep')}</p>
            {f.dStep.map((l) => (
              <Line key={l.id} line={l} />
            ))}
          </>
        ) : null}
        {stage >= 2 ? (
          <>
            <h2>{t('gan.headings.gStep')}</h2>
            <p className="gan-explain">{t('gan.explain.gStep')}</p>
            {f.gStep.map((l) => (
              <Line key={l.id} line={l} />
            ))}
            <h2>{t('gan.headings.compare')}</h2>
            <p className="gan-explain">{t('gan.explain.compare')}</p>
            <div data-testid="gan-compare">
              {f.compare.map((l) => (
                <Line key={l.id} line={l} />
              ))}
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}
