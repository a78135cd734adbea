import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { readDatasetBoxes } from './load-boxes';

const parent = await mkdtemp(path.join(os.tmpdir(), 'layerlab-boxes-'));
afterAll(() => rm(parent, { recursive: true, force: true }));

const samples = [
  { key: 'cat/a.png', width: 40, height: 20 },
  { key: 'dog/b.png', width: 40, height: 40 },
];

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(parent, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await mkdir(root, { recursive: true });
  return root;
}

const voc = (file: string, box: [number, number, number, number], extra = '') =>
  `<?xml version="1.0"?>${extra}<annotation><filename>${file}</filename><size><width>40</width><height>40</height></size>` +
  `<object><name>x</name><bndbox><xmin>${box[0]}</xmin><ymin>${box[1]}</ymin><xmax>${box[2]}</xmax><ymax>${box[3]}</ymax></bndbox></object></annotation>`;

describe('boxes of a dataset folder', () => {
  it('has none for a plain classification folder', async () => {
    expect(await readDatasetBoxes(await folder('plain', {}), samples)).toBeNull();
  });

  it('reads boxes.csv, normalised per image', async () => {
    const root = await folder('csv', {
      'boxes.csv': 'file,x,y,width,height\ncat/a.png,10,5,20,10\ndog/b.png,0,0,40,40\n',
    });
    const read = await readDatasetBoxes(root, samples);
    expect(read?.issues).toEqual([]);
    expect(Array.from(read!.boxes)).toEqual([0.25, 0.25, 0.5, 0.5, 0, 0, 1, 1]);
  });

  it('reads boxes.json', async () => {
    const root = await folder('json', {
      'boxes.json': JSON.stringify([
        { file: 'cat/a.png', x: 0, y: 0, width: 40, height: 20 },
        { file: 'dog/b.png', x: 20, y: 20, width: 20, height: 20 },
      ]),
    });
    const read = await readDatasetBoxes(root, samples);
    expect(Array.from(read!.boxes)).toEqual([0, 0, 1, 1, 0.5, 0.5, 0.5, 0.5]);
  });

  it('reads Pascal VOC annotations by file name, and reports a hostile one instead of expanding it', async () => {
    const root = await folder('voc', {
      'Annotations/a.xml': voc('a.png', [10, 5, 30, 15]),
      'Annotations/b.xml': voc(
        'b.png',
        [0, 0, 10, 10],
        '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      ),
    });
    const read = await readDatasetBoxes(root, samples);
    expect(Array.from(read!.boxes.subarray(0, 4))).toEqual([0.25, 0.25, 0.5, 0.5]);
    expect(read!.issues.map((i) => i.code).sort()).toEqual([
      'dataset-boxes-missing',
      'dataset-boxes-unreadable',
    ]);
  });
});
