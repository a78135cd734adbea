import { useStore } from 'zustand';

import { ModelStatusNote } from '../panels/model/ModelStatusNote';
import { modelAvailability } from '../session/model-store';
import { useModelState, useSession } from '../session/session-context';
import { useAnalysis } from '../state/analysis';
import { useInspectClient } from './inspect-client';
import { InspectView } from './InspectView';

/**
 * The "Inspect" side panel: reads the document and selection from the
 * project's editor and the model from its session's inspection client. A
 * stale model (trained for an earlier version of the network) is not shown.
 */
export function InspectPanel() {
  const session = useSession();
  const store = session.editor;
  const graph = useStore(store, (s) => s.doc.graph);
  const selected = useStore(store, (s) => s.session.selectedNodeIds[0] ?? null);
  const { shapes } = useAnalysis(store);
  const stale = useModelState((s) => modelAvailability(s, graph) === 'stale');
  // The shell provides the session's client; tests may provide another.
  const client = useInspectClient() ?? session.inspect;
  const focusLayer = selected ? (graph.nodes[selected]?.name ?? null) : null;
  return (
    <>
      <ModelStatusNote purpose="inspect" />
      {!stale && (
        <InspectView client={client} graph={graph} shapes={shapes} focusLayer={focusLayer} />
      )}
    </>
  );
}
