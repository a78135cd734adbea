import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { packLimits } from './pack-limits';
import { formatPackMessage } from './pack-messages';
import { readPack } from './read-pack';
import { samplePackContents, type SamplePackSources } from './sample-pack';
import { writePack, type PackContents } from './write-pack';
import { isSafeRelativePath, readZip } from './zip-read';

const templates = import.meta.glob(
  ['../../assets/templates/lenet.layerlab', '../../assets/samples/licenses/fashion-mnist.txt'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;
/** A small PNG-signed image (the reader checks magic bytes, never decodes). */
const png = (n: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n, n + 1, n + 2]);
/** The sample's sources: the real LeNet template and licence, ten tiny stand-in images per class. */
function sampleSources(): SamplePackSources {
  const fashionFiles: Record<string, Uint8Array> = {};
  for (let c = 0; c < 10; c++)
    for (let i = 0; i < 10; i++) fashionFiles[`class${c}/${i}.png`] = png(c * 10 + i);
  return {
    lenetProject: templates['../../assets/templates/lenet.layerlab'] ?? '',
    fashionFiles,
    fashionLicence: templates['../../assets/samples/licenses/fashion-mnist.txt'] ?? '',
    image: png(0),
    appVersion: '0.1.0',
  };
}

const sample = samplePackContents(sampleSources());
const encode = (text: string) => new TextEncoder().encode(text);

/** The sample with one change to its manifest. */
function withManifest(change: (m: Record<string, unknown>) => void): Uint8Array {
  const manifest = structuredClone(sample.manifest) as unknown as Record<string, unknown>;
  change(manifest);
  return writePack({ ...sample, manifest: manifest as unknown as PackContents['manifest'] });
}

function codeOf(bytes: Uint8Array, caps = { ...packLimits }): string {
  const read = readPack(bytes, caps);
  return read.ok ? 'ok' : read.error.code;
}

/** Sets one entry's declared inflated size in both the local and the central header (a lying zip). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = encode(name);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    const nameAt = sig === 0x04034b50 ? at + 30 : sig === 0x02014b50 ? at + 46 : -1;
    if (nameAt < 0) continue;
    const length = view.getUint16(sig === 0x04034b50 ? at + 26 : at + 28, true);
    if (length !== nameBytes.length) continue;
    if (!out.subarray(nameAt, nameAt + length).every((b, i) => b === nameBytes[i])) continue;
    view.setUint32(sig === 0x04034b50 ? at + 22 : at + 24, size, true);
  }
  return out;
}

describe('readPack', () => {
  it('opens the sample package with its four steps, keys and embedded dataset', () => {
    const read = readPack(writePack(sample));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.steps.map((s) => s.step.kind)).toEqual(['reading', 'lab', 'project', 'lab']);
    expect(Object.keys(read.value.answers).sort()).toEqual(['conv11', 'dw5']);
    const dataset = read.value.datasets.get('data/fashion-mnist');
    expect(dataset?.files.size).toBe(100);
    expect(dataset?.licence).toMatch(/Zalando/);
  });

  it('refuses a file that is not a zip', () => {
    expect(codeOf(encode('{"format":"layerlab"}'))).toBe('pack-not-zip');
    expect(codeOf(new Uint8Array(0))).toBe('pack-not-zip');
  });

  it('refuses a truncated package', () => {
    const whole = writePack(sample);
    expect(codeOf(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('pack-truncated');
    // The directory intact but an entry's data cut: the zip's own offsets point past the end.
    expect(codeOf(whole.subarray(0, whole.length - 30))).toMatch(/pack-(truncated|corrupt)/);
  });

  it('refuses a damaged entry by its CRC', () => {
    const zip = zipSync({ 'manifest.json': [encode('{"a":1}'), { level: 0 }] });
    const damaged = zip.slice();
    const at = 30 + 'manifest.json'.length;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    expect(codeOf(damaged)).toBe('pack-corrupt');
  });

  it('refuses a package from a newer LayerLab, naming both versions', () => {
    const read = readPack(withManifest((m) => (m.version = 99)));
    expect(read.ok ? null : read.error.code).toBe('pack-future-version');
    if (read.ok) return;
    expect(formatPackMessage(read.error.code, read.error.args, 'zh-CN')).toContain('99');
    expect(formatPackMessage(read.error.code, read.error.args, 'en')).toMatch(/newer LayerLab/);
  });

  it.each([
    ['../evil.txt'],
    ['steps/../../evil.txt'],
    ['/etc/passwd'],
    ['C:/Windows/evil.dll'],
    ['steps\\..\\evil.txt'],
    ['./manifest.json'],
  ])('refuses the unsafe path %s', (name) => {
    const zip = zipSync({ 'manifest.json': encode('{}'), [name]: encode('x') });
    expect(codeOf(zip)).toBe('pack-unsafe-path');
  });

  it('accepts ordinary relative paths and rejects climbing ones', () => {
    expect(isSafeRelativePath('data/fashion-mnist/Bag/1.png')).toBe(true);
    expect(isSafeRelativePath('数据/类别/图.png')).toBe(true);
    expect(isSafeRelativePath('a//b')).toBe(false);
    expect(isSafeRelativePath('a/../b')).toBe(false);
  });

  it('refuses a symbolic link (Unix mode in the external attributes)', () => {
    const zip = zipSync({
      'manifest.json': encode('{}'),
      'steps/link': [encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    expect(codeOf(zip)).toBe('pack-symlink');
  });

  it('refuses two entries that are one file on a case-insensitive disk', () => {
    const zip = zipSync({ 'a.txt': encode('1'), 'A.txt': encode('2') });
    expect(readZip(zip).ok ? 'ok' : 'refused').toBe('refused');
  });

  it('stops a zip bomb that lies about its size while inflating, within the cap', () => {
    const big = new Uint8Array(12 * 1024 * 1024); // 12 MB of zeros → ~12 KB deflated
    const liar = declareSize(zipSync({ 'manifest.json': big }), 'manifest.json', 1000);
    const started = performance.now();
    expect(codeOf(liar)).toBe('pack-zip-bomb');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses an entry whose compression ratio is over the cap', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024); // honest size, ratio ~1000
    expect(codeOf(zipSync({ 'data.bin': zeros }))).toBe('pack-zip-bomb');
  });

  it('refuses a package whose declared total is over the cap, before inflating', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 4; i++) files[`f${i}.bin`] = new Uint8Array(1024).fill(i + 1);
    const caps = { ...packLimits, maxTotalBytes: 3000 };
    expect(codeOf(zipSync(files), caps)).toBe('pack-zip-bomb');
  });

  it('refuses an embedded dataset over the cap, naming its size', () => {
    const read = readPack(writePack(sample), { ...packLimits, maxDatasetBytes: 1000 });
    expect(read.ok ? null : read.error.code).toBe('pack-dataset-too-large');
    if (read.ok) return;
    expect(read.error.args).toMatchObject({ path: 'data/fashion-mnist', maxMegabytes: 0 });
    expect(formatPackMessage(read.error.code, read.error.args, 'zh-CN')).toContain(
      'data/fashion-mnist',
    );
  });

  it('refuses an embedded dataset without its licence text', () => {
    const files = { ...sample.files };
    delete files['data/LICENSE-fashion-mnist.txt'];
    expect(codeOf(writePack({ ...sample, files }))).toBe('pack-dataset-no-licence');
  });

  it('refuses a zip without a manifest, a manifest of another format, or bad JSON', () => {
    expect(codeOf(zipSync({ 'a.txt': encode('a') }))).toBe('pack-no-manifest');
    expect(codeOf(zipSync({ 'manifest.json': encode('{"format":"x"}') }))).toBe(
      'pack-wrong-format',
    );
    expect(codeOf(zipSync({ 'manifest.json': encode('{nope') }))).toBe('pack-not-json');
  });

  it('refuses a step whose file is missing or is not what it says', () => {
    const files = { ...sample.files };
    delete files['steps/lenet.layerlab'];
    expect(codeOf(writePack({ ...sample, files }))).toBe('pack-missing-file');
    const swapped = { ...sample.files };
    swapped['steps/backprop.layerlab-lab.json'] = sample.files[
      'steps/convolution.layerlab-lab.json'
    ] as string;
    expect(codeOf(writePack({ ...sample, files: swapped }))).toBe('pack-bad-step-file');
  });

  it('refuses a lock on a layer the project lacks', () => {
    const bytes = withManifest((m) => {
      const steps = m.steps as { kind: string; locks: { layers: string[] } }[];
      const project = steps.find((s) => s.kind === 'project');
      if (project) project.locks.layers = ['nowhere'];
    });
    expect(codeOf(bytes)).toBe('pack-invalid');
  });

  it('opens instructions with script tags as plain text', () => {
    const bytes = withManifest((m) => {
      m.instructions = { en: '<script>alert(1)</script>', 'zh-CN': '<img src=x onerror=alert(1)>' };
    });
    const read = readPack(bytes);
    expect(read.ok).toBe(true);
    // What the views do with it is tested in markdown.test.ts.
    if (read.ok) expect(read.value.manifest.instructions.en).toBe('<script>alert(1)</script>');
  });
});
