import { describe, expect, it } from 'vitest';

import {
  createProject,
  defaultImageOptions,
  discoverClasses,
  inspectImageBytes,
  parseProject,
  planDataset,
  serializeProject,
} from '@core';
import type { FileCheck, NodeId, ProjectDoc } from '@core';

import {
  datasetConfigFrom,
  initialImageOptions,
  keptTestFolder,
  setDataset,
  setTestFolder,
  splitSettingsFor,
} from './dataset-doc';

const grant = { grantId: 'g1', name: 'leaves', displayPath: '/data/leaves' };

function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

function plan() {
  const files = Array.from({ length: 6 }, (_, i) => ({
    path: `${i % 2 ? 'oak' : 'maple'}/${i}.png`,
    size: 33,
    mtimeMs: 0,
  }));
  const discovery = discoverClasses(files, 'image');
  const checks = new Map<string, FileCheck>(
    files.map((f, i) => [f.path, inspectImageBytes(pngHeader(i + 1, 1))]),
  );
  return planDataset({
    kind: 'image',
    discovery,
    checks,
    split: { seed: 3, validationShare: 0.3 },
  });
}

describe('dataset in the project document', () => {
  it('saves folder, class map, split with validation paths and options', () => {
    const p = plan();
    const config = datasetConfigFrom({
      kind: 'image',
      grant,
      plan: p,
      seed: 3,
      validationShare: 0.3,
      image: defaultImageOptions,
      text: null,
      vocabulary: null,
    });
    expect(config).toMatchObject({
      kind: 'image',
      folder: { name: 'leaves', displayPath: '/data/leaves' },
      classNames: ['maple', 'oak'],
      text: null,
      vocabulary: null,
    });
    expect(config.split.validationPaths).toEqual(p.validationKeys);
    const doc = setDataset(createProject('x'), config);
    expect(doc.dataset).toBe(config);
    expect(setDataset(doc, config)).toBe(doc);
  });
  it('re-applies the stored split only for the same folder and kind', () => {
    const p = plan();
    const doc: ProjectDoc = setDataset(
      createProject('x'),
      datasetConfigFrom({
        kind: 'image',
        grant,
        plan: p,
        seed: 3,
        validationShare: 0.3,
        image: defaultImageOptions,
        text: null,
        vocabulary: null,
      }),
    );
    expect(splitSettingsFor(doc, grant, 'image').validationPaths).toEqual(p.validationKeys);
    expect(
      splitSettingsFor(doc, { ...grant, displayPath: '/other' }, 'image').validationPaths,
    ).toBeUndefined();
    expect(splitSettingsFor(doc, grant, 'text').validationPaths).toBeUndefined();
  });
  it('sizes new image options from the graph’s ImageInput', () => {
    const doc = createProject('x');
    const withInput: ProjectDoc = {
      ...doc,
      graph: {
        nodes: {
          a: {
            id: 'a' as NodeId,
            kind: 'ImageInput',
            name: 'in',
            params: { width: 64, height: 48, channels: 3 },
            position: { x: 0, y: 0 },
          },
        } as ProjectDoc['graph']['nodes'],
        edges: {},
      },
    };
    expect(initialImageOptions(withInput)).toMatchObject({
      width: 64,
      height: 48,
      colorMode: 'rgb',
    });
    expect(initialImageOptions(doc)).toEqual(defaultImageOptions);
  });
  it('stores the test folder in the project file, keeps it on reload and drops it for another kind', () => {
    const config = datasetConfigFrom({
      kind: 'image',
      grant,
      plan: plan(),
      seed: 3,
      validationShare: 0.3,
      image: defaultImageOptions,
      text: null,
      vocabulary: null,
    });
    expect(config.testFolder).toBeNull();
    const test = { name: 'leaves-test', displayPath: '/data/leaves-test' };
    const doc = setTestFolder(setDataset(createProject('x'), config), test);
    expect(doc.dataset?.testFolder).toEqual(test);
    expect(setTestFolder(doc, { ...test })).toBe(doc);
    // Without a dataset there is nothing to test against.
    const empty = createProject('y');
    expect(setTestFolder(empty, test)).toBe(empty);

    // Save → reopen restores it; older files with null still load.
    const reopened = parseProject(serializeProject(doc));
    expect(reopened.ok && reopened.value.dataset?.testFolder).toEqual(test);
    const older = parseProject(serializeProject(setTestFolder(doc, null)));
    expect(older.ok && older.value.dataset?.testFolder).toBeNull();

    expect(keptTestFolder(doc, 'image')).toEqual(test);
    expect(keptTestFolder(doc, 'text')).toBeNull();
    expect(
      datasetConfigFrom({
        kind: 'image',
        grant,
        plan: plan(),
        seed: 3,
        validationShare: 0.3,
        image: defaultImageOptions,
        text: null,
        vocabulary: null,
        testFolder: keptTestFolder(doc, 'image'),
      }).testFolder,
    ).toEqual(test);
  });
});
