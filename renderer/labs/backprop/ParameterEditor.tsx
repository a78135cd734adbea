import { biasName, listParameters, weightName, type BackpropLabState } from '@core';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';

/** Inputs, targets, η and every weight/bias of the net, each editable. */
export function ParameterEditor({
  state,
  onChange,
}: {
  readonly state: BackpropLabState;
  readonly onChange: (s: BackpropLabState) => void;
}) {
  const { t } = useTranslation('labs');
  // Editing a number keeps the current step, so the effect shows at once.
  const reset = onChange;
  const sizes = state.layerSizes;
  const params = listParameters({
    layerSizes: sizes,
    activations: [],
    kernels: state.kernels,
    biases: state.biases,
  });
  const setParameter = (name: string, value: number) =>
    reset({
      ...state,
      kernels: state.kernels.map((k, l) =>
        k.map((row, i) => row.map((w, j) => (weightName(sizes, l, i, j) === name ? value : w))),
      ),
      biases: state.biases.map(
        (b, l) => b?.map((v, j) => (biasName(sizes, l + 1, j) === name ? value : v)) ?? null,
      ),
    });
  return (
    <div className="bp-params">
      <div className="lab-row">
        <fieldset className="lab-fieldset">
          <legend>{t('bp.inputs')}</legend>
          {state.inputs.map((v, i) => (
            <label key={i} className="lab-inline">
              x{i + 1}
              <NumberInput
                value={v}
                field="inputs"
                testId={`bp-input-${i + 1}`}
                onChange={(x) =>
                  reset({ ...state, inputs: state.inputs.map((o, j) => (j === i ? x : o)) })
                }
              />
            </label>
          ))}
        </fieldset>
        <fieldset className="lab-fieldset">
          <legend>{t('bp.targets')}</legend>
          {state.targets.map((v, i) => (
            <label key={i} className="lab-inline">
              y{i + 1}
              <NumberInput
                value={v}
                field="targets"
                testId={`bp-target-${i + 1}`}
                onChange={(x) =>
                  reset({ ...state, targets: state.targets.map((o, j) => (j === i ? x : o)) })
                }
              />
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset className="lab-fieldset">
        <legend>{t('bp.weights')}</legend>
        <div className="bp-weight-grid">
          {params.map((p) => (
            <label key={p.name} className="lab-inline">
              {p.name}
              <NumberInput
                value={p.value}
                field={p.name.startsWith('b_') ? 'biases' : 'kernels'}
                testId={`bp-weight-${p.name}`}
                onChange={(x) => setParameter(p.name, x)}
              />
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
