import {
  formatNumber,
  hiddenOf,
  nearestWords,
  oneHot,
  trainWord2Vec,
  type WordVectorsLabState,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';
import { ExploreVectorsButton } from './ExploreVectorsButton';
import { TrainWord2VecSection } from './TrainWord2VecSection';

export interface WordVectorsLabProps {
  readonly initial: WordVectorsLabState;
  readonly onChange: (state: WordVectorsLabState) => void;
}

/** Word vectors by hand: one-hot x, h = Wᵀx = row k of W, skip-gram training, cosine neighbours. */
export function WordVectorsLab({ initial, onChange }: WordVectorsLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<WordVectorsLabState>(initial);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);
  const settings = useMemo(
    () => ({
      corpus: state.corpus,
      window: state.window,
      dimension: state.dimension,
      eta: state.eta,
      seed: state.seed,
    }),
    [state.corpus, state.window, state.dimension, state.eta, state.seed],
  );
  const { model, losses } = useMemo(
    () => trainWord2Vec(settings, state.epochs),
    [settings, state.epochs],
  );
  const V = model.vocab.length;
  const k = Math.min(state.selected, Math.max(0, V - 1));
  const d = 3;
  const x = oneHot(k, V);
  const h = V > 0 ? hiddenOf(model, k) : [];
  const near = V > 1 ? nearestWords(model, k, 5) : [];
  const set = (patch: Partial<WordVectorsLabState>) => setState((s) => ({ ...s, ...patch }));
  const word = model.vocab[k] ?? '';
  // The explorer's demo before word2vec training in the app: the rows of this W as word vectors.
  const wordVectors = useMemo(
    () => ({
      words: model.vocab,
      dim: model.W[0]?.length ?? 0,
      vectors: Float32Array.from(model.W.flat()),
    }),
    [model],
  );

  return (
    <div className="rnn-lab">
      <section className="lab-panel" aria-label={t('w2v.corpus')}>
        <label className="lab-field w2v-corpus">
          <span>{t('w2v.corpus')}</span>
          <textarea
            className="lab-text"
            data-testid="w2v-corpus"
            rows={3}
            maxLength={2000}
            value={state.corpus}
            onChange={(e) => set({ corpus: e.target.value, epochs: 0, selected: 0 })}
          />
        </label>
        <div className="lab-row">
          <label className="lab-inline">
            {t('w2v.window')}
            <NumberInput
              value={state.window}
              integer
              min={1}
              max={5}
              testId="w2v-window"
              onChange={(v) => set({ window: v, epochs: 0 })}
            />
          </label>
          <label className="lab-inline">
            {t('w2v.dimension')}
            <NumberInput
              value={state.dimension}
              integer
              min={2}
              max={10}
              testId="w2v-dimension"
              onChange={(v) => set({ dimension: v, epochs: 0 })}
            />
          </label>
          <label className="lab-inline">
            η
            <NumberInput
              value={state.eta}
              min={0}
              max={10}
              testId="w2v-eta"
              onChange={(v) => set({ eta: v, epochs: 0 })}
            />
          </label>
          <label className="lab-inline">
            {t('bp.seed')}
            <NumberInput
              value={state.seed}
              integer
              min={0}
              max={1_000_000}
              testId="w2v-seed"
              onChange={(v) => set({ seed: v, epochs: 0 })}
            />
          </label>
          <button
            type="button"
            className="btn"
            data-testid="w2v-train-1"
            onClick={() => set({ epochs: Math.min(2000, state.epochs + 1) })}
          >
            {t('w2v.train', { n: 1 })}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="w2v-train-100"
            onClick={() => set({ epochs: Math.min(2000, state.epochs + 100) })}
          >
            {t('w2v.train', { n: 100 })}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="w2v-reset"
            onClick={() => set({ epochs: 0 })}
          >
            {t('w2v.reset')}
          </button>
          <span data-testid="w2v-status">
            {t('w2v.status', {
              epochs: state.epochs,
              loss: losses.length ? formatNumber(losses.at(-1) ?? 0, 4) : '—',
              vocab: V,
            })}
          </span>
        </div>
      </section>
      {V > 0 ? (
        <section className="lab-panel" aria-label={t('w2v.matrices')}>
          <h2>{t('w2v.matrices')}</h2>
          <p className="muted small">{t('w2v.hint')}</p>
          <div className="lab-row w2v-matrices">
            <table className="lab-table w2v-onehot" data-testid="w2v-onehot">
              <caption>{t('w2v.oneHot', { word })}</caption>
              <tbody>
                {model.vocab.map((w, i) => (
                  <tr
                    key={w}
                    className={i === k ? 'w2v-selected' : ''}
                    onClick={() => set({ selected: i })}
                  >
                    <th>{w}</th>
                    <td className="mono">{x[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="lab-table w2v-w" data-testid="w2v-W">
              <caption>
                W ({V} × {state.dimension})
              </caption>
              <tbody>
                {model.W.map((row, i) => (
                  <tr
                    key={i}
                    className={i === k ? 'w2v-selected' : ''}
                    onClick={() => set({ selected: i })}
                    data-testid={`w2v-row-${i}`}
                  >
                    <th>{model.vocab[i]}</th>
                    {row.map((v, j) => (
                      <td key={j} className="mono">
                        {formatNumber(v, d)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="w2v-side">
              <p className="bp-formula mono" data-testid="w2v-h">
                h = Wᵀx = v_{word}ᵀ = ({h.map((v) => formatNumber(v, d)).join(', ')})
              </p>
              <h3>{t('w2v.nearest', { word })}</h3>
              <ol data-testid="w2v-nearest">
                {near.map((n) => (
                  <li key={n.word} data-testid={`w2v-near-${n.word}`}>
                    {n.word} <span className="mono">cos = {formatNumber(n.similarity, 3)}</span>
                  </li>
                ))}
              </ol>
              <ExploreVectorsButton
                vectors={wordVectors}
                source={t('explorer.fromLab')}
                testId="w2v-explore"
              />
            </div>
          </div>
        </section>
      ) : null}
      <TrainWord2VecSection />
    </div>
  );
}
