/**
 * Core half of `npm run bench:editor`: shape inference + validation per edit
 * on a generated 300-node graph (target: median under 5 ms). Prints figures;
 * asserts nothing. The UI half (adding a node end to end) lives with the e2e suite.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import type { GraphDoc, NodeId } from '../core/index';
import {
  addLayer,
  connect,
  defaultTrainingConfig,
  emptyGraph,
  inferShapes,
  removeElements,
  setParams,
  summarizeModel,
  validateGraph,
} from '../core/index';

function must(doc: GraphDoc, source: NodeId, target: NodeId): GraphDoc {
  const r = connect(doc, source, target);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.doc;
}

/** ImageInput → Conv2D stem → BatchNormalization → 98 residual blocks (Conv2D same → BatchNormalization → Add) → GlobalAveragePooling2D → Dropout → Dense = 300 nodes. */
function generateGraph(): { doc: GraphDoc; convs: NodeId[] } {
  let doc = emptyGraph;
  const add = (kind: string, params = {}) => {
    const r = addLayer(doc, { kind, position: { x: 0, y: 0 }, params });
    doc = r.doc;
    return r.nodeId;
  };
  const input = add('ImageInput', { height: 32, width: 32, channels: 3 });
  const stem = add('Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same' });
  let previous = add('BatchNormalization');
  doc = must(doc, input, stem);
  doc = must(doc, stem, previous);
  const convs: NodeId[] = [];
  for (let block = 0; block < 98; block++) {
    const conv = add('Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same' });
    const bn = add('BatchNormalization');
    const sum = add('Add');
    doc = must(doc, previous, conv);
    doc = must(doc, conv, bn);
    doc = must(doc, previous, sum);
    doc = must(doc, bn, sum);
    convs.push(conv);
    previous = sum;
  }
  const gap = add('GlobalAveragePooling2D');
  const dropout = add('Dropout');
  const dense = add('Dense', { units: 10, activation: 'softmax', unitsFromDataset: true });
  doc = must(doc, previous, gap);
  doc = must(doc, gap, dropout);
  doc = must(doc, dropout, dense);
  return { doc, convs };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const { doc: start, convs } = generateGraph();
const nodeCount = Object.keys(start.nodes).length;
const context = { training: defaultTrainingConfig, dataset: { classCount: 10 } };

/** One edit as the editor performs it: command, then inference, validation and the summary. */
function edit(doc: GraphDoc, i: number): GraphDoc {
  const conv = convs[(i * 37) % convs.length]!;
  switch (i % 4) {
    case 0:
      return setParams(doc, conv, { kernelSize: i % 8 === 0 ? [5, 5] : [3, 3] });
    case 1:
      return setParams(doc, conv, { activation: i % 2 ? 'relu' : 'tanh' });
    case 2:
      return addLayer(doc, { kind: 'Dense', position: { x: i, y: i } }).doc;
    default: {
      const stray = Object.values(doc.nodes).find(
        (n) => n.kind === 'Dense' && n.name !== 'dense_1',
      );
      return stray ? removeElements(doc, { nodeIds: [stray.id] }) : doc;
    }
  }
}

function run(edits: number): number[] {
  let doc = start;
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const t0 = performance.now();
    doc = edit(doc, i);
    const shapes = inferShapes(doc, { datasetClassCount: 10 });
    const diagnostics = validateGraph(doc, { ...context, shapes });
    summarizeModel(doc, shapes);
    times.push(performance.now() - t0);
    if (diagnostics.some((d) => d.severity === 'error' && d.code !== 'disconnected-node'))
      throw new Error(
        `unexpected ${JSON.stringify(diagnostics.find((d) => d.severity === 'error'))}`,
      );
  }
  return times;
}

run(100); // warm-up: JIT
const times = run(500).sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  `bench:editor (core) — ${nodeCount}-node graph, ${Object.keys(start.edges).length} edges, ${times.length} edits (command + inferShapes + validateGraph + summarizeModel)`,
);
console.log(
  `  median ${percentile(times, 0.5).toFixed(3)} ms · p95 ${percentile(times, 0.95).toFixed(3)} ms · max ${times[times.length - 1]!.toFixed(3)} ms · mean ${mean.toFixed(3)} ms  (target: median < 5 ms)`,
);
console.log(
  `  machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (other work inflates p95/max)`,
);
