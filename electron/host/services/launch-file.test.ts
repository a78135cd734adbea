import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { LaunchFile, projectFileFromArgv } from './launch-file';

describe('projectFileFromArgv', () => {
  it('finds the .layerlab argument among flags and the app path', () => {
    expect(
      projectFileFromArgv(['/opt/LayerLab/app', '--no-sandbox', 'lessons/一.LayerLab'], '/home/t'),
    ).toBe(path.resolve('/home/t', 'lessons/一.LayerLab'));
  });

  it('returns null when no project is named', () => {
    expect(projectFileFromArgv(['/opt/LayerLab/app', '--inspect', 'notes.txt'])).toBeNull();
    expect(projectFileFromArgv(['--open=x.layerlab'])).toBeNull();
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
