import { formatMessage, type Locale, type MessageCode } from '@core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAppServices } from '../../app/app-context';
import { useSession } from '../../session/session-context';
import { readChosenFiles } from './export-actions';
import { failureText } from './export-messages';
import { importTorchTraining, type TorchImportOutcome } from './torch-weights-import';

type State = 'idle' | 'importing' | 'done' | 'failed';

/**
 * "Import weights trained elsewhere…": the output folder of the exported
 * train.py (weights.npz, train-metrics.json) becomes this project's trained
 * model, checked against the graph, with its run in the Training panel. A
 * file input, as "Import model.json…" (the same in Electron and the browser).
 */
export function TorchWeightsSection() {
  const { t, i18n } = useTranslation('export');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const { exportClient } = useAppServices();
  const session = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>('idle');
  const [outcome, setOutcome] = useState<TorchImportOutcome | null>(null);

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setState('importing');
    setOutcome(null);
    const result = await importTorchTraining(session, exportClient, await readChosenFiles(list), {
      runLabel: (count) => t('torchWeights.runLabel', { count }),
    });
    setOutcome(result);
    setState(result.status === 'done' ? 'done' : 'failed');
    if (input.current) input.current.value = '';
  };

  let message: string | null = null;
  if (outcome?.status === 'done')
    message = t('torchWeights.done', {
      epochs: outcome.epochs,
      processes: outcome.processes,
      accuracy: outcome.valAccuracy === null ? '—' : outcome.valAccuracy.toFixed(4),
    });
  else if (outcome?.status === 'missing')
    message = t('torchWeights.missing', { file: outcome.file });
  else if (outcome?.status === 'no-dataset') message = t('torchWeights.noDataset');
  else if (outcome?.status === 'other-classes')
    message = t('torchWeights.otherClasses', {
      trained: outcome.trained.join(', '),
      project: outcome.project.join(', '),
    });
  else if (outcome?.status === 'refused')
    message = formatMessage(outcome.code as MessageCode, outcome.args, locale);
  else if (outcome?.status === 'failed') message = failureText(t, outcome.error);
  else if (outcome?.status === 'busy') message = t('torchWeights.busy');

  return (
    <div className="export-section" data-testid="torch-weights-section" data-state={state}>
      <h3>{t('torchWeights.heading')}</h3>
      <p className="panel-hint">{t('torchWeights.hint')}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".npz,.json"
        hidden
        onChange={(e) => void onFiles(e.target.files)}
        data-testid="torch-weights-files"
      />
      <button
        type="button"
        className="btn"
        onClick={() => input.current?.click()}
        disabled={state === 'importing'}
        data-testid="torch-weights-import"
      >
        {t('torchWeights.choose')}
      </button>
      {state === 'importing' && (
        <p className="export-status" role="status">
          {t('torchWeights.importing')}
        </p>
      )}
      {message !== null && (
        <p
          className={`export-message ${state === 'done' ? 'message-info' : 'message-error'}`}
          data-testid="torch-weights-message"
        >
          {message}
        </p>
      )}
    </div>
  );
}
