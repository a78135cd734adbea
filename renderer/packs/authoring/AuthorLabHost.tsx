import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { changeStep, type LabFile } from '@core';

import { useAuthorState, useAuthorStore } from './author-context';
import { editDraft } from './author-store';

const LabScreen = lazy(() => import('../../labs/LabsArea').then((m) => ({ default: m.LabScreen })));

/**
 * A lab step's numbers, set in the course lab itself (full-window): every
 * change becomes the step's starting numbers. The whole visit is one Undo
 * step (marked when it opened).
 */
export function AuthorLabHost() {
  const { t } = useTranslation('author');
  const store = useAuthorStore();
  const open = useAuthorState((s) => s.openLab);
  const index = useAuthorState((s) => s.draft?.steps.findIndex((x) => x.id === open?.stepId) ?? -1);
  // Only whether it is still a lab step: the lab re-reports its state whenever it renders, so
  // re-rendering it on each recorded change would never settle.
  const isLab = useAuthorState((s) => s.draft?.steps[index]?.kind === 'lab');
  const stepId = open?.stepId ?? null;
  const onChange = useCallback(
    (file: LabFile) => {
      if (stepId === null) return;
      editDraft(
        store,
        (draft) =>
          changeStep(draft, stepId, (s) =>
            s.kind === 'lab' && JSON.stringify(s.lab) !== JSON.stringify(file)
              ? { ...s, lab: file }
              : s,
          ),
        'merge',
      );
    },
    [store, stepId],
  );
  if (!open || !isLab) return null;
  return (
    <Suspense fallback={null}>
      <LabScreen
        key={open.key}
        file={open.file}
        onBack={() => store.setState({ openLab: null })}
        onChange={onChange}
        aside={
          <div className="author-lab-note" data-testid="author-lab-note">
            <h3>{t('lab.heading', { step: index + 1 })}</h3>
            <p>{t('lab.note')}</p>
          </div>
        }
      />
    </Suspense>
  );
}
