import { ReactFlowProvider } from '@xyflow/react';

import { GraphCanvas } from '../canvas/GraphCanvas';
import { Palette } from '../panels/palette/Palette';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';

/** The editor: toolbar, palette (left), canvas (centre), side panel (right). */
export function MainWindow() {
  return (
    <ReactFlowProvider>
      <Toolbar />
      <div className="workspace" data-testid="editor">
        <ErrorBoundary regionKey="app:regions.palette">
          <Palette />
        </ErrorBoundary>
        <ErrorBoundary regionKey="app:regions.canvas">
          <GraphCanvas />
        </ErrorBoundary>
        <ErrorBoundary regionKey="app:regions.sidePanel">
          <SidePanel />
        </ErrorBoundary>
      </div>
    </ReactFlowProvider>
  );
}
