import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAppServices } from '../../app/app-context';
import { importModel, readChosenFiles } from './export-actions';
import { failureText, formatDifference } from './export-messages';
import type { ImportDone, WorkerFailure } from './export-protocol';
import { useSession } from '../../session/session-context';

type ImportState = 'idle' | 'importing' | 'imported' | 'failed';

/**
 * "Import model.json…": a file input (works the same in Electron and in the
 * browser) for model.json, its weight shards and an optional metadata.json.
 */
export function ImportSection() {
  const { t } = useTranslation('export');
  const { runCommand, exportClient } = useAppServices();
  const session = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>('idle');
  const [result, setResult] = useState<
    { ok: true; value: ImportDone } | { ok: false; error: WorkerFailure } | null
  >(null);

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setState('importing');
    setResult(null);
    const outcome = await importModel(session, exportClient, await readChosenFiles(list));
    setResult(outcome);
    setState(outcome.ok ? 'imported' : 'failed');
    // Frame the imported network once React Flow has its new nodes (as after opening a project).
    if (outcome.ok) requestAnimationFrame(() => runCommand('view.fitView'));
    if (input.current) input.current.value = '';
  };

  let message: { text: string; tone: string } | null = null;
  if (result && !result.ok) message = { text: failureText(t, result.error), tone: 'message-error' };
  if (result?.ok) {
    const { parity, graph } = result.value;
    const same = parity.sameTop1 === parity.total && parity.maxProbDiff === 0;
    const values = {
      count: Object.keys(graph.nodes).length,
      same: parity.sameTop1,
      total: parity.total,
      diff: formatDifference(parity.maxProbDiff),
    };
    message = {
      text: t(same ? 'import.done' : 'import.mismatch', values),
      tone: same ? 'message-info' : 'message-error',
    };
  }

  return (
    <div className="export-section" data-testid="import-section" data-import-state={state}>
      <h3>{t('import.heading')}</h3>
      <p className="panel-hint">{t('import.hint')}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".json,.bin,application/json"
        hidden
        onChange={(e) => void onFiles(e.target.files)}
        data-testid="import-files"
      />
      <button
        type="button"
        className="btn"
        onClick={() => input.current?.click()}
        disabled={state === 'importing'}
        data-testid="import-model"
      >
        {t('import.choose')}
      </button>
      {state === 'importing' && (
        <p className="export-status" role="status">
          {t('state.importing')}
        </p>
      )}
      {message && (
        <p className={`export-message ${message.tone}`} data-testid="import-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
