import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

import type { LabFile } from '@core';

/** What the start screen hands the Labs area: a lab state restored after a crash, if any. */
export interface LabsAreaProps {
  readonly restored?: { readonly file: LabFile; readonly sessionId: string } | null;
}

/**
 * The labs engineer's `renderer/labs/LabsArea.tsx`, loaded lazily. The glob
 * matches nothing until that file exists, and then the placeholder is used.
 */
const labsModules = import.meta.glob<{
  LabsArea?: ComponentType<LabsAreaProps>;
  default?: ComponentType<LabsAreaProps>;
}>('../labs/LabsArea.tsx');

export async function loadLabsArea(): Promise<{ default: ComponentType<LabsAreaProps> }> {
  const load = labsModules['../labs/LabsArea.tsx'];
  if (!load) return { default: LabsFallback };
  try {
    const mod = await load();
    return { default: mod.LabsArea ?? mod.default ?? LabsFallback };
  } catch (error) {
    console.error('[labs] failed to load', error);
    return { default: LabsFallback };
  }
}

/** Shown until the labs area ships (or if it fails to load). */
export function LabsFallback() {
  const { t } = useTranslation();
  return <p className="muted">{t('app:start.labsSoon')}</p>;
}
