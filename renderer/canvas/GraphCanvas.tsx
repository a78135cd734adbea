import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  getNodesBounds,
  useNodesInitialized,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { formatDiagnostic, type EdgeId, type NodeId, type Point } from '@core';

import { useAppServices } from '../app/app-context';
import { currentLanguage } from '../i18n/i18n';
import { useAnalysis } from '../state/analysis';
import { addLayerAt, connectNodes, moveNodesOp } from '../state/graph-ops';
import { useThemeStore } from '../app/theme';
import { normalTitlePx, presentationTitlePx, usePresentationStore } from '../app/presentation';
import { showToast } from '../ui/toast-store';
import { useAriaLabels } from './aria-labels';
import { applySelectChanges, FlowElementCache, type Measured } from './flow-elements';
import type { LayerFlowNode } from './LayerNode';
import { nodeTypes } from './node-types';
import { readableViewport, type Rect } from './readable-view';
import { balloonSide, visibleFlowRect, type BalloonSide } from './balloon-side';
import { typicalNodeSize } from './layout-quality';
import { layerKindMime } from './palette-dnd';
import { useSession } from '../session/session-context';

/**
 * Below this canvas width (px) the minimap is hidden: beside a lab package's panel the canvas is
 * ~500 px wide and the 200 px map covered the network's own column of layers.
 */
const MINIMAP_MIN_PANE_WIDTH = 720;

/** Node title size at zoom 1 when no node is drawn yet to read it from (`.layer-node-kind`). */
const fallbackTitleFontPx = 13;
const proOptions = { hideAttribution: true };
/** Module constant: a new array per render makes React Flow rebuild its key listeners. */
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];

/**
 * The canvas: a controlled React Flow view of the document. Node changes are
 * translated into store calls (style guide §3.6): select → session;
 * position → one undo step per drag; dimensions → measured sizes (session).
 */
/** Module constant: a new object per render would make React Flow re-check every edge. */
const defaultEdgeOptions = { type: 'smoothstep' } as const;

export function GraphCanvas() {
  const { t, i18n } = useTranslation();
  const { setFlowControls } = useAppServices();
  const { editor: store } = useSession();
  const flow = useReactFlow<LayerFlowNode>();
  const doc = useStore(store, (s) => s.doc);
  const session = useStore(store, (s) => s.session);
  const analysis = useAnalysis(store);
  const theme = useThemeStore((s) => s.theme);
  const ariaLabelConfig = useAriaLabels();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(new Map());
  const cache = useRef(new FlowElementCache());
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';

  // The selected layers' problem callouts go where they cover no other layer and stay on screen.
  const transform = useFlowStore((s) => s.transform);
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const computedSides = useMemo(() => {
    const visible = paneWidth > 0 ? visibleFlowRect(transform, paneWidth, paneHeight) : undefined;
    const sides = new Map<string, BalloonSide>();
    const rectOf = (id: string): Rect | null => {
      const node = doc.graph.nodes[id as NodeId];
      return node ? { ...node.position, ...(measured.get(id) ?? typicalNodeSize) } : null;
    };
    for (const id of session.selectedNodeIds) {
      const own = analysis.diagnosticsByNode.get(id);
      const rect = rectOf(id);
      if (!own || own.length === 0 || !rect) continue;
      const others = Object.keys(doc.graph.nodes)
        .filter((other) => other !== id)
        .flatMap((other) => rectOf(other) ?? []);
      sides.set(id, balloonSide(rect, others, visible));
    }
    return sides;
  }, [doc, session.selectedNodeIds, analysis, measured, transform, paneWidth, paneHeight]);
  // Panning recomputes the sides; the nodes are rebuilt only when a side actually changes.
  const sidesKey = [...computedSides].map(([id, side]) => `${id}:${side}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not identity
  const balloonSides = useMemo(() => computedSides, [sidesKey]);

  const nodes = useMemo(
    () => cache.current.buildNodes(doc, session, analysis, measured, locale, balloonSides),
    [doc, session, analysis, measured, locale, balloonSides],
  );
  const edges = useMemo(
    () =>
      cache.current.buildEdges(doc, session, analysis, (from, to) =>
        t('editor:aria.edgeLabel', { from, to }),
      ),
    [doc, session, analysis, t],
  );

  const presentation = usePresentationStore((s) => s.on);
  const paneRef = useRef<HTMLDivElement>(null);
  // The readable view of the whole graph (readable-view.ts): fit, but never below the readable title size.
  const frame = useCallback(
    (duration = 0) => {
      const pane = paneRef.current?.getBoundingClientRect();
      const nodes = flow.getNodes();
      if (!pane || pane.width === 0 || nodes.length === 0) return;
      const title = paneRef.current?.querySelector('.layer-node-kind');
      const titleFontPx = title
        ? parseFloat(getComputedStyle(title).fontSize) || fallbackTitleFontPx
        : fallbackTitleFontPx;
      const viewport = readableViewport(getNodesBounds(nodes), pane, {
        titleFontPx,
        minTitlePx: usePresentationStore.getState().on ? presentationTitlePx : normalTitlePx,
        maxZoom: usePresentationStore.getState().on ? 1.5 : 1,
        padding: 24,
      });
      void flow.setViewport(viewport, { duration });
    },
    [flow],
  );

  useEffect(() => {
    setFlowControls({
      fitView: () => frame(200),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      fitNodes: (ids) =>
        void flow.fitView({
          nodes: ids.map((id) => ({ id })),
          padding: 0.6,
          maxZoom: 1.25,
          duration: 250,
        }),
      viewCenter: () => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({
          x: pane.left + pane.width / 2,
          y: pane.top + pane.height / 2,
        });
      },
    });
    return () => setFlowControls(null);
  }, [flow, frame, setFlowControls]);

  // Frame each newly loaded document once its nodes are measured (the view
  // depends on their sizes), and again when presentation mode changes the
  // readable size. An empty document is not framed: React Flow would wait and
  // then jump to the first node the user drops.
  const loadCount = useStore(store, (s) => s.loadCount);
  const nodesMeasured = useNodesInitialized();
  const framed = useRef<{ load: number; presentation: boolean } | null>(null);
  // `data-framed-load` on the canvas: the load whose view is set (tests wait on it).
  const [framedLoad, setFramedLoad] = useState(0);
  useEffect(() => {
    if (!nodesMeasured) return;
    const last = framed.current;
    if (last && last.load === loadCount && last.presentation === presentation) return;
    framed.current = { load: loadCount, presentation };
    frame(last && last.load === loadCount ? 200 : 0);
    setFramedLoad(loadCount);
  }, [loadCount, nodesMeasured, presentation, frame]);

  // Escape during a drag cancels it: the nodes go back where they were, and
  // the rest of that pointer gesture is ignored (React Flow keeps reporting it).
  const bailedDrag = useRef(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || store.getState().history.mark === null) return;
      bailedDrag.current = true;
      store.getState().bail();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const state = store.getState();
      const moves: { id: NodeId; position: Point }[] = [];
      let dragEnded = false;
      const selects: { id: string; selected: boolean }[] = [];
      const sizes: [string, Measured][] = [];
      for (const change of changes) {
        if (change.type === 'position') {
          if (bailedDrag.current) {
            if (change.dragging === false) bailedDrag.current = false;
            continue;
          }
          if (change.position) moves.push({ id: change.id as NodeId, position: change.position });
          if (change.dragging === true && state.history.mark === null) state.mark('drag');
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'select') {
          selects.push({ id: change.id, selected: change.selected });
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes.push([
            change.id,
            { width: change.dimensions.width, height: change.dimensions.height },
          ]);
        }
      }
      if (moves.length > 0)
        moveNodesOp(store, moves, store.getState().history.mark !== null ? 'ignore' : 'record');
      if (dragEnded) store.getState().squashToMark();
      if (selects.length > 0)
        store
          .getState()
          .select(
            applySelectChanges(state.session.selectedNodeIds, selects) as NodeId[],
            state.session.selectedEdgeIds,
          );
      if (sizes.length > 0) {
        setMeasured((prev) => {
          const next = new Map(prev);
          for (const [id, size] of sizes) next.set(id, size);
          return next;
        });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.flatMap((c) =>
        c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
      );
      if (selects.length === 0) return;
      const { session, select } = store.getState();
      select(
        session.selectedNodeIds,
        applySelectChanges(session.selectedEdgeIds, selects) as EdgeId[],
      );
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const outcome = connectNodes(store, connection.source as NodeId, connection.target as NodeId);
      if (!outcome.ok)
        showToast({
          tone: 'warning',
          messageKey: '',
          text: formatDiagnostic(outcome.diagnostic, currentLanguage()),
        });
    },
    [store],
  );

  // Double-click opens the layer in the inspector.
  const onNodeDoubleClick = useCallback(
    (_event: unknown, node: LayerFlowNode) => {
      store.getState().select([node.id as NodeId]);
      store.getState().showPanel('inspector');
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(layerKindMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(layerKindMime);
      if (!kind) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addLayerAt(store, kind, position, { centre: true });
    },
    [flow, store],
  );

  // Only the layers and edges in view are in the DOM (React Flow renders each
  // once to measure it): on a 300-layer graph every edit otherwise restyles,
  // lays out and hit-tests all of them, which took half of the time of an add.
  // `data-node-count` is the document's layer count, since the DOM no longer
  // holds every layer (tests and bench:editor-ui read it).
  return (
    <div
      ref={paneRef}
      className="canvas"
      data-testid="canvas"
      data-node-count={nodes.length}
      data-framed-load={framedLoad}
      data-load={loadCount}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<LayerFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDoubleClick={onNodeDoubleClick}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectionKeys}
        minZoom={0.1}
        maxZoom={presentation ? 3 : 2}
        colorMode={theme}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={proOptions}
        defaultEdgeOptions={defaultEdgeOptions}
        connectionRadius={28}
        onlyRenderVisibleElements
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        {paneWidth >= MINIMAP_MIN_PANE_WIDTH && <MiniMap pannable zoomable className="minimap" />}
        <Controls showInteractive={false} />
      </ReactFlow>
      {Object.keys(doc.graph.nodes).length === 0 && (
        <div className="canvas-empty">{t('editor:canvas.empty')}</div>
      )}
    </div>
  );
}
