import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { LaunchFile, launchFileFromArgv, launchFileFromOpenFile } from './launch-file';

describe('launchFileFromArgv', () => {
  it('finds the .layerlab argument among flags and the app path', () => {
    expect(
      launchFileFromArgv(['/opt/LayerLab/app', '--no-sandbox', 'lessons/一.LayerLab'], '/home/t'),
    ).toBe(path.resolve('/home/t', 'lessons/一.LayerLab'));
  });

  it('finds a lab package or a submission, as Windows and Linux pass a double-clicked file', () => {
    expect(
      launchFileFromArgv(['C:\\LayerLab\\LayerLab.exe', '/srv/第一周.layerlab-pack'], '/x'),
    ).toBe('/srv/第一周.layerlab-pack');
    // A second instance's argv carries Chromium's switches before the file.
    expect(
      launchFileFromArgv(
        ['/opt/LayerLab/layerlab', '--allow-file-access-from-files', 'wang.LAYERLAB-SUBMISSION'],
        '/home/t/Downloads',
      ),
    ).toBe('/home/t/Downloads/wang.LAYERLAB-SUBMISSION');
  });

  it('returns null when no LayerLab file is named', () => {
    expect(launchFileFromArgv(['/opt/LayerLab/app', '--inspect', 'notes.txt'])).toBeNull();
    expect(launchFileFromArgv(['--open=x.layerlab'])).toBeNull();
    expect(launchFileFromArgv(['/opt/LayerLab/app', 'pack.zip'])).toBeNull();
  });
});

describe('launchFileFromOpenFile', () => {
  it('accepts an absolute path of each kind (macOS open-file)', () => {
    expect(launchFileFromOpenFile('/Users/li/Desktop/Lab 1.layerlab-pack')).toBe(
      '/Users/li/Desktop/Lab 1.layerlab-pack',
    );
    expect(launchFileFromOpenFile('/Users/li/a/../b.layerlab')).toBe('/Users/li/b.layerlab');
    expect(launchFileFromOpenFile('/Users/li/w.layerlab-submission')).toBe(
      '/Users/li/w.layerlab-submission',
    );
  });

  it('ignores relative paths, other files and NUL bytes', () => {
    expect(launchFileFromOpenFile('b.layerlab')).toBeNull();
    expect(launchFileFromOpenFile('/Users/li/photo.png')).toBeNull();
    expect(launchFileFromOpenFile('/Users/li/x\0.layerlab')).toBeNull();
  });
});

describe('LaunchFile', () => {
  it('hands the file out once; a newer one replaces an unread one', () => {
    const launch = new LaunchFile('/a.layerlab');
    launch.set('/b.layerlab');
    expect(launch.take()).toBe('/b.layerlab');
    expect(launch.take()).toBeNull();
  });
});
