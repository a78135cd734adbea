import type { ComponentType } from 'react';

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

export const sidePanels: SidePanelDef[] = [];
