/**
 * Splits a page's JS heap into compiled code, object shapes and the program's
 * data, from a heap snapshot taken over the DevTools protocol. V8 keeps
 * optimised machine code for functions that ran hot (training, charts,
 * inspection) long after a project closes and tiers more of it up on each
 * use; that is the engine's code cache, not a project's data. Object shapes
 * (V8's hidden classes: `system / Map`, descriptor arrays, enum caches) are
 * its record of object layouts, which that code's inline caches and the
 * shape transition trees refer to; a program cannot free them either. What is
 * left (objects, arrays, strings, closures, numbers) is what a program keeps,
 * so it shows whether closing a project really gives its data back.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapByKind {
  /** Bytecode, machine code, feedback vectors and their metadata. */
  codeMb: number;
  /** Hidden classes and their descriptors: V8's layout records. */
  shapesMb: number;
  /** JS objects, arrays, strings, closures, numbers: what a program keeps. */
  dataMb: number;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

// Blink's C++ objects (DOM, layout) are reported as 'native' and are not part
// of the V8 heap that Runtime.getHeapUsage measures; 'synthetic' are roots.
const notInJsHeap = new Set(['native', 'synthetic']);

export async function heapByKind(cdp: CDPSession): Promise<HeapByKind> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as SnapshotJson;
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeField = fields.indexOf('type');
  const sizeField = fields.indexOf('self_size');
  let code = 0;
  let shapes = 0;
  let data = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeField] ?? -1] ?? '';
    const size = snapshot.nodes[i + sizeField] ?? 0;
    if (type === 'code') code += size;
    else if (type === 'object shape') shapes += size;
    else if (!notInJsHeap.has(type)) data += size;
  }
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  return { codeMb: mb(code), shapesMb: mb(shapes), dataMb: mb(data) };
}
