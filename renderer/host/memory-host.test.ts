import { describe, expect, it } from 'vitest';

import { createMemoryHost } from './memory-host';

describe('memory host', () => {
  it('saves, reopens through recents and keeps a .bak', async () => {
    const answers = ['/projects/mnist'];
    const host = createMemoryHost({ choosePath: async () => answers.shift() ?? null });
    const saved = await host.saveProject({
      fileId: null,
      suggestedName: 'mnist',
      contents: 'v1',
      saveAs: false,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.displayPath).toBe('/projects/mnist.layerlab');
    await host.saveProject({
      fileId: saved.value.fileId,
      suggestedName: 'mnist',
      contents: 'v2',
      saveAs: false,
    });
    expect(host.files.get('/projects/mnist.layerlab.bak')).toBe('v1');
    const recent = await host.getRecentProjects();
    expect(recent.ok && recent.value.map((entry) => entry.name)).toEqual(['mnist.layerlab']);
    const reopened = await host.openProject({ recentFileId: saved.value.fileId });
    expect(reopened.ok && reopened.value.contents).toBe('v2');
  });

  it('hands out the launch project once', async () => {
    const host = createMemoryHost({ files: { '/l.layerlab': '{}' }, launchFile: '/l.layerlab' });
    expect(await host.openLaunchProject()).toMatchObject({
      ok: true,
      value: { name: 'l.layerlab', contents: '{}' },
    });
    expect(await host.openLaunchProject()).toEqual({ ok: true, value: null });
  });

  it('cancels dialogs by default', async () => {
    const host = createMemoryHost();
    expect(await host.openProject({})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('lists and reads a granted folder, refusing traversal per file', async () => {
    const host = createMemoryHost({
      choosePath: async () => '/data',
      files: { '/data/cats/1.png': new Uint8Array([1]), '/secret': 's' },
    });
    const grant = await host.pickDatasetFolder({ kind: 'image' });
    if (!grant.ok) throw new Error('grant failed');
    const listing = await host.listDatasetFolder({ grantId: grant.value.grantId });
    expect(listing.ok && listing.value.files.map((file) => file.path)).toEqual(['cats/1.png']);
    const read = await host.readDatasetFiles({
      grantId: grant.value.grantId,
      paths: ['cats/1.png', '../secret'],
    });
    expect(read.ok && read.value.map((file) => file.ok)).toEqual([true, false]);
  });

  it('refuses to overwrite an export without consent', async () => {
    const host = createMemoryHost({ choosePath: async () => '/out' });
    await host.writeExportFolder({ suggestedName: 'm', files: { 'a.txt': '1' }, overwrite: false });
    expect(
      await host.writeExportFolder({
        suggestedName: 'm',
        files: { 'a.txt': '2' },
        overwrite: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(host.files.get('/out/m/a.txt')).toBe('1');
  });

  it('delivers menu commands until unsubscribed, and records window state', () => {
    const host = createMemoryHost();
    const seen: string[] = [];
    const off = host.onCommand((id) => seen.push(id));
    host.emitCommand('edit.undo');
    off();
    host.emitCommand('edit.redo');
    expect(seen).toEqual(['edit.undo']);
    host.setWindowState({ title: 't', dirty: true, progress: null });
    expect(host.windowState).toEqual({ title: 't', dirty: true, progress: null });
  });

  it('merges settings; null removes a key', async () => {
    const host = createMemoryHost();
    await host.updateSettings({ theme: 'dark', language: 'en' });
    expect(await host.updateSettings({ language: null })).toEqual({
      ok: true,
      value: { theme: 'dark' },
    });
  });
});
