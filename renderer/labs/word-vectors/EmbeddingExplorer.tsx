import {
  analogy,
  findWord,
  formatNumber,
  nearestNeighbours,
  projectPca,
  vectorSpace,
  type Neighbour,
  type WordVectors,
} from '@core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useElementWidth } from '../../inspect/use-element-width';
import { ScatterCanvas } from './ScatterCanvas';
import type { ViewTransform } from './scatter-view';
import { boundsOf, centreOn, fitView } from './scatter-view';
import './explorer.css';

export interface EmbeddingExplorerProps {
  /** Any trained word vectors: the word2vec lab's, or an Embedding layer's named by its vocabulary. */
  readonly vectors: WordVectors;
  /** Where they come from, shown above the map (already translated). */
  readonly source: string;
}

const neighbourCount = 10;
const mapHeight = 460;

/**
 * The embedding explorer: every word on the plane of the two principal
 * components, nearest neighbours by cosine similarity, analogies a − b + c,
 * and search (the found word is marked and centred). All maths is core's
 * (vector-space.ts, pca.ts); this view only draws and asks.
 */
export function EmbeddingExplorer({ vectors, source }: EmbeddingExplorerProps) {
  const { t } = useTranslation('labs');
  const space = useMemo(() => vectorSpace(vectors), [vectors]);
  const projection = useMemo(() => projectPca(vectors), [vectors]);
  const bounds = useMemo(() => boundsOf(projection.xy), [projection]);
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const mapWidth = Math.max(240, width);
  const [view, setView] = useState<ViewTransform | null>(null);
  const shownView = view ?? fitView(bounds, mapWidth, mapHeight);
  const [selected, setSelected] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [terms, setTerms] = useState<[string, string, string]>(['', '', '']);
  const [analogyResult, setAnalogyResult] = useState<
    { readonly answers: Neighbour[] } | { readonly missing: string } | null
  >(null);

  const neighbours = useMemo(
    () => (selected === null ? [] : nearestNeighbours(space, selected, neighbourCount)),
    [space, selected],
  );
  const marked = useMemo(() => {
    const answers = analogyResult && 'answers' in analogyResult ? analogyResult.answers : [];
    return [...neighbours, ...answers].map((n) => n.index);
  }, [neighbours, analogyResult]);

  const select = (index: number, centre: boolean) => {
    setSelected(index);
    setNotFound(null);
    if (centre) {
      const x = projection.xy[2 * index]!;
      const y = projection.xy[2 * index + 1]!;
      const fitted = fitView(bounds, mapWidth, mapHeight);
      // Zoom in on a large table (its labels crowd); a small one stays whole.
      const zoom = vectors.words.length > 200 ? 4 : 1;
      setView(centreOn(shownView, x, y, mapWidth, mapHeight, fitted.scale * zoom));
    }
  };
  const search = () => {
    const index = findWord(space, query);
    if (index === null) setNotFound(query.trim());
    else select(index, true);
  };
  const solve = () => {
    const ids = terms.map((w) => findWord(space, w));
    const missing = terms.find((w, i) => ids[i] === null);
    if (missing !== undefined) setAnalogyResult({ missing: missing.trim() });
    else setAnalogyResult({ answers: analogy(space, ids[0]!, ids[1]!, ids[2]!, 5) });
  };
  const explained =
    projection.total > 0
      ? Math.round((100 * (projection.variances[0] + projection.variances[1])) / projection.total)
      : 0;

  return (
    <div className="explorer" data-testid="embedding-explorer" data-words={vectors.words.length}>
      <p className="muted small" data-testid="explorer-source">
        {t('explorer.summary', {
          source,
          count: vectors.words.length,
          dim: vectors.dim,
          explained,
        })}
      </p>
      <div className="explorer-row">
        <form
          className="explorer-inline"
          onSubmit={(e) => {
            e.preventDefault();
            search();
          }}
        >
          <label className="explorer-inline">
            {t('explorer.search')}
            <input
              className="explorer-input"
              data-testid="explorer-search"
              value={query}
              maxLength={100}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <button type="submit" className="btn" data-testid="explorer-find">
            {t('explorer.find')}
          </button>
        </form>
        <button
          type="button"
          className="btn"
          data-testid="explorer-fit"
          onClick={() => setView(null)}
        >
          {t('explorer.fit')}
        </button>
        {notFound !== null && (
          <span role="alert" className="explorer-error" data-testid="explorer-not-found">
            {t('explorer.notFound', { word: notFound })}
          </span>
        )}
      </div>
      <div className="explorer-body">
        <div ref={ref} className="explorer-map">
          <ScatterCanvas
            words={vectors.words}
            xy={projection.xy}
            view={shownView}
            onViewChange={setView}
            width={mapWidth}
            height={mapHeight}
            selected={selected}
            marked={marked}
            onPick={(i) => select(i, false)}
            ariaLabel={t('explorer.mapLabel')}
          />
          <p className="muted small">{t('explorer.mapHint')}</p>
        </div>
        <aside className="explorer-side">
          <h3>
            {selected === null
              ? t('explorer.pickWord')
              : t('explorer.neighbours', { word: vectors.words[selected] ?? '' })}
          </h3>
          <ol data-testid="explorer-neighbours">
            {neighbours.map((n) => (
              // The word is the user's data, not UI text (the untranslated-English scan skips it).
              <li key={n.index} data-verbatim={n.word}>
                <button
                  type="button"
                  className="explorer-word"
                  onClick={() => select(n.index, true)}
                >
                  {n.word}
                </button>{' '}
                <span className="mono">cos = {formatNumber(n.similarity, 3)}</span>
              </li>
            ))}
          </ol>
          <h3>{t('explorer.analogy')}</h3>
          <form
            className="explorer-analogy"
            onSubmit={(e) => {
              e.preventDefault();
              solve();
            }}
          >
            {terms.map((term, i) => (
              <span key={i} className="explorer-inline">
                {i === 1 ? '−' : i === 2 ? '+' : ''}
                <input
                  className="explorer-input explorer-term"
                  data-testid={`explorer-analogy-${i}`}
                  aria-label={t(`explorer.term${i}`)}
                  value={term}
                  maxLength={100}
                  onChange={(e) =>
                    setTerms(
                      (old) => old.map((w, j) => (j === i ? e.target.value : w)) as typeof old,
                    )
                  }
                />
              </span>
            ))}
            <button type="submit" className="btn" data-testid="explorer-analogy-solve">
              =
            </button>
          </form>
          <p className="muted small">{t('explorer.analogyHint')}</p>
          {analogyResult && 'missing' in analogyResult && (
            <p role="alert" className="explorer-error">
              {t('explorer.notFound', { word: analogyResult.missing })}
            </p>
          )}
          {analogyResult && 'answers' in analogyResult && (
            <ol data-testid="explorer-analogy-answers">
              {analogyResult.answers.map((n) => (
                <li key={n.index} data-verbatim={n.word}>
                  {n.word} <span className="mono">cos = {formatNumber(n.similarity, 3)}</span>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </div>
  );
}
