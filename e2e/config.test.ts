import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { load } from 'js-yaml';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

import { documentKindOfName } from '../core/contract/document-kind';

/**
 * electron-builder.yml as data (packaging itself cannot run offline): the
 * targets per OS, the icon, the `.layerlab` association, sources kept out
 * of the asar, and the fuses of ecosystem notes §1.3.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');
const config = load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const scheme = JSON.parse(
  readFileSync(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as {
  properties: Record<string, unknown>;
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};
const section = (name: string) => config[name] as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows (its own JSON schema)', () => {
    expect(Object.keys(config).filter((key) => !(key in scheme.properties))).toEqual([]);
    expect(
      Object.keys(section('electronFuses')).filter(
        (key) => !(key in scheme.definitions.FuseOptionsV1.properties),
      ),
    ).toEqual([]);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg']);
  });

  it('sets the fuses of ecosystem notes §1.3', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('takes the icon from assets/icons, as a PNG of at least 512×512 (macOS needs 512)', () => {
    expect((section('directories') as { buildResources: string }).buildResources).toBe(
      'assets/icons',
    );
    for (const key of ['mac', 'win']) {
      const icon = section(key).icon as string;
      expect(icon.startsWith('assets/icons/')).toBe(true);
      const png = PNG.sync.read(readFileSync(path.join(repoRoot, icon)));
      expect(png.width).toBeGreaterThanOrEqual(512);
      expect(png.height).toBe(png.width);
    }
    expect(existsSync(path.join(repoRoot, 'assets', 'icons', 'icon.svg'))).toBe(true);
    expect(
      PNG.sync.read(readFileSync(path.join(repoRoot, 'assets', 'icons', 'icon-256.png'))).width,
    ).toBe(256);
  });

  it('associates .layerlab project files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'layerlab', role: 'Editor' }),
      expect.objectContaining({
        ext: 'layerlab-pack',
        name: 'LayerLab Lab Package',
        mimeType: 'application/x-layerlab-pack+zip',
      }),
      expect.objectContaining({
        ext: 'layerlab-submission',
        name: 'LayerLab Submission',
        mimeType: 'application/x-layerlab-submission+json',
      }),
    ]);
    // Every association is a kind File → Open recognises.
    for (const association of config.fileAssociations as { ext: string; description: string }[]) {
      expect(documentKindOfName(`x.${association.ext}`)).not.toBeNull();
      expect(association.description.length).toBeGreaterThan(10);
    }
  });

  it('packs the bundles into an asar and keeps sources, tests and node_modules out', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files).toEqual(
      expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']),
    );
    for (const excluded of [
      '!core/**',
      '!renderer/**',
      '!electron/**',
      '!e2e/**',
      '!scripts/**',
      '!**/*.ts',
      '!**/*.map',
      '!node_modules/**',
    ]) {
      expect(files).toContain(excluded);
    }
  });

  it('points at the bundled main process that package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      devDependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    // Electron 45 installs with `npm ci` offline: its binary is fetched lazily on first launch.
    expect(pkg.devDependencies.electron).toMatch(/^45\./);
  });
});
