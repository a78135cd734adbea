import {
  GAN_CONFIDENT_DISCRIMINATOR,
  GAN_LIMITS,
  ganGeneratorLosses,
  type GanLabState,
} from '@core';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';
import { MatrixEditor } from '../rnn/MatrixEditor';
import { withCell } from '../rnn/rnn-state';
import { defaultGanState, extraNoise, extraReal } from './gan-defaults';

type Update = (f: (s: GanLabState) => GanLabState) => void;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const pair = (r: readonly number[]): [number, number] => [r[0] ?? 0, r[1] ?? 0];

function resizeBatch(s: GanLabState, m: number, n: number): GanLabState {
  return {
    ...s,
    real: range(m).map((i) => pair(s.real[i - 1] ?? extraReal[i - 3] ?? [0, 0])),
    noise: range(n).map((j) => s.noise[j - 1] ?? extraNoise[j - 3] ?? 0),
  };
}

/** The lab's starting numbers: the batch, both players, the learning rates and the G loss. */
export function GanSettings({
  state,
  update,
}: {
  readonly state: GanLabState;
  readonly update: Update;
}) {
  const { t } = useTranslation('labs');
  const m = state.real.length;
  const n = state.noise.length;
  const { generator: g, discriminator: d } = state;
  const countSelect = (key: 'realCount' | 'noiseCount', value: number) => (
    <label className="lab-field">
      <span>{t(`gan.${key}`)}</span>
      <select
        data-testid={`gan-${key}`}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          update((s) => resizeBatch(s, key === 'realCount' ? v : m, key === 'noiseCount' ? v : n));
        }}
      >
        {range(GAN_LIMITS.maxBatch).map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );
  const rate = (key: 'etaD' | 'etaG', label: string) => (
    <label className="lab-field">
      <span>{label}</span>
      <NumberInput
        value={state[key]}
        testId={`gan-${key}`}
        label={label}
        min={0}
        onChange={(v) => update((s) => ({ ...s, [key]: v }))}
      />
    </label>
  );

  return (
    <section className="lab-panel gan-settings" aria-label={t('gan.settings')}>
      <h2>{t('gan.settings')}</h2>
      <p className="muted small">{t('gan.exampleValues')}</p>
      <div className="lab-row">
        {countSelect('realCount', m)}
        {countSelect('noiseCount', n)}
      </div>
      <div className="lab-row rnn-matrices">
        <MatrixEditor
          label={t('gan.realPoints')}
          values={state.real}
          rowLabel={(r) => `x${r + 1}`}
          colLabel={(c) => `[${c + 1}]`}
          testId="gan-x"
          onChange={(r, c, v) =>
            update((s) => ({ ...s, real: withCell(s.real, r, c, v).map(pair) }))
          }
        />
        <MatrixEditor
          label={t('gan.noise')}
          values={state.noise.map((z) => [z])}
          rowLabel={(r) => `z${r + 1}`}
          colLabel={() => 'z'}
          testId="gan-z"
          onChange={(r, _c, v) =>
            update((s) => ({ ...s, noise: s.noise.map((z, j) => (j === r ? v : z)) }))
          }
        />
        <MatrixEditor
          label={t('gan.generator')}
          values={[g.a, g.c]}
          rowLabel={(r) => (r === 0 ? 'a' : 'c')}
          colLabel={(c) => `[${c + 1}]`}
          testId="gan-G"
          onChange={(r, c, v) =>
            update((s) => {
              const [a, cc] = withCell([s.generator.a, s.generator.c], r, c, v);
              return { ...s, generator: { a: pair(a ?? []), c: pair(cc ?? []) } };
            })
          }
        />
        <MatrixEditor
          label={t('gan.discriminator')}
          values={[[d.w[0], d.w[1], d.b]]}
          rowLabel={() => 'D'}
          colLabel={(c) => ['w1', 'w2', 'b'][c] ?? ''}
          testId="gan-D"
          onChange={(_r, c, v) =>
            update((s) => {
              const [w1, w2, b] = [
                s.discriminator.w[0],
                s.discriminator.w[1],
                s.discriminator.b,
              ].map((x, k) => (k === c ? v : x));
              return { ...s, discriminator: { w: [w1 ?? 0, w2 ?? 0], b: b ?? 0 } };
            })
          }
        />
      </div>
      <div className="lab-row">
        {rate('etaD', 'η_D')}
        {rate('etaG', 'η_G')}
        <label className="lab-field">
          <span>{t('gan.generatorLoss')}</span>
          <select
            data-testid="gan-loss"
            value={state.generatorLoss}
            onChange={(e) => update((s) => ({ ...s, generatorLoss: e.target.value }))}
          >
            {ganGeneratorLosses.map((l) => (
              <option key={l} value={l}>
                {t(`gan.losses.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="lab-field">
          <span>{t('bp.decimals')}</span>
          <select
            data-testid="gan-decimals"
            value={state.decimals}
            onChange={(e) => update((s) => ({ ...s, decimals: Number(e.target.value) }))}
          >
            {[2, 3, 4, 5, 6, 8].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lab-row">
        <button
          type="button"
          className="btn"
          data-testid="gan-confident"
          title={t('gan.confidentHint')}
          onClick={() =>
            update((s) => ({
              ...s,
              discriminator: {
                w: pair(GAN_CONFIDENT_DISCRIMINATOR.w),
                b: GAN_CONFIDENT_DISCRIMINATOR.b,
              },
            }))
          }
        >
          {t('gan.confident')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="gan-reset"
          onClick={() => update(() => defaultGanState)}
        >
          {t('gan.reset')}
        </button>
      </div>
    </section>
  );
}
