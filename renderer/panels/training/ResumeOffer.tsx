import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';

import { graphFingerprint } from '@core';

import {
  useEditorState,
  useLoadedDataset,
  useSession,
  useTrainingState,
} from '../../session/session-context';
import { startBlocker } from './training-controller';

/**
 * "Resume from epoch N": a run a crash or kill interrupted, restored with its
 * project from the recovery store. It continues from the checkpoint's weights
 * with epochs N+1…, once the dataset is loaded (as Train needs). Shown only
 * while the network is the one the weights belong to.
 */
export function ResumeOffer() {
  const { t } = useTranslation('training');
  const session = useSession();
  const checkpoint = useStore(session.resumeOffer, (s) => s.checkpoint);
  const doc = useEditorState((s) => s.doc);
  const dataset = useLoadedDataset();
  const status = useTrainingState((s) => s.machine.status);
  if (checkpoint === null || checkpoint.fingerprint !== graphFingerprint(doc.graph)) return null;
  const epochs = checkpoint.runs.at(-1)?.settings.epochs ?? doc.training.epochs;
  if (checkpoint.epochsDone >= epochs) return null;
  const blocked = startBlocker(doc, dataset, status) !== null;
  const values = { epoch: checkpoint.epochsDone, epochs, next: checkpoint.epochsDone + 1 };
  return (
    <div className="training-resume-offer" data-testid="train-resume-offer" role="status">
      <p>{t('resume.hint', values)}</p>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="train-resume-checkpoint"
        disabled={blocked}
        onClick={() => {
          session.resumeOffer.setState({ checkpoint: null });
          void session.training.controller.start({ resumeFrom: checkpoint });
        }}
      >
        {t('resume.button', values)}
      </button>{' '}
      <button
        type="button"
        className="btn"
        data-testid="train-resume-forget"
        onClick={() => session.resumeOffer.setState({ checkpoint: null })}
      >
        {t('resume.discard')}
      </button>
    </div>
  );
}
