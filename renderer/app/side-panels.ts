import type { ComponentType } from 'react';

import { InspectPanel } from '../inspect/InspectPanel';
import { DatasetPanel } from '../panels/dataset/DatasetPanel';
import { ExportPanel } from '../panels/export/ExportPanel';
import { TrainingPanel } from '../panels/training/TrainingPanel';

/**
 * The tabs of the main window's side panel, in order. Each feature area adds
 * its panel here (one line); the shell renders whatever is listed.
 * `titleKey` is an i18next key (`namespace:key`).
 */
export interface SidePanelDef {
  readonly id: string;
  readonly titleKey: string;
  readonly component: ComponentType;
}

export const sidePanels: SidePanelDef[] = [
  { id: 'dataset', titleKey: 'dataset:title', component: DatasetPanel },
  { id: 'training', titleKey: 'training:title', component: TrainingPanel },
  { id: 'inspect', titleKey: 'inspect:title', component: InspectPanel },
  { id: 'export', titleKey: 'export:title', component: ExportPanel },
];
