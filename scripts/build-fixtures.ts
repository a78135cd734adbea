/**
 * Writes the project fixtures in core/fixtures/ (valid and broken projects,
 * each with its expected outcome in core/fixtures/expectations.json). Run once
 * after changing a fixture: `npx tsx scripts/build-fixtures.ts`. The files are
 * committed and frozen; `core/fixtures/fixtures.test.ts` and e2e read them.
 * Migration fixtures (core/fixtures/migrations/) are hand-written, never regenerated.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { GraphDoc, ProjectDoc } from '../core/index';
import { addLayer, createProject, serializeProject, tidyLayout } from '../core/index';
import { buildChain, mustConnect } from '../core/fixtures/build-graph';
import type { ChainLayer } from '../core/fixtures/build-graph';

const dir = (name: string) => fileURLToPath(new URL(`../core/fixtures/${name}`, import.meta.url));

function project(name: string, graph: GraphDoc, patch: Partial<ProjectDoc> = {}): ProjectDoc {
  return {
    ...createProject(name, undefined, { appVersion: '0.1.0', savedAt: '2026-01-01T00:00:00.000Z' }),
    graph: tidyLayout(graph),
    ...patch,
  };
}

function write(name: string, text: string) {
  writeFileSync(dir(name), text);
  console.log(`wrote ${name}`);
}

const chain = (layers: ChainLayer[]) => buildChain(layers).doc;

const cnnMnist = chain([
  { kind: 'ImageInput', params: { height: 28, width: 28, channels: 1 } },
  { kind: 'Conv2D', params: { filters: 8, kernelSize: [3, 3] } },
  'MaxPooling2D',
  'Flatten',
  { kind: 'Dense', params: { units: 32 } },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);
write('cnn-mnist.layerlab', serializeProject(project('cnn-mnist', cnnMnist)));
write(
  'mlp-iris.layerlab',
  serializeProject(
    project(
      'mlp-iris',
      chain([
        { kind: 'VectorInput', params: { size: 4 } },
        { kind: 'Dense', params: { units: 8 } },
        { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
      ]),
    ),
  ),
);

const res = buildChain([
  { kind: 'VectorInput', params: { size: 16 } },
  { kind: 'Dense', params: { units: 16 } },
  { kind: 'Dense', params: { units: 16 } },
]);
const add = addLayer(res.doc, { kind: 'Add', position: { x: 0, y: 0 } });
let residual = mustConnect(add.doc, res.ids[2]!, add.nodeId);
residual = mustConnect(residual, res.ids[1]!, add.nodeId);
const head = addLayer(residual, {
  kind: 'Dense',
  position: { x: 0, y: 0 },
  params: { units: 3, activation: 'softmax' },
});
residual = mustConnect(head.doc, add.nodeId, head.nodeId);
write('residual-add.layerlab', serializeProject(project('residual-add', residual)));

write(
  'broken-rank.layerlab',
  serializeProject(
    project(
      'broken-rank',
      chain([
        'ImageInput',
        'Flatten',
        'Conv2D',
        'Flatten',
        { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ]),
    ),
  ),
);
write(
  'linear-collapse.layerlab',
  serializeProject(
    project(
      'linear-collapse',
      chain([
        'VectorInput',
        { kind: 'Dense', params: { activation: 'linear' } },
        { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
      ]),
    ),
  ),
);
write(
  'absurd-params.layerlab',
  serializeProject(
    project(
      'absurd-params',
      chain([
        'ImageInput',
        { kind: 'Conv2D', params: { kernelSize: [-3, -3] } },
        'Flatten',
        { kind: 'Dense', params: { units: 1e9, activation: 'softmax' } },
      ]),
    ),
  ),
);
write(
  'string-nan.layerlab',
  serializeProject(
    project(
      'string-nan',
      chain(['VectorInput', { kind: 'Dense', params: { units: 'NaN', activation: 'softmax' } }]),
    ),
  ),
);
write(
  'markup-names.layerlab',
  serializeProject(
    project(
      '<script>alert(1)</script>',
      chain([
        { kind: 'VectorInput', name: '<img src=x onerror=alert(1)>' },
        {
          kind: 'Dense',
          name: '"><svg onload=alert(2)>',
          params: { units: 3, activation: 'softmax' },
        },
      ]),
    ),
  ),
);
write(
  'unknown-kind.layerlab',
  serializeProject(project('unknown-kind', chain(['VectorInput', { kind: 'Conv3D' }]))),
);

// Broken files are written by hand-editing a valid one, as a damaged or hostile file would look.
const valid = JSON.parse(
  serializeProject(
    project(
      'base',
      chain([
        'VectorInput',
        'Dense',
        { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
      ]),
    ),
  ),
);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON surgery on a copy
const edit = (name: string, change: (p: Record<string, any>) => void) => {
  const copy = structuredClone(valid);
  change(copy);
  write(name, `${JSON.stringify(copy, null, 2)}\n`);
};
edit('cycle.layerlab', (p) => (p.graph.edges.e3 = { id: 'e3', source: 'n3', target: 'n2' }));
edit(
  'dangling-edge.layerlab',
  (p) => (p.graph.edges.e3 = { id: 'e3', source: 'n3', target: 'n404' }),
);
edit('future-version.layerlab', (p) => (p.schemaVersion = 99));
edit('missing-fields.layerlab', (p) => delete p.training);
edit(
  'integer-ids.layerlab',
  (p) => (p.graph.edges = { 1: { id: '1', source: 'n1', target: 'n2' } }),
);
edit('not-a-project.layerlab', (p) => delete p.format);
write(
  'not-json.layerlab',
  '{ "format": "layerlab", "schemaVersion": 2, "graph": { "nodes": { "n1": { "params": { "units": NaN } } } }\n',
);
write('empty-file.layerlab', '');
