import {
  copyToClipboard,
  pasteFromClipboard,
  removeElements,
  type NodeId,
  type Point,
} from '@core';

import { showToast } from '../ui/toast-store';
import type { ClipboardPort } from './clipboard';
import type { EditorStore } from './editor-store';

/**
 * Copy / cut / paste of layers. The payload is core's JSON text (with a format
 * marker), so a copy from one window pastes into another project.
 */

/** The clipboard text for the selected layers, or null when nothing is selected. */
export function selectionPayload(store: EditorStore): string | null {
  const { doc, session } = store.getState();
  if (session.selectedNodeIds.length === 0) return null;
  return copyToClipboard(doc.graph, session.selectedNodeIds);
}

/** Copies the selected layers (and the edges between them). */
export async function copySelection(store: EditorStore, clipboard: ClipboardPort): Promise<void> {
  const payload = selectionPayload(store);
  if (payload !== null) await clipboard.write(payload);
}

/** Deletes the selected layers after a cut (one undo step). */
export function removeCutSelection(store: EditorStore): void {
  const ids = store.getState().session.selectedNodeIds;
  if (ids.length === 0) return;
  store.getState().apply(
    (doc, nodeIds: readonly NodeId[]) => ({
      ...doc,
      graph: removeElements(doc.graph, { nodeIds, edgeIds: [] }),
    }),
    ids,
  );
  store.getState().select([]);
}

/** Copies, then deletes the selection (one undo step for the delete). */
export async function cutSelection(store: EditorStore, clipboard: ClipboardPort): Promise<void> {
  const ids = store.getState().session.selectedNodeIds;
  if (ids.length === 0) return;
  await copySelection(store, clipboard);
  removeCutSelection(store);
}

/**
 * Pastes layers from the clipboard, shifted so they land near `near` (the
 * view centre) or next to the originals; selects the pasted layers.
 */
export async function pasteClipboard(
  store: EditorStore,
  clipboard: ClipboardPort,
  near: Point | null,
): Promise<void> {
  const text = await clipboard.read();
  if (text !== null) pasteText(store, text, near);
}

/** Pastes layers from clipboard text (a native paste event or the clipboard port). */
export function pasteText(store: EditorStore, text: string, near: Point | null): void {
  let pasted: readonly NodeId[] = [];
  const offset = pasteOffsetFor(text, near);
  const outcome = store.getState().apply(
    (doc, args: { text: string; offset: Point }) => {
      const result = pasteFromClipboard(doc.graph, args.text, args.offset);
      if (!result.ok)
        return { ok: false, error: { code: 'clipboard-not-layers', severity: 'info', args: {} } };
      pasted = result.value.nodeIds;
      return { ok: true, value: { ...doc, graph: result.value.doc } };
    },
    { text, offset },
  );
  if (!outcome.ok) {
    showToast({ tone: 'info', messageKey: 'app:toast.clipboardNotLayers' });
    return;
  }
  store.getState().select(pasted);
}

/** Offset that moves the copied layers' top-left corner to `near`, or a small step when unknown. */
function pasteOffsetFor(text: string, near: Point | null): Point {
  const step = { x: 32, y: 32 };
  if (near === null) return step;
  try {
    const payload = JSON.parse(text) as { nodes?: { position?: Point }[] };
    const positions = (payload.nodes ?? [])
      .map((n) => n.position)
      .filter((p): p is Point => p !== undefined);
    if (positions.length === 0) return step;
    const minX = Math.min(...positions.map((p) => p.x));
    const minY = Math.min(...positions.map((p) => p.y));
    return { x: Math.round(near.x - minX - 100), y: Math.round(near.y - minY - 48) };
  } catch {
    return step;
  }
}
