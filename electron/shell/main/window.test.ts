import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { mainWindowOptions } from './window';

describe('mainWindowOptions (ecosystem notes §8 A1)', () => {
  const preload = path.join('/app/dist/electron', 'preload.cjs');
  const options = mainWindowOptions(preload);
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['webviewTag', false],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink features and loads the bundled preload', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(preload);
    expect(path.isAbsolute(prefs.preload ?? '')).toBe(true);
  });

  it('stays hidden until ready-to-show', () => {
    expect(options.show).toBe(false);
  });
});
