/* eslint-disable no-control-regex -- these patterns match control characters on purpose */
/**
 * Every generated file is inert for any name: hostile strings (newlines,
 * quotes of every kind, backslashes, `"""`, `</script>`, `${}`, NUL, the RTL
 * override, a coding declaration, 10,000-character names, Chinese) are used as
 * the project name, the TF.js model name, layer names, class names, vocabulary
 * tokens and file names, and each output is read back with a real parser:
 * Python's `ast` (from bytes, as the interpreter reads a file), `xml.etree`
 * (expat) and `csv` through python3, acorn for JavaScript, happy-dom for HTML,
 * JSON.parse. The strings must come back as data, and the code around them
 * must be the code written for a harmless name.
 *
 * Fails (never skips) when python3 is missing.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { parse as parseJs } from 'acorn';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reportToDelimited } from '../core/data/report-export';
import type { HealthReport } from '../core/data/health-report';
import { renderGraphSvg } from '../core/io/diagram/render-graph-svg';
import { csvDataOf, htmlDataOf, mdText, xmlDataOf } from '../core/io/escape/index';
import { hostileStrings } from '../core/io/escape/hostile-strings';
import { exportModel } from '../core/io/export/export-model';
import type { ExportInfo } from '../core/io/export/export-info';
import { buildPytorchFiles } from '../core/io/export/pytorch/model-py';
import { importLayersModel } from '../core/io/import/import-model';
import { readModelFolder } from '../core/io/import/model-folder';
import { decodeUtf8 } from '../core/io/import/text-codec';
import { inferShapes } from '../core/shapes/index';
import { makeExportDir } from './export-test-support';

const scratch = makeExportDir('injection');
afterAll(() => scratch.remove());
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const benign = 'benign name';
const asText = (v: Uint8Array | string | undefined): string =>
  typeof v === 'string' ? v : v === undefined ? '' : decodeUtf8(v);

interface PythonFacts {
  error?: string;
  moduleDoc: string | null;
  classDocs: Record<string, string | null>;
  imports: string[];
  calls: string[];
  top: string[];
}
interface XmlFacts {
  error?: string;
  texts: string[];
  attributes: string[];
  elements: string[];
}

/** CommonMark's two inline rules mdText relies on: backslash escapes of ASCII punctuation, numeric references. */
function decodeMarkdownInline(md: string): string {
  return md.replace(
    /\\([!-/:-@[-`{-~])|&#x([0-9a-f]+);/gi,
    (_, punct: string | undefined, hex: string | undefined) =>
      punct ?? String.fromCodePoint(parseInt(hex ?? '0', 16)),
  );
}

let jobCount = 0;
/** Writes each text to a file and parses them all in one python3 run. */
function parseWithPython<T>(kind: string, texts: readonly string[]): T[] {
  const jobs = texts.map((text) => {
    const path = join(scratch.dir, `job-${jobCount++}`);
    writeFileSync(path, text);
    return { kind, path };
  });
  const list = join(scratch.dir, `jobs-${jobCount++}.json`);
  writeFileSync(list, JSON.stringify(jobs));
  const run = spawnSync('python3', [join(__dirname, 'parse_generated.py'), list], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout) as T[];
}

function infoFor(name: string): ExportInfo {
  return {
    modelName: name,
    labels: [name, 'label b', 'label c'],
    inputShape: [null, 4],
    image: null,
    text: {
      tokenizer: {
        sampleUnit: 'lines',
        lowercase: true,
        stripPunctuation: true,
        split: 'whitespace',
        vocabularySize: 4,
        sequenceLength: 4,
        truncating: 'post',
        padding: 'post',
        encoding: 'auto',
      },
      vocabulary: ['', '[UNK]', name, 'a'],
    },
    versions: { layerlab: '0.1.0', tfjs: tf.version.tfjs },
    training: { epochs: 1, finalMetrics: { loss: 1 }, finishedAt: '2026-01-01T00:00:00.000Z' },
    exportedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A tiny model whose TF.js name (the model.py class docstring) is `name`; layer names TF.js restricts. */
function tinyModel(name: string): tf.LayersModel {
  const input = tf.input({ shape: [4], name: 'features' });
  const hidden = tf.layers.dense({ units: 3, activation: 'relu', name: 'hidden' }).apply(input);
  const out = tf.layers
    .dense({ units: 3, activation: 'softmax', name: 'out' })
    .apply(hidden) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name });
}

async function exportFor(name: string): Promise<Record<string, string>> {
  const model = tinyModel(name);
  const files = await exportModel(model, infoFor(name));
  model.dispose();
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => !path.endsWith('.bin') && !path.endsWith('.npz'))
      .map(([path, contents]) => [path, asText(contents)]),
  );
}

describe(`export injection: ${hostileStrings.length} hostile strings through every generator`, () => {
  let baseline: Record<string, string>;
  const exported: Record<string, string>[] = [];
  beforeAll(async () => {
    baseline = await exportFor(benign);
    for (const h of hostileStrings) exported.push(await exportFor(h));
  }, 240_000);

  it('model.py parses (from bytes) with the same code for every project and model name, the names as docstrings', () => {
    const facts = parseWithPython<PythonFacts>('python', [
      baseline['model.py'] ?? '',
      ...exported.map((f) => f['model.py'] ?? ''),
    ]);
    const [base, ...rest] = facts;
    expect(base?.error).toBeUndefined();
    hostileStrings.forEach((h, i) => {
      const f = rest[i];
      expect(f?.error, JSON.stringify(h.slice(0, 80))).toBeUndefined();
      expect(f?.imports).toEqual(base?.imports);
      expect(f?.calls).toEqual(base?.calls);
      expect(f?.top).toEqual(base?.top);
      expect(f?.moduleDoc?.slice(0, h.length + 1), JSON.stringify(h.slice(0, 80))).toBe(`${h}\n`);
      expect(
        f?.classDocs['ExportedModel']?.slice(0, h.length + 8),
        JSON.stringify(h.slice(0, 80)),
      ).toBe(`${h}: inputs`);
    });
  });

  it('model.py parses with hostile layer names (a topology from a hand-edited model.json)', async () => {
    const model = tinyModel('layers');
    const files = await exportModel(model, infoFor('layers'));
    model.dispose();
    const folder = readModelFolder(files);
    if (!folder.ok) throw new Error(folder.error.message);
    const { topology, weights } = folder.value;
    const sources = hostileStrings.map((h) => {
      const rename = (n: string) => (n === 'hidden' ? `${h}` : n === 'out' ? `${h} out` : n);
      const renamed = {
        ...topology,
        name: h,
        layers: topology.layers.map((l) => ({
          ...l,
          name: rename(l.name),
          inbound: l.inbound.map(rename),
        })),
        inputs: topology.inputs.map(rename),
        outputs: topology.outputs.map(rename),
      };
      const renamedWeights = weights.weights.map((w) => ({
        ...w,
        name: w.name.replace(/^(hidden|out)\//, (_, n: string) => `${rename(n)}/`),
      }));
      const built = buildPytorchFiles(renamed, renamedWeights, h);
      if (!built.ok) throw new Error(built.error.message);
      return built.value.modelPy;
    });
    const facts = parseWithPython<PythonFacts>('python', sources);
    hostileStrings.forEach((h, i) => {
      const f = facts[i];
      expect(f?.error, JSON.stringify(h.slice(0, 80))).toBeUndefined();
      expect(f?.imports).toEqual(['numpy', 'torch', 'torch.nn.functional']);
      expect(f?.calls).not.toContain('system');
      expect(
        f?.classDocs['ExportedModel']?.slice(0, h.length + 8),
        JSON.stringify(h.slice(0, 80)),
      ).toBe(`${h}: inputs`);
    });
  });

  it('predict.py and predict.mjs are constants that never contain a user string, and parse', () => {
    for (const f of exported) {
      expect(f['predict.py']).toBe(baseline['predict.py']);
      expect(f['predict.mjs']).toBe(baseline['predict.mjs']);
    }
    expect(() =>
      parseJs(baseline['predict.mjs'] ?? '', { ecmaVersion: 'latest', sourceType: 'module' }),
    ).not.toThrow();
    const [facts] = parseWithPython<PythonFacts>('python', [baseline['predict.py'] ?? '']);
    expect(facts?.error).toBeUndefined();
  });

  it('predict.html has the same elements and scripts for every name, and shows the name as text', () => {
    const window = new Window();
    const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
    const baseDoc = parse(baseline['predict.html'] ?? '');
    type Doc = ReturnType<typeof parse>;
    const tags = (d: Doc) => [...d.querySelectorAll('*')].map((e) => e.tagName).join(' ');
    const scripts = (d: Doc) => [...d.querySelectorAll('script')].map((s) => s.textContent);
    hostileStrings.forEach((h, i) => {
      const doc = parse(exported[i]?.['predict.html'] ?? '');
      expect(tags(doc)).toBe(tags(baseDoc));
      expect(scripts(doc)).toEqual(scripts(baseDoc));
      expect(doc.querySelector('h1')?.textContent).toBe(htmlDataOf(h));
      expect(doc.querySelector('title')?.textContent).toBe(`${htmlDataOf(h)} · predict`);
    });
    for (const code of scripts(baseDoc))
      expect(() =>
        parseJs(code ?? '', { ecmaVersion: 'latest', sourceType: 'script' }),
      ).not.toThrow();
    void window.happyDOM.close();
  });

  it("predict-data.js is one assignment of JSON.parse of one ASCII string literal, which reads back as the folder's own data", () => {
    /** The file's code around its one string literal, and what that literal holds. */
    const read = (code: string) => {
      const program = parseJs(code, { ecmaVersion: 'latest', sourceType: 'script' });
      expect(program.body).toHaveLength(1);
      const statement = program.body[0];
      if (statement?.type !== 'ExpressionStatement') throw new Error('not an expression');
      const assignment = statement.expression;
      if (assignment.type !== 'AssignmentExpression') throw new Error('not an assignment');
      expect(code.slice(assignment.left.start, assignment.left.end)).toBe('window.layerlabExport');
      const call = assignment.right;
      if (call.type !== 'CallExpression') throw new Error('not a call');
      expect(code.slice(call.callee.start, call.callee.end)).toBe('JSON.parse');
      expect(call.arguments).toHaveLength(1);
      const literal = call.arguments[0];
      if (literal?.type !== 'Literal' || typeof literal.value !== 'string')
        throw new Error('not a string literal');
      return {
        around: code.slice(0, literal.start) + code.slice(literal.end),
        data: JSON.parse(literal.value) as Record<string, unknown>,
      };
    };
    const base = read(baseline['predict-data.js'] ?? '');
    hostileStrings.forEach((h, i) => {
      const f = exported[i] ?? {};
      const code = f['predict-data.js'] ?? '';
      const label = JSON.stringify(h.slice(0, 80));
      // Printable ASCII only (other characters as escapes): no markup, control, bidi or separator character.
      expect(code, label).toMatch(/^[\x20-\x7e\n]*$/);
      expect(code, label).not.toMatch(/[<>]/);
      const { around, data } = read(code);
      expect(around, label).toBe(base.around);
      expect(data['metadata'], label).toEqual(JSON.parse(f['metadata.json'] ?? ''));
      expect(data['vocabulary'], label).toEqual(JSON.parse(f['vocab.json'] ?? ''));
      expect(data['modelTopology'], label).toEqual(
        (JSON.parse(f['model.json'] ?? '') as { modelTopology: unknown }).modelTopology,
      );
    });
  });

  it('README.md holds every name only as escaped inline text, in the same lines as for a harmless name', () => {
    const readmeOf = (f: Record<string, string>) => f['README.md'] ?? '';
    hostileStrings.forEach((h, i) => {
      if (h === '') return;
      const readme = readmeOf(exported[i] ?? {});
      expect(readme.split('\n')[0]).toBe(`# ${mdText(h)}`);
      // Putting the harmless name back where the hostile one was escaped gives the harmless README
      // (when the escaped name, like a lone quote, is not also part of the fixed text).
      if (!readmeOf(baseline).includes(mdText(h)))
        expect(readme.split(mdText(h)).join(mdText(benign))).toBe(readmeOf(baseline));
      expect(readme.split('\n').length).toBe(readmeOf(baseline).split('\n').length);
      // CommonMark reads the escaped text back as the name (NUL and lone surrogates as U+FFFD).
      expect(decodeMarkdownInline(mdText(h))).toBe(
        h.replace(
          /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        ),
      );
    });
  });

  it('metadata.json, vocab.json and labels.txt keep the names as data, one label per line', () => {
    const lines = parseWithPython<{ lines: string[]; error?: string }>(
      'lines',
      exported.map((f) => f['labels.txt'] ?? ''),
    );
    hostileStrings.forEach((h, i) => {
      const f = exported[i] ?? {};
      const meta = JSON.parse(f['metadata.json'] ?? '') as { modelName: string; labels: string[] };
      expect(meta.modelName).toBe(h);
      expect(meta.labels[0]).toBe(h);
      expect((JSON.parse(f['vocab.json'] ?? '') as string[])[2]).toBe(h);
      expect(lines[i]?.lines.length).toBe(3);
      expect(lines[i]?.lines[2]?.startsWith('2 ')).toBe(true);
    });
  });

  it('the SVG diagram parses as XML with every layer name and the title as text', async () => {
    const model = tinyModel('diagram');
    const imported = importLayersModel(await exportModel(model, infoFor('diagram')));
    model.dispose();
    if (!imported.ok) throw new Error(imported.error.message);
    const doc = imported.value.doc;
    const svgs = hostileStrings.map((h) => {
      const nodes = Object.fromEntries(
        Object.entries(doc.nodes).map(([id, n]) => [id, { ...n, name: h }]),
      );
      return renderGraphSvg({ ...doc, nodes }, inferShapes(doc), 'zh-CN', h);
    });
    const facts = parseWithPython<XmlFacts>('xml', svgs);
    hostileStrings.forEach((h, i) => {
      const f = facts[i];
      expect(f?.error, JSON.stringify(h.slice(0, 80))).toBeUndefined();
      expect(f?.texts).toContain(xmlDataOf(h));
      expect(f?.attributes.filter((a) => a === xmlDataOf(h)).length).toBe(
        Object.keys(doc.nodes).length,
      );
    });
  });

  it('the dataset report reads back with Python csv as the same cells, formulas defused', () => {
    const reportFor = (h: string): HealthReport => ({
      kind: 'image',
      classes: [{ name: h, count: 3, trainCount: 2, validationCount: 1 }],
      usableCount: 3,
      skipped: [{ path: `${h}/${h}.png`, reason: 'corrupt', detail: h }],
      ignored: [{ path: `${h}.tmp`, reason: h }],
      emptyClasses: [h],
      rootFiles: [h],
      duplicates: [[`${h}/a.png`, `${h}/b.png`]],
      distribution: [],
      issues: [{ code: 'dataset-empty-class', severity: 'warning', subject: h, message: h }],
    });
    const csv = hostileStrings.map((h) => reportToDelimited(reportFor(h), 'csv'));
    const tsv = hostileStrings.map((h) => reportToDelimited(reportFor(h), 'tsv'));
    const csvRows = parseWithPython<{ rows: string[][]; error?: string }>('csv', csv);
    const tsvRows = parseWithPython<{ rows: string[][]; error?: string }>('tsv', tsv);
    hostileStrings.forEach((h, i) => {
      const rows = csvRows[i]?.rows ?? [];
      expect(csvRows[i]?.error, JSON.stringify(h.slice(0, 80))).toBeUndefined();
      expect(rows.length).toBe(9);
      expect(rows.every((r) => r.length === 6)).toBe(true);
      expect(rows[1]?.[1]).toBe(csvDataOf(h));
      expect(rows[3]?.[2]).toBe(csvDataOf(`${h}/${h}.png`));
      expect(rows[8]?.[5]).toBe(csvDataOf(h));
      const t = tsvRows[i]?.rows ?? [];
      expect(t.length).toBe(9);
      expect(t.every((r) => r.length === 6)).toBe(true);
    });
  });
});
