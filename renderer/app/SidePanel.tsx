import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { InspectorPanel } from '../panels/inspector/InspectorPanel';
import { ProblemsPanel } from '../panels/problems/ProblemsPanel';
import { SummaryPanel } from '../panels/summary/SummaryPanel';
import { useAnalysis } from '../state/analysis';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { sidePanels, type SidePanelDef } from './side-panels';
import { useSession } from '../session/session-context';

/** The editor's own panels come first; feature areas add theirs to `sidePanels`. */
const builtInPanels: readonly SidePanelDef[] = [
  {
    id: 'inspector',
    titleKey: 'editor:panels.inspector',
    component: InspectorPanel as ComponentType,
  },
  { id: 'problems', titleKey: 'editor:panels.problems', component: ProblemsPanel as ComponentType },
  { id: 'summary', titleKey: 'editor:panels.summary', component: SummaryPanel as ComponentType },
];

/** Error and warning count on the Problems tab, so problems are seen from any tab. */
function ProblemCount() {
  const { editor: store } = useSession();
  const { errorCount, warningCount } = useAnalysis(store);
  const count = errorCount + warningCount;
  if (count === 0) return null;
  return (
    <span
      className={`tab-count ${errorCount > 0 ? 'tab-count-error' : 'tab-count-warning'}`}
      data-testid="problem-count"
    >
      {count}
    </span>
  );
}

/** Tabbed side panel (right). Each panel has its own error boundary. */
export function SidePanel() {
  const { t } = useTranslation();
  const panels = [...builtInPanels, ...sidePanels];
  const { editor: store } = useSession();
  const activeId = useStore(store, (s) => s.session.activePanel);
  const setActiveId = store.getState().showPanel;
  const active = panels.find((p) => p.id === activeId) ?? panels[0];
  return (
    <aside className="side-panel" aria-label={t('app:regions.sidePanel')}>
      <div className="tab-list" role="tablist">
        {panels.map((panel) => (
          <button
            key={panel.id}
            type="button"
            role="tab"
            id={`tab-${panel.id}`}
            data-testid={`tab-${panel.id}`}
            aria-selected={panel.id === active?.id}
            aria-controls={`panel-${panel.id}`}
            className="tab"
            onClick={() => setActiveId(panel.id)}
          >
            {t(panel.titleKey)}
            {panel.id === 'problems' && <ProblemCount />}
          </button>
        ))}
      </div>
      {active && (
        <div
          className="tab-panel"
          role="tabpanel"
          id={`panel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
        >
          <ErrorBoundary key={active.id} regionKey="app:regions.sidePanel">
            <active.component />
          </ErrorBoundary>
        </div>
      )}
    </aside>
  );
}
