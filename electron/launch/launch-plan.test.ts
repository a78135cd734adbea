import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { osLocale } from '../host/server/browser-app-info';
import {
  browserArgs,
  browserCandidates,
  defaultUserDataDir,
  findBrowser,
  findElectronBinary,
  hasDisplay,
  parseLaunchFlags,
  runningLine,
  writeLaunchPage,
} from './launch-plan';

describe('parseLaunchFlags', () => {
  it('defaults to Electron, opening a window, on a random port', () => {
    expect(parseLaunchFlags([])).toEqual({
      forceBrowser: false,
      open: true,
      port: 0,
      userDataDir: null,
      projectFile: null,
    });
  });

  it('reads --browser, --no-open, --port and --user-data-dir', () => {
    expect(
      parseLaunchFlags(['--browser', '--no-open', '--port', '8123', '--user-data-dir', '/tmp/ll']),
    ).toEqual({
      forceBrowser: true,
      open: false,
      port: 8123,
      userDataDir: path.resolve('/tmp/ll'),
      projectFile: null,
    });
  });

  it('takes a .layerlab file to open', () => {
    expect(parseLaunchFlags(['--browser', 'lessons/手写数字.layerlab'])).toMatchObject({
      projectFile: path.resolve('lessons/手写数字.layerlab'),
    });
  });

  it('takes a lab package or a submission to open (File → Open routes it)', () => {
    expect(parseLaunchFlags(['week1.layerlab-pack'])).toMatchObject({
      projectFile: path.resolve('week1.layerlab-pack'),
    });
    expect(parseLaunchFlags(['--browser', 'li.layerlab-submission'])).toMatchObject({
      projectFile: path.resolve('li.layerlab-submission'),
    });
  });

  it.each([[['--port']], [['--port', 'eighty']], [['--port', '70000']], [['--frobnicate']]])(
    'rejects %j with a message',
    (argv) => {
      expect(parseLaunchFlags(argv)).toEqual({ error: expect.any(String) as string });
    },
  );
});

describe('findElectronBinary', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'layerlab-launch-'));
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(root, { recursive: true, force: true });
  });

  it('says the package is missing', () => {
    expect(findElectronBinary(root)).toEqual({
      missing: expect.stringMatching(/not installed/) as string,
    });
  });

  it('says the binary was never downloaded (the offline case) without trying to download', async () => {
    await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(findElectronBinary(root)).toEqual({
      missing: expect.stringMatching(/not been downloaded/) as string,
    });
  });

  it('finds a downloaded binary', async () => {
    const dir = path.join(root, 'node_modules', 'electron');
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    await writeFile(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(root)).toEqual({ path: path.join(dir, 'dist', 'electron') });
  });
});

describe('browser and display detection', () => {
  it('looks for Chromium and Chrome per platform', () => {
    expect(browserCandidates('linux')).toContain('/usr/bin/chromium');
    expect(browserCandidates('darwin')[0]).toMatch(/Google Chrome\.app/);
    expect(
      browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((candidate) =>
        candidate.endsWith('chrome.exe'),
      ),
    ).toBe(true);
  });

  it('returns the first existing candidate or null', () => {
    expect(findBrowser(['/definitely/not/here', process.execPath])).toBe(process.execPath);
    expect(findBrowser(['/definitely/not/here'])).toBeNull();
  });

  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });

  it('uses the folder Electron would use for userData', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe(
      path.join('/cfg', 'LayerLab'),
    );
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\t\\AppData\\Roaming' })).toBe(
      path.join('C:\\Users\\t\\AppData\\Roaming', 'LayerLab'),
    );
  });

  it('prints a fixed, parseable line', () => {
    const line = runningLine(
      'http://127.0.0.1:5000',
      '/home/u/.config/LayerLab/open-layerlab.html',
    );
    expect(line.split('\n')[0]).toBe('LayerLab is running at http://127.0.0.1:5000/');
    expect(line).toContain('file:///home/u/.config/LayerLab/open-layerlab.html');
    expect(line).not.toContain('token');
  });
});

describe('osLocale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en-US'],
    [{ LANG: 'de_DE@euro' }, 'de-DE'],
  ])('%j → %s', (env, expected) => {
    expect(osLocale(env)).toBe(expected);
  });

  it('falls back to the runtime locale for C/POSIX', () => {
    expect(osLocale({ LANG: 'C.UTF-8' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});

describe('handing the token to the browser', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-launch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('puts the token in a page only the user can read, never on the browser command line', async () => {
    const token = 'f'.repeat(64);
    const url = `http://127.0.0.1:4321/?token=${token}`;
    const page = writeLaunchPage(dir, url);
    const args = browserArgs(page, path.join(dir, 'browser-profile'));
    expect(args.join(' ')).not.toContain(token);
    expect(args[0]).toMatch(/^--app=file:\/\//);
    expect((await stat(page)).mode & 0o777).toBe(0o600);
    const html = await readFile(page, 'utf8');
    expect(html).toContain(`url=${url}`);
    expect(html).toContain('no-referrer');
  });
});
