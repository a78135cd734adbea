import { useStore } from 'zustand';

import { useAppServices } from '../app/app-context';
import { useAnalysis } from '../state/analysis';
import { useInspectClient } from './inspect-client';
import { InspectView } from './InspectView';
import { trainingInspectClient } from './training-inspect-client';

/** The "Inspect" side panel: reads the document and selection from the editor, the model from the training worker. */
export function InspectPanel() {
  const { store } = useAppServices();
  const graph = useStore(store, (s) => s.doc.graph);
  const selected = useStore(store, (s) => s.session.selectedNodeIds[0] ?? null);
  const { shapes } = useAnalysis(store);
  // The shell may provide a client (tests, another worker); by default inspection talks to the training worker.
  const client = useInspectClient() ?? trainingInspectClient();
  const focusLayer = selected ? (graph.nodes[selected]?.name ?? null) : null;
  return <InspectView client={client} graph={graph} shapes={shapes} focusLayer={focusLayer} />;
}
