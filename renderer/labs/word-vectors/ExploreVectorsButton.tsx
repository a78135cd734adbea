import type { WordVectors } from '@core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ExplorerDialog } from './ExplorerDialog';

interface ExploreVectorsButtonProps {
  readonly vectors: WordVectors;
  /** Where the vectors come from (already translated), shown in the explorer's title. */
  readonly source: string;
  readonly testId: string;
}

/** "Explore these vectors": opens the embedding explorer over the window, Back closes it. */
export function ExploreVectorsButton({ vectors, source, testId }: ExploreVectorsButtonProps) {
  const { t } = useTranslation('labs');
  const [exploring, setExploring] = useState(false);
  return (
    <>
      <button type="button" className="btn" data-testid={testId} onClick={() => setExploring(true)}>
        {t('explorer.open')}
      </button>
      {exploring ? (
        <ExplorerDialog vectors={vectors} source={source} onClose={() => setExploring(false)} />
      ) : null}
    </>
  );
}
