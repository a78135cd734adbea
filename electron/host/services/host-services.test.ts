import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { AppInfo, ChooserRequest, HostResult } from '../../../core/contract/host';
import { createHostServices, type ChoosePath, type HostServices } from './host-services';
import { LaunchFile } from './launch-file';
import { requestSchemas, type HostMethodName } from '../../../core/contract/request-schemas';

const appInfo: AppInfo = {
  name: 'LayerLab',
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  locale: 'zh-CN',
  nativeDialogs: false,
};

function expectOk<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function expectError(result: HostResult<unknown>, code: string): void {
  expect(result.ok ? 'ok' : result.error.code).toBe(code);
}

/** Lists every file below `dir` (relative), for "no side effect" checks. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string, rel: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(current, entry.name), childRel);
      else out.push(`${childRel}:${(await readFile(path.join(current, entry.name))).length}`);
    }
  };
  await walk(dir, '');
  return out.sort();
}

describe('host services', () => {
  let base: string;
  let userData: string;
  let services: HostServices;
  let answers: (string | null)[];
  let asked: ChooserRequest[];
  const choose: ChoosePath = async (request) => {
    asked.push(request);
    return answers.shift() ?? null;
  };

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-services-')));
    userData = path.join(base, 'user-data');
    services = createHostServices({ userDataDir: userData, appInfo });
    answers = [];
    asked = [];
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates every file of its profile folder 0600 and every folder 0700, whatever the umask', async () => {
    const umask = process.umask(0o022);
    try {
      expectOk(await services.updateSettings({ language: 'zh-CN' }, choose));
      await mkdir(path.join(base, 'data'));
      answers = [path.join(base, 'data')];
      expectOk(await services.pickDatasetFolder({ kind: 'image' }, choose));
      answers = [path.join(base, 'p.layerlab')];
      expectOk(
        await services.saveProject(
          { fileId: null, suggestedName: 'p', contents: '{}', saveAs: false },
          choose,
        ),
      );
      const key = `${'ab'.repeat(8)}-1`;
      expectOk(
        await services.writePixelCache(
          { key, bytes: new Uint8Array([1, 2]), offset: 0, total: 2 },
          choose,
        ),
      );
      const modes: string[] = [];
      const walk = async (dir: string, rel: string): Promise<void> => {
        modes.push(`${rel || '.'}/ ${((await stat(dir)).mode & 0o777).toString(8)}`);
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const child = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(child, `${rel}${entry.name}/`);
          else modes.push(`${rel}${entry.name} ${((await stat(child)).mode & 0o777).toString(8)}`);
        }
      };
      await walk(userData, '');
      // settings, grants, recent projects and the pixel cache (its folder and its entry)
      expect(modes.length).toBeGreaterThanOrEqual(6);
      for (const line of modes) expect(line).toMatch(line.includes('/ ') ? / 700$/ : / 600$/);
    } finally {
      process.umask(umask);
    }
  });

  it('saves through the chooser, adds .layerlab, reopens by recent id and keeps a .bak', async () => {
    answers = [path.join(base, 'first')];
    const saved = expectOk(
      await services.saveProject(
        { fileId: null, suggestedName: 'first', contents: '{"v":1}', saveAs: false },
        choose,
      ),
    );
    expect(asked).toEqual([{ purpose: 'save-project', suggestedName: 'first' }]);
    expect(saved.displayPath).toBe(path.join(base, 'first.layerlab'));

    expectOk(
      await services.saveProject(
        { fileId: saved.fileId, suggestedName: 'first', contents: '{"v":2}', saveAs: false },
        choose,
      ),
    );
    expect(asked).toHaveLength(1); // saving over a known file asks nothing
    expect(await readFile(`${saved.displayPath}.bak`, 'utf8')).toBe('{"v":1}');

    const recent = expectOk(await services.getRecentProjects({}, choose));
    expect(recent.map((entry) => entry.fileId)).toEqual([saved.fileId]);

    // A fresh services instance (next launch) still knows the recent file.
    const relaunched = createHostServices({ userDataDir: userData, appInfo });
    const opened = expectOk(await relaunched.openProject({ recentFileId: saved.fileId }, choose));
    expect(opened.contents).toBe('{"v":2}');
  });

  it('opens the launch project once, then answers null', async () => {
    const file = path.join(base, 'lesson.layerlab');
    await writeFile(file, '{"lesson":1}');
    const launched = createHostServices({
      userDataDir: userData,
      appInfo,
      takeLaunchFile: new LaunchFile(file).take,
    });
    expect(expectOk(await launched.openLaunchProject({}, choose))).toMatchObject({
      name: 'lesson.layerlab',
      contents: '{"lesson":1}',
    });
    expect(expectOk(await launched.openLaunchProject({}, choose))).toBeNull();
    expect(expectOk(await services.openLaunchProject({}, choose))).toBeNull();
  });

  it('File → Open tells a project, a package and a submission apart and reads each its way', async () => {
    const project = path.join(base, 'net.layerlab');
    const pack = path.join(base, 'Week 1.layerlab-pack');
    const renamedPack = path.join(base, 'download');
    const submission = path.join(base, 'wang.layerlab-submission');
    await writeFile(project, '{"net":1}');
    await writeFile(pack, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]));
    await writeFile(renamedPack, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9]));
    await writeFile(submission, '{"format":"layerlab-submission"}');
    answers = [project, pack, renamedPack, submission];
    const openedProject = expectOk(await services.openDocument({ from: 'chooser' }, choose));
    expect(openedProject).toMatchObject({
      kind: 'project',
      project: { name: 'net.layerlab', contents: '{"net":1}' },
    });
    expect(asked.at(-1)).toEqual({ purpose: 'open-document' });
    const openedPack = expectOk(await services.openDocument({ from: 'chooser' }, choose));
    expect(openedPack).toMatchObject({ kind: 'pack', name: 'Week 1.layerlab-pack' });
    expect([...(openedPack?.kind === 'pack' ? openedPack.bytes : [])]).toEqual([
      0x50, 0x4b, 0x03, 0x04, 1, 2,
    ]);
    expect(expectOk(await services.openDocument({ from: 'chooser' }, choose))).toMatchObject({
      kind: 'pack',
      name: 'download',
    });
    expect(expectOk(await services.openDocument({ from: 'chooser' }, choose))).toMatchObject({
      kind: 'submission',
    });
    // Only the project joins the recent list (Save can write over it).
    expect(expectOk(await services.getRecentProjects({}, choose)).map((r) => r.name)).toEqual([
      'net.layerlab',
    ]);
    expectError(await services.openDocument({ from: 'chooser' }, choose), 'cancelled');
    answers = [base];
    expectError(await services.openDocument({ from: 'chooser' }, choose), 'invalid-argument');
  });

  it('hands out a package the app was launched with once, through openDocument', async () => {
    const pack = path.join(base, 'lesson.layerlab-pack');
    await writeFile(pack, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    const launched = createHostServices({
      userDataDir: userData,
      appInfo,
      takeLaunchFile: new LaunchFile(pack).take,
    });
    expect(expectOk(await launched.openDocument({ from: 'launch' }, choose))).toMatchObject({
      kind: 'pack',
      name: 'lesson.layerlab-pack',
    });
    expect(expectOk(await launched.openDocument({ from: 'launch' }, choose))).toBeNull();
    expect(asked).toEqual([]);
  });

  it('prints through the printer it was given, and refuses an empty page', async () => {
    const printed: string[] = [];
    const printing = createHostServices({
      userDataDir: userData,
      appInfo,
      printPdf: async (html) => {
        printed.push(html);
        return Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]);
      },
    });
    expect([...expectOk(await printing.printPdf({ html: '<p>sheet</p>' }, choose))]).toEqual([
      0x25, 0x50, 0x44, 0x46, 0x2d,
    ]);
    expect(printed).toEqual(['<p>sheet</p>']);
    expectError(await printing.printPdf({ html: '' }, choose), 'invalid-argument');
  });

  it('answers cancelled when the chooser is dismissed, and writes nothing', async () => {
    expectError(
      await services.saveProject(
        { fileId: null, suggestedName: 'x', contents: '{}', saveAs: true },
        choose,
      ),
      'cancelled',
    );
    expectError(await services.openProject({}, choose), 'cancelled');
    expect(await snapshot(base)).toEqual([]);
  });

  it('refuses a project that is not UTF-8 text, and forgets a recent file that has gone', async () => {
    const binary = path.join(base, 'image.layerlab');
    await writeFile(binary, new Uint8Array([0xff, 0xfe, 0x00, 0xc3]));
    answers = [binary];
    expectError(await services.openProject({}, choose), 'invalid-argument');

    const gone = path.join(base, 'gone.layerlab');
    answers = [gone];
    const saved = expectOk(
      await services.saveProject(
        { fileId: null, suggestedName: 'gone', contents: '{}', saveAs: true },
        choose,
      ),
    );
    await rm(gone);
    expectError(await services.openProject({ recentFileId: saved.fileId }, choose), 'not-found');
    expect(expectOk(await services.getRecentProjects({}, choose))).toEqual([]);
  });

  describe('dataset folders', () => {
    let root: string;
    beforeEach(async () => {
      root = path.join(base, 'dataset');
      await mkdir(path.join(root, 'cats'), { recursive: true });
      await writeFile(path.join(root, 'cats', '1.png'), new Uint8Array([137, 80, 78, 71]));
      await writeFile(path.join(base, 'secret.txt'), 'secret');
      await symlink(path.join(base, 'secret.txt'), path.join(root, 'cats', 'escape.png'));
    });

    it('grants a chosen folder, lists it and reads files by relative path', async () => {
      answers = [root];
      const grant = expectOk(await services.pickDatasetFolder({ kind: 'image' }, choose));
      expect(grant).toMatchObject({ name: 'dataset', displayPath: root });
      const listing = expectOk(
        await services.listDatasetFolder({ grantId: grant.grantId }, choose),
      );
      expect(listing.files.map((file) => file.path)).toContain('cats/1.png');
      const [file] = expectOk(
        await services.readDatasetFiles({ grantId: grant.grantId, paths: ['cats/1.png'] }, choose),
      );
      expect(file?.ok && [...file.bytes]).toEqual([137, 80, 78, 71]);
    });

    it('refuses every way out of the folder per file, while the rest of the batch arrives', async () => {
      answers = [root];
      const grant = expectOk(await services.pickDatasetFolder({ kind: 'image' }, choose));
      const attempts = [
        '../secret.txt',
        '%2e%2e%2fsecret.txt',
        '..%5csecret.txt',
        '%252e%252e%252fsecret.txt',
        path.join(base, 'secret.txt'),
        'cats/1.png\0',
        'cats/escape.png',
      ];
      const results = expectOk(
        await services.readDatasetFiles(
          { grantId: grant.grantId, paths: [...attempts, 'cats/1.png', 'cats/missing.png'] },
          choose,
        ),
      );
      expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
        ...attempts.map(() => 'outside-grant'),
        'ok',
        'not-found',
      ]);
    });

    it('grants a dropped folder by absolute path; a relative path or a file is refused', async () => {
      const grant = expectOk(await services.grantDroppedFolder({ path: root }, choose));
      expect(grant.displayPath).toBe(root);
      expectError(
        await services.grantDroppedFolder({ path: 'dataset' }, choose),
        'invalid-argument',
      );
      expectError(
        await services.grantDroppedFolder({ path: path.join(root, 'cats', '1.png') }, choose),
        'invalid-argument',
      );
    });

    it('refuses an unknown grant id', async () => {
      expectError(
        await services.readDatasetFiles({ grantId: 'never-granted-id', paths: ['a.png'] }, choose),
        'not-found',
      );
    });
  });

  it('writes an export into the chosen parent folder', async () => {
    answers = [base];
    const written = expectOk(
      await services.writeExportFolder(
        {
          suggestedName: 'out',
          files: { 'model.json': '{}', 'w.bin': new Uint8Array([9]) },
          overwrite: false,
        },
        choose,
      ),
    );
    expect(written.displayPath).toBe(path.join(base, 'out'));
    expect(asked).toEqual([{ purpose: 'export-parent' }]);
  });

  it('stores settings across launches; null removes a key', async () => {
    expect(expectOk(await services.getSettings({}, choose))).toEqual({});
    expectOk(await services.updateSettings({ theme: 'dark', language: 'en' }, choose));
    expectOk(await services.updateSettings({ language: null }, choose));
    const relaunched = createHostServices({ userDataDir: userData, appInfo });
    expect(expectOk(await relaunched.getSettings({}, choose))).toEqual({ theme: 'dark' });
  });

  it('creates its profile folder 0700 and settings, grants and recent files 0600, even over older 0644 files', async () => {
    await mkdir(userData, { recursive: true, mode: 0o755 });
    await writeFile(path.join(userData, 'settings.json'), '{}', { mode: 0o644 });
    const fresh = createHostServices({ userDataDir: userData, appInfo });
    expectOk(await fresh.updateSettings({ theme: 'dark' }, choose));
    expect((await stat(userData)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(userData, 'settings.json'))).mode & 0o777).toBe(0o600);
    const other = path.join(base, 'other-profile');
    const created = createHostServices({ userDataDir: other, appInfo });
    expectOk(await created.updateSettings({ theme: 'light' }, choose));
    expect((await stat(other)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(other, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('survives a corrupt settings file (moved aside, defaults used)', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, 'settings.json'), '{ not json');
    expect(expectOk(await services.getSettings({}, choose))).toEqual({});
    expect(await readdir(userData)).toContain('settings.json.corrupt');
  });

  describe('malformed requests are refused with invalid-argument and no side effect', () => {
    const huge = 'x'.repeat(70 * 1024 * 1024);
    const cases: readonly [HostMethodName, string, unknown][] = [
      [
        'saveProject',
        'wrong types',
        { fileId: 42, suggestedName: ['a'], contents: {}, saveAs: 'yes' },
      ],
      [
        'saveProject',
        'a 70 MB string',
        { fileId: null, suggestedName: 'big', contents: huge, saveAs: true },
      ],
      [
        'saveProject',
        'a huge name',
        { fileId: null, suggestedName: 'n'.repeat(100_000), contents: '{}', saveAs: true },
      ],
      [
        'saveProject',
        'an extra key',
        { fileId: null, suggestedName: 'a', contents: '{}', saveAs: true, path: '/etc/passwd' },
      ],
      [
        'saveProject',
        'a __proto__ key',
        JSON.parse(
          '{"fileId":null,"suggestedName":"a","contents":"{}","saveAs":true,"__proto__":{"polluted":true}}',
        ),
      ],
      ['openProject', 'a path instead of a handle', { recentFileId: '/etc/passwd' }],
      ['openProject', 'not an object', 'open /etc/passwd'],
      ['pickDatasetFolder', 'an unknown kind', { kind: 'audio' }],
      [
        'readDatasetFiles',
        'too many paths',
        { grantId: 'abcdefgh12', paths: Array.from({ length: 10_001 }, () => 'a.png') },
      ],
      ['readDatasetFiles', 'a number as path', { grantId: 'abcdefgh12', paths: [1] }],
      [
        'writeExportFolder',
        'a __proto__ file name',
        JSON.parse('{"suggestedName":"m","overwrite":false,"files":{"__proto__":"x"}}'),
      ],
      [
        'writeExportFolder',
        'a constructor key',
        { suggestedName: 'm', overwrite: false, files: { constructor: 'x' } },
      ],
      [
        'writeExportFolder',
        'a number as file',
        { suggestedName: 'm', overwrite: false, files: { 'a.txt': 5 } },
      ],
      ['updateSettings', 'an object as value', { theme: { nested: true } }],
      [
        'updateSettings',
        'a nested __proto__',
        JSON.parse('{"theme":"dark","x":{"__proto__":{"a":1}}}'),
      ],
      ['browse', 'a number as path', { path: 7 }],
      ['readPixelCache', 'a path as key', { key: '../../etc/passwd' }],
      ['writePixelCache', 'a path as key', { key: '../x', bytes: new Uint8Array(1) }],
      ['writePixelCache', 'a string as bytes', { key: `${'0'.repeat(16)}-1`, bytes: 'abc' }],
    ];

    it.each(cases)('%s with %s', async (method, _why, raw) => {
      answers = [base, base];
      const before = await snapshot(base);
      const call = services[method] as (
        raw: unknown,
        choose: ChoosePath,
      ) => Promise<HostResult<unknown>>;
      const result = await call(raw, choose);
      expectError(result, 'invalid-argument');
      expect(asked).toEqual([]); // refused before any dialog
      expect(await snapshot(base)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('keeps pixel cache entries under the user-data folder, by key', async () => {
      const key = `${'ab'.repeat(8)}-42`;
      expect(expectOk(await services.readPixelCache({ key }, choose))).toBeNull();
      const bytes = Uint8Array.from([7, 8]);
      expectOk(await services.writePixelCache({ key, bytes, offset: 0, total: 2 }, choose));
      expect([...(expectOk(await services.readPixelCache({ key }, choose)) ?? [])]).toEqual([7, 8]);
    });

    it('every method has a schema', () => {
      expect(Object.keys(requestSchemas).sort()).toEqual(Object.keys(services).sort());
    });
  });
});
