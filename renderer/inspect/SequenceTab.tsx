import type { LayerInfo, WordVectors } from '@core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ExplorerDialog } from '../labs/word-vectors/ExplorerDialog';
import type { InspectClient } from './inspect-client';
import { GateView } from './GateView';
import { useInspectRequest } from './use-inspect-request';
import { WideDialog } from './WideDialog';

interface SequenceTabProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly layers: readonly LayerInfo[];
  readonly kind: 'image' | 'text' | null;
  readonly focusLayer: string | null;
  readonly width: number;
}

const gatedClasses = new Set(['LSTM', 'GRU']);

/**
 * Inside a trained text model: its Embedding layers' word vectors (opened in
 * the embedding explorer) and its LSTM/GRU layers' gates over a typed sentence.
 */
export function SequenceTab({
  client,
  version,
  layers,
  kind,
  focusLayer,
  width,
}: SequenceTabProps) {
  const { t } = useTranslation('inspect');
  const embeddings = layers.filter((l) => l.className === 'Embedding');
  const recurrent = layers.filter((l) => gatedClasses.has(l.className));
  const [layer, setLayer] = useState<string | null>(null);
  const chosen =
    recurrent.find((l) => l.name === layer) ??
    recurrent.find((l) => l.name === focusLayer) ??
    recurrent[0] ??
    null;
  const [draft, setDraft] = useState('');
  const [sentence, setSentence] = useState<string | null>(null);
  const gates = useInspectRequest(
    client,
    chosen && sentence !== null
      ? { type: 'recurrentGates', layer: chosen.name, sample: { source: 'text', text: sentence } }
      : null,
    `${chosen?.name ?? ''}\u0000${sentence ?? ''}`,
    version,
  );
  const [explore, setExplore] = useState<{ layer: string; vectors: WordVectors } | null>(null);
  const [loadingLayer, setLoadingLayer] = useState<string | null>(null);
  const [wide, setWide] = useState(false);
  const [exploreError, setExploreError] = useState<string | null>(null);

  const openExplorer = (name: string) => {
    setLoadingLayer(name);
    setExploreError(null);
    void client.request({ type: 'embeddingVectors', layer: name }).then((result) => {
      setLoadingLayer(null);
      if (result.ok) setExplore({ layer: name, vectors: result.value });
      else
        setExploreError(t(`errors.${result.error.code}`, { defaultValue: result.error.message }));
    });
  };

  if (kind !== 'text' || (embeddings.length === 0 && recurrent.length === 0))
    return <p className="panel-hint">{t('gates.notText')}</p>;

  return (
    <div className="inspect-sequence" data-testid="sequence-tab">
      {embeddings.length > 0 && (
        <section className="inspect-layer">
          <h4>{t('gates.wordVectors')}</h4>
          <p className="panel-hint">{t('gates.wordVectorsHint')}</p>
          {embeddings.map((l) => (
            <button
              key={l.name}
              type="button"
              className="btn"
              data-testid={`explore-embedding-${l.name}`}
              disabled={loadingLayer !== null}
              onClick={() => openExplorer(l.name)}
            >
              {t('gates.explore', { layer: l.name })}
            </button>
          ))}
          {exploreError && (
            <p role="alert" className="inspect-error">
              {exploreError}
            </p>
          )}
        </section>
      )}
      {recurrent.length > 0 && chosen && (
        <section className="inspect-layer">
          <h4>{t('gates.title')}</h4>
          {recurrent.length > 1 && (
            <label>
              {t('gates.layer')}{' '}
              <select
                value={chosen.name}
                data-testid="gate-layer"
                onChange={(e) => setLayer(e.target.value)}
              >
                {recurrent.map((l) => (
                  <option key={l.name} value={l.name}>
                    {l.name} ({l.className})
                  </option>
                ))}
              </select>
            </label>
          )}
          <form
            className="gate-sentence"
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim()) setSentence(draft);
            }}
          >
            <textarea
              value={draft}
              rows={3}
              maxLength={20_000}
              placeholder={t('gates.typeSentence')}
              data-testid="gate-text"
              data-verbatim={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="btn btn-primary" data-testid="gate-show">
              {t('gates.show')}
            </button>
          </form>
          {sentence === null && <p className="panel-hint">{t('gates.hint')}</p>}
          {gates.status === 'loading' && <p className="panel-hint">{t('common.loading')}</p>}
          {gates.status === 'done' && !gates.ok && (
            <p role="alert" className="inspect-error">
              {t(`errors.${gates.error.code}`, { defaultValue: gates.error.message })}
            </p>
          )}
          {gates.status === 'done' && gates.ok && (
            <>
              <button
                type="button"
                className="btn"
                data-testid="gate-wide"
                onClick={() => setWide(true)}
              >
                {t('gates.wide')}
              </button>
              {wide ? (
                <WideDialog
                  title={t('gates.title')}
                  testId="gate-dialog"
                  onClose={() => setWide(false)}
                >
                  <div>
                    <GateView
                      key={`wide\u0000${chosen.name}\u0000${sentence}\u0000${version}`}
                      result={gates.value}
                      width={Math.max(600, window.innerWidth - 48)}
                    />
                  </div>
                </WideDialog>
              ) : (
                <GateView
                  key={`${chosen.name}\u0000${sentence}\u0000${version}`}
                  result={gates.value}
                  width={width}
                />
              )}
            </>
          )}
        </section>
      )}
      {explore && (
        <ExplorerDialog
          vectors={explore.vectors}
          source={t('gates.explorerSource', { layer: explore.layer })}
          onClose={() => setExplore(null)}
        />
      )}
    </div>
  );
}
