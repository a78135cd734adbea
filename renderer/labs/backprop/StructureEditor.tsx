import {
  activationNames,
  backpropLossFromTraining,
  denseNetShapeFromGraph,
  isActivationName,
  parseProject,
  randomDenseNet,
  randomValues,
  seededRandom,
  type ActivationName,
  type BackpropLabState,
  type DenseNetShape,
} from '@core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listTemplates } from '../../app/templates';
import { defaultBackpropState } from '../lab-defaults';
import { NumberInput } from '../NumberInput';

function parseSizes(text: string): number[] | null {
  const parts = text
    .split(/[-,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (
    parts.length < 2 ||
    parts.length > 6 ||
    !parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 20)
  )
    return null;
  return parts;
}

/** A state with the given structure and seeded random numbers (targets in 0…1 for sigmoid outputs). */
export function randomState(
  base: BackpropLabState,
  sizes: readonly number[],
  acts: readonly ActivationName[],
  withBias: boolean | readonly boolean[],
  seed: number,
): BackpropLabState {
  const net = randomDenseNet(sizes, acts, seed, withBias !== false);
  const biasOn = (l: number) => (typeof withBias === 'boolean' ? withBias : (withBias[l] ?? true));
  const random = seededRandom(seed + 1);
  const inputs = randomValues(sizes[0] ?? 1, random);
  const rawTargets = randomValues(sizes[sizes.length - 1] ?? 1, random);
  const last = acts[acts.length - 1];
  const targets =
    last === 'sigmoid'
      ? rawTargets.map((v) => Math.abs(v))
      : last === 'relu'
        ? rawTargets.map((v) => Math.abs(v))
        : rawTargets;
  return {
    ...base,
    layerSizes: [...sizes],
    activations: [...acts],
    kernels: net.kernels.map((k) => k.map((r) => [...r])),
    biases: net.biases.map((b, l) => (b && biasOn(l) ? [...b] : null)),
    inputs,
    targets,
    loss: base.loss === 'binary-cross-entropy' && last !== 'sigmoid' ? 'mean-sse' : base.loss,
    step: 0,
  };
}

/** Layer sizes, activations, biases, and the seeded-random / course-defaults buttons. */
interface NetTemplate {
  readonly id: string;
  readonly shape: DenseNetShape;
  readonly loss: BackpropLabState['loss'] | null;
  readonly eta: number | null;
}

/** Templates whose graph is a Dense chain the lab can trace (e.g. backprop-323). */
function useNetTemplates(): readonly NetTemplate[] {
  return useMemo(
    () =>
      listTemplates().flatMap((tpl) => {
        const project = parseProject(tpl.contents);
        if (!project.ok) return [];
        const shape = denseNetShapeFromGraph(project.value.graph);
        if (!shape.ok) return [];
        const lr = project.value.training.optimizer.learningRate;
        return [
          {
            id: tpl.id,
            shape: shape.value,
            loss: backpropLossFromTraining(project.value.training.loss),
            eta: typeof lr === 'number' ? lr : null,
          },
        ];
      }),
    [],
  );
}

export function StructureEditor({
  state,
  onChange,
}: {
  readonly state: BackpropLabState;
  readonly onChange: (s: BackpropLabState) => void;
}) {
  const { t } = useTranslation('labs');
  const [sizesText, setSizesText] = useState(state.layerSizes.join('-'));
  const [seed, setSeed] = useState(1);
  const sizes = parseSizes(sizesText);
  const tooMany = sizes !== null && sizes.slice(1).reduce((a, b) => a + b, 0) > 40;
  const acts = (n: number): ActivationName[] =>
    Array.from({ length: n }, (_, i) => {
      const a = state.activations[i];
      return a && isActivationName(a) ? a : 'sigmoid';
    });
  const withBias = state.biases.some((b) => b !== null);
  const templates = useNetTemplates();
  const fromTemplate = (id: string) => {
    const tpl = templates.find((x) => x.id === id);
    if (!tpl) return;
    setSizesText(tpl.shape.layerSizes.join('-'));
    const next = randomState(
      state,
      tpl.shape.layerSizes,
      tpl.shape.activations,
      tpl.shape.useBias,
      seed,
    );
    onChange({ ...next, loss: tpl.loss ?? next.loss, eta: tpl.eta ?? next.eta });
  };
  return (
    <div className="bp-structure">
      <div className="lab-row">
        <label className="lab-field">
          <span>{t('bp.layers')}</span>
          <input
            className={`lab-text short${sizes && !tooMany ? '' : ' lab-invalid'}`}
            data-testid="bp-sizes"
            value={sizesText}
            onChange={(e) => setSizesText(e.target.value)}
          />
        </label>
        <label className="lab-inline">
          <input
            type="checkbox"
            checked={withBias}
            data-testid="bp-bias"
            onChange={(e) =>
              onChange(
                randomState(
                  state,
                  state.layerSizes,
                  acts(state.layerSizes.length - 1),
                  e.target.checked,
                  seed,
                ),
              )
            }
          />
          {t('bp.useBias')}
        </label>
        <label className="lab-inline">
          {t('bp.seed')}
          <NumberInput value={seed} integer min={0} testId="bp-seed" onChange={setSeed} />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="bp-random"
          disabled={!sizes || tooMany}
          onClick={() =>
            sizes && onChange(randomState(state, sizes, acts(sizes.length - 1), withBias, seed))
          }
        >
          {t('bp.random')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="bp-course"
          onClick={() => {
            setSizesText('3-2-3');
            onChange({ ...defaultBackpropState, loss: state.loss, decimals: state.decimals });
          }}
        >
          {t('bp.course')}
        </button>
      </div>
      {templates.length > 0 ? (
        <div className="lab-row">
          <label className="lab-inline">
            {t('bp.fromTemplate')}
            <select
              data-testid="bp-template"
              value=""
              onChange={(e) => fromTemplate(e.target.value)}
            >
              <option value="" disabled>
                {t('bp.chooseTemplate')}
              </option>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {t(`app:templates.${tpl.id}.name`, { defaultValue: tpl.id })} (
                  {tpl.shape.layerSizes.join('-')})
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {tooMany ? <p className="lab-error">{t('errors.bp-too-many-units')}</p> : null}
      <div className="lab-row">
        {state.activations.map((a, l) => (
          <label key={l} className="lab-inline">
            {t('bp.layerActivation', { layer: l + 1 })}
            <select
              value={a}
              data-testid={`bp-activation-${l + 1}`}
              onChange={(e) =>
                onChange({
                  ...state,
                  activations: state.activations.map((x, j) => (j === l ? e.target.value : x)),
                  step: 0,
                })
              }
            >
              {activationNames.map((name) => (
                <option key={name} value={name}>
                  {t(`activation.${name}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </div>
  );
}
