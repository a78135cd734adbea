import { lazy, Suspense, useCallback } from 'react';

import type { LabFile } from '@core';

import { usePackState, usePackStore } from './pack-context';
import { updateStep } from './pack-store';
import { StepCard } from './StepCard';

const LabScreen = lazy(() => import('../labs/LabsArea').then((m) => ({ default: m.LabScreen })));

/**
 * The lab step open full-window: the course lab with the package's numbers,
 * its step page beside it, answer-key exports hidden; every change of the
 * lab's state is recorded for the step (and checked against its locks).
 */
export function PackLabHost() {
  const store = usePackStore();
  const open = usePackState((s) => s.openLab);
  const loaded = usePackState((s) => s.pack?.steps.find((x) => x.step.id === open?.stepId));
  const stepId = open?.stepId ?? null;
  const onChange = useCallback(
    (file: LabFile) => {
      if (stepId !== null) updateStep(store, stepId, () => ({ lab: file }));
    },
    [store, stepId],
  );
  if (!open || !loaded) return null;
  return (
    <Suspense fallback={null}>
      <LabScreen
        key={open.key}
        file={open.file}
        onBack={() => store.setState({ openLab: null })}
        onChange={onChange}
        answerKeys={false}
        lockedFields={loaded.step.locks.labFields}
        aside={<StepCard loaded={loaded} />}
      />
    </Suspense>
  );
}
