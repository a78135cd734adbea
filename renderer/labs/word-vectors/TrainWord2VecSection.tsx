import {
  decodeTextBytes,
  defaultLearningRate,
  defaultWord2VecTrainingSettings,
  formatNumber,
  nearestByCosine,
  word2VecLimits,
  wordVectorsExportFiles,
  type WordVectors,
  type Word2VecTrainingSettings,
} from '@core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useHost } from '../../host/HostProvider';
import { NumberInput } from '../NumberInput';
import { ExploreVectorsButton } from './ExploreVectorsButton';
import { LossCurve } from './LossCurve';
import { createWord2VecClient, type Word2VecClient } from './word2vec-client';
import type { BundledCorpus, FromWord2VecWorker, Word2VecSource } from './word2vec-protocol';

type SourceChoice = BundledCorpus | 'folder';

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading' }
  | {
      readonly status: 'training';
      readonly runId: number;
      readonly vocabulary: number | null;
      readonly done: number;
      readonly wordsPerSecond: number;
      readonly epoch: number;
    }
  | { readonly status: 'done'; readonly seconds: number; readonly vocabulary: number }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly code: string };

export interface TrainWord2VecSectionProps {
  /** Receives each trained model (for the explorer). */
  readonly onTrained?: (vectors: WordVectors) => void;
}

/** At most this much text is read from a folder (the worker holds it all while tokenising). */
const maxFolderBytes = 50 * 1024 * 1024;

/** "Train word2vec": settings, a corpus, progress with a loss curve, cancel, neighbours, export. */
export function TrainWord2VecSection({ onTrained }: TrainWord2VecSectionProps) {
  const { t, i18n } = useTranslation('labs');
  const host = useHost();
  const clientRef = useRef<Word2VecClient | null>(null);
  const runIdRef = useRef(0);
  const [source, setSource] = useState<SourceChoice>(
    i18n.language.startsWith('zh') ? 'zh-debian-docs' : 'en-debian-handbook',
  );
  const [folder, setFolder] = useState<{ name: string; texts: string[] } | null>(null);
  const [settings, setSettings] = useState<Word2VecTrainingSettings>(
    defaultWord2VecTrainingSettings,
  );
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [losses, setLosses] = useState<{ done: number; loss: number }[]>([]);
  const [vectors, setVectors] = useState<WordVectors | null>(null);
  const [probe, setProbe] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [exportConflict, setExportConflict] = useState(false);

  useEffect(() => {
    const client = createWord2VecClient();
    clientRef.current = client;
    const off = client.subscribe((m: FromWord2VecWorker) => {
      if (m.runId !== runIdRef.current && m.runId !== -1) return;
      switch (m.type) {
        case 'prepared':
          setRun((r) => (r.status === 'training' ? { ...r, vocabulary: m.vocabulary } : r));
          break;
        case 'progress':
          setRun((r) =>
            r.status === 'training'
              ? {
                  ...r,
                  done: m.wordsDone / m.wordsTotal,
                  wordsPerSecond: m.wordsPerSecond,
                  epoch: m.epoch,
                }
              : r,
          );
          setLosses((l) => [...l, { done: m.wordsDone / m.wordsTotal, loss: m.loss }]);
          break;
        case 'done': {
          const trained: WordVectors = { words: m.words, dim: m.dim, vectors: m.vectors };
          setVectors(trained);
          setRun({ status: 'done', seconds: m.seconds, vocabulary: m.words.length });
          setProbe((p) => (p && m.words.includes(p) ? p : (m.words[0] ?? '')));
          onTrained?.(trained);
          break;
        }
        case 'cancelled':
          setRun({ status: 'cancelled' });
          break;
        case 'failed':
          setRun({ status: 'failed', code: m.code });
          break;
      }
    });
    return () => {
      off();
      client.dispose();
      clientRef.current = null;
    };
  }, [onTrained]);

  const set = (patch: Partial<Word2VecTrainingSettings>) =>
    setSettings((s) => ({ ...s, ...patch }));
  const training = run.status === 'training' || run.status === 'reading';

  const chooseFolder = async () => {
    setRun({ status: 'reading' });
    const failed = (code: string) => setRun({ status: 'failed', code });
    const grant = await host.pickDatasetFolder({ kind: 'text' });
    if (!grant.ok)
      return grant.error.code === 'cancelled'
        ? setRun({ status: 'idle' })
        : failed('folder-unreadable');
    const listing = await host.listDatasetFolder({ grantId: grant.value.grantId });
    if (!listing.ok) return failed('folder-unreadable');
    const files = listing.value.files.filter((f) => /\.txt$/iu.test(f.path));
    const texts: string[] = [];
    let bytes = 0;
    for (let i = 0; i < files.length && bytes < maxFolderBytes; i += 50) {
      const read = await host.readDatasetFiles({
        grantId: grant.value.grantId,
        paths: files.slice(i, i + 50).map((f) => f.path),
      });
      if (!read.ok) return failed('folder-unreadable');
      for (const file of read.value) {
        if (!file.ok) continue;
        const decoded = decodeTextBytes(file.bytes);
        if (decoded.ok) {
          texts.push(decoded.text);
          bytes += file.bytes.length;
        }
      }
    }
    if (texts.length === 0) return failed('folder-no-text');
    setFolder({ name: grant.value.name, texts });
    setSource('folder');
    setRun({ status: 'idle' });
  };

  const start = () => {
    const client = clientRef.current;
    if (!client) return;
    let from: Word2VecSource;
    if (source === 'folder') {
      if (!folder) return;
      from = { kind: 'texts', texts: folder.texts };
    } else from = { kind: 'bundled', corpus: source };
    const runId = ++runIdRef.current;
    setLosses([]);
    setExported(null);
    setRun({ status: 'training', runId, vocabulary: null, done: 0, wordsPerSecond: 0, epoch: 0 });
    client.send({
      type: 'train',
      runId,
      source: from,
      // ICU word segmentation splits Chinese into words and English at spaces: right for both.
      split: source === 'en-debian-handbook' ? 'whitespace' : 'word',
      settings,
    });
  };

  const cancel = () => {
    if (run.status === 'training') clientRef.current?.send({ type: 'cancel', runId: run.runId });
  };

  const exportVectors = async (overwrite: boolean) => {
    if (!vectors) return;
    const files = wordVectorsExportFiles(vectors);
    const result = await host.writeExportFolder({
      suggestedName: 'word-vectors',
      files,
      overwrite,
    });
    setExportConflict(false);
    if (result.ok) setExported(result.value.displayPath);
    else if (result.error.code === 'already-exists') setExportConflict(true);
    else if (result.error.code !== 'cancelled') setRun({ status: 'failed', code: 'export-failed' });
  };

  const neighbours = useMemo(
    () => (vectors && probe ? nearestByCosine(vectors, probe.trim().toLowerCase(), 5) : null),
    [vectors, probe],
  );

  const number = (key: keyof typeof word2VecLimits, integer: boolean) => (
    <label className="lab-inline">
      {t(`w2vTrain.settings.${key}`)}
      <NumberInput
        value={settings[key]}
        integer={integer}
        min={word2VecLimits[key][0]}
        max={word2VecLimits[key][1]}
        testId={`w2v-train-${key}`}
        onChange={(v) => set({ [key]: v })}
      />
    </label>
  );

  return (
    <section className="lab-panel" aria-label={t('w2vTrain.title')} data-testid="w2v-train">
      <h2>{t('w2vTrain.title')}</h2>
      <p className="muted small">{t('w2vTrain.hint')}</p>
      <div className="lab-row">
        <label className="lab-inline">
          {t('w2vTrain.corpus')}
          <select
            data-testid="w2v-train-source"
            value={source}
            disabled={training}
            onChange={(e) => setSource(e.target.value as SourceChoice)}
          >
            <option value="zh-debian-docs">{t('w2vTrain.corpora.zh')}</option>
            <option value="en-debian-handbook">{t('w2vTrain.corpora.en')}</option>
            {folder ? (
              <option value="folder">{t('w2vTrain.corpora.folder', { name: folder.name })}</option>
            ) : null}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={training}
          onClick={() => void chooseFolder()}
        >
          {t('w2vTrain.chooseFolder')}
        </button>
        <label className="lab-inline">
          {t('w2vTrain.settings.architecture')}
          <select
            data-testid="w2v-train-architecture"
            value={settings.architecture}
            disabled={training}
            onChange={(e) => {
              const architecture = e.target.value as Word2VecTrainingSettings['architecture'];
              set({ architecture, learningRate: defaultLearningRate(architecture) });
            }}
          >
            <option value="skip-gram">{t('w2vTrain.skipGram')}</option>
            <option value="cbow">{t('w2vTrain.cbow')}</option>
          </select>
        </label>
      </div>
      <div className="lab-row">
        {number('window', true)}
        {number('dimension', true)}
        {number('epochs', true)}
        {number('learningRate', false)}
        {number('negatives', true)}
        {number('minCount', true)}
        {number('subsample', false)}
      </div>
      <div className="lab-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="w2v-train-start"
          disabled={training || (source === 'folder' && !folder)}
          onClick={start}
        >
          {t('w2vTrain.start')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="w2v-train-cancel"
          disabled={run.status !== 'training'}
          onClick={cancel}
        >
          {t('w2vTrain.cancel')}
        </button>
        <span data-testid="w2v-train-status" role="status">
          {run.status === 'reading' && t('w2vTrain.status.reading')}
          {run.status === 'training' &&
            (run.vocabulary === null
              ? t('w2vTrain.status.preparing')
              : t('w2vTrain.status.training', {
                  percent: formatNumber(run.done * 100, 1),
                  speed: Math.round(run.wordsPerSecond).toLocaleString(i18n.language),
                  epoch: Math.min(run.epoch + 1, settings.epochs),
                  epochs: settings.epochs,
                  vocabulary: run.vocabulary,
                }))}
          {run.status === 'done' &&
            t('w2vTrain.status.done', {
              vocabulary: run.vocabulary,
              seconds: formatNumber(run.seconds, 1),
            })}
          {run.status === 'cancelled' && t('w2vTrain.status.cancelled')}
          {run.status === 'failed' && t(`w2vTrain.errors.${run.code}`)}
        </span>
      </div>
      {run.status === 'training' ? (
        <progress max={1} value={run.done} data-testid="w2v-train-progress" />
      ) : null}
      {losses.length > 0 ? <LossCurve points={losses} label={t('w2vTrain.loss')} /> : null}
      {vectors ? (
        <div className="lab-row w2v-train-result">
          <label className="lab-inline">
            {t('w2vTrain.probe')}
            <input
              className="lab-text"
              data-testid="w2v-train-probe"
              value={probe}
              list="w2v-train-words"
              maxLength={100}
              onChange={(e) => setProbe(e.target.value)}
            />
            <datalist id="w2v-train-words">
              {vectors.words.slice(0, 200).map((w) => (
                <option key={w} value={w} />
              ))}
            </datalist>
          </label>
          {neighbours === null ? (
            <span data-testid="w2v-train-unknown">{t('w2vTrain.unknownWord')}</span>
          ) : (
            <ol data-testid="w2v-train-neighbours">
              {neighbours.map((n) => (
                <li key={n.word}>
                  {n.word} <span className="mono">cos = {formatNumber(n.similarity, 3)}</span>
                </li>
              ))}
            </ol>
          )}
          <ExploreVectorsButton
            vectors={vectors}
            source={t('explorer.fromWord2vec')}
            testId="w2v-train-explore"
          />
          <button
            type="button"
            className="btn"
            data-testid="w2v-train-export"
            onClick={() => void exportVectors(false)}
          >
            {t('w2vTrain.export')}
          </button>
          {exportConflict ? (
            <button type="button" className="btn" onClick={() => void exportVectors(true)}>
              {t('w2vTrain.replaceExport')}
            </button>
          ) : null}
          {exported ? (
            <span className="muted small">{t('w2vTrain.exported', { path: exported })}</span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
