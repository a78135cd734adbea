// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { BrowseFolder, CreateFolder } from './chooser-controller';
import { FileChooserDialog } from './FileChooserDialog';
import type { BrowseListing } from '@core';

const tree: Record<string, BrowseListing['entries']> = {
  '/home/t': [
    { name: 'data', kind: 'dir' },
    { name: 'mnist.layerlab', kind: 'file' },
    { name: 'notes.txt', kind: 'file' },
  ],
  '/home/t/data': [{ name: 'cats', kind: 'dir' }],
  '/home/t/data/cats': [],
};

const browse: BrowseFolder = async (path) => {
  const folder = path ?? '/home/t';
  const entries = tree[folder];
  if (!entries) return { ok: false, error: { code: 'not-found', message: 'no', subject: folder } };
  const parent = folder === '/' ? null : folder.slice(0, folder.lastIndexOf('/')) || '/';
  return {
    ok: true,
    value: {
      path: folder,
      parent,
      entries,
      places: [{ id: 'home', path: '/home/t' }],
      truncated: false,
    },
  };
};

afterEach(cleanup);

async function ready(path: string): Promise<void> {
  await waitFor(() =>
    expect(screen.getByTestId('file-chooser').getAttribute('data-path')).toBe(path),
  );
}

describe('FileChooserDialog', () => {
  it('opens a project file by keyboard: arrows then Enter', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog request={{ purpose: 'open-project' }} browse={browse} onClose={onClose} />,
    );
    await ready('/home/t');
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onClose).toHaveBeenCalledWith('/home/t/mnist.layerlab');
  });

  it('does not let a non-project file be opened', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog request={{ purpose: 'open-project' }} browse={browse} onClose={onClose} />,
    );
    await ready('/home/t');
    fireEvent.click(screen.getAllByTestId('file-chooser-entry')[2] as HTMLElement);
    expect((screen.getByTestId('file-chooser-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('enters folders with Enter, goes up with Backspace, and chooses the current folder', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog
        request={{ purpose: 'dataset-folder' }}
        browse={browse}
        onClose={onClose}
      />,
    );
    await ready('/home/t');
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    await ready('/home/t/data');
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Enter' });
    await ready('/home/t/data/cats');
    fireEvent.click(screen.getByTestId('file-chooser-up'));
    await ready('/home/t/data');
    fireEvent.click(screen.getByTestId('file-chooser-confirm'));
    expect(onClose).toHaveBeenCalledWith('/home/t/data');
  });

  it('chooses a highlighted subfolder directly', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog
        request={{ purpose: 'export-parent' }}
        browse={browse}
        onClose={onClose}
      />,
    );
    await ready('/home/t');
    fireEvent.click(screen.getAllByTestId('file-chooser-entry')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('file-chooser-confirm'));
    expect(onClose).toHaveBeenCalledWith('/home/t/data');
  });

  it('saves under a typed name in the current folder', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog
        request={{ purpose: 'save-project', suggestedName: 'my net' }}
        browse={browse}
        onClose={onClose}
      />,
    );
    await ready('/home/t');
    expect((screen.getByTestId('file-chooser-filename') as HTMLInputElement).value).toBe('my net');
    fireEvent.change(screen.getByTestId('file-chooser-filename'), {
      target: { value: '卷积网络' },
    });
    fireEvent.click(screen.getByTestId('file-chooser-confirm'));
    expect(onClose).toHaveBeenCalledWith('/home/t/卷积网络');
  });

  it('cancels with Escape', async () => {
    const onClose = vi.fn();
    render(
      <FileChooserDialog
        request={{ purpose: 'dataset-folder' }}
        browse={browse}
        onClose={onClose}
      />,
    );
    await ready('/home/t');
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledWith(null);
  });

  it('shows a coded error for a path that cannot be listed, and stays usable', async () => {
    render(
      <FileChooserDialog
        request={{ purpose: 'dataset-folder' }}
        browse={browse}
        onClose={vi.fn()}
      />,
    );
    await ready('/home/t');
    fireEvent.change(screen.getByTestId('file-chooser-path'), { target: { value: '/nowhere' } });
    fireEvent.submit(screen.getByTestId('file-chooser-path').closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('errors.not-found'),
    );
  });

  it('makes a new folder inside the folder shown, opens it, and shows a refused name', async () => {
    const made: [string, string][] = [];
    const createFolder: CreateFolder = async (parent, name) => {
      made.push([parent, name]);
      if (name.includes('/'))
        return { ok: false, error: { code: 'invalid-argument', message: 'bad name' } };
      tree[`${parent}/${name}`] = [];
      return { ok: true, value: { path: `${parent}/${name}` } };
    };
    const onClose = vi.fn();
    render(
      <FileChooserDialog
        request={{ purpose: 'export-parent' }}
        browse={browse}
        createFolder={createFolder}
        onClose={onClose}
      />,
    );
    await ready('/home/t');
    fireEvent.click(screen.getByTestId('file-chooser-new-folder'));
    const name = screen.getByTestId('file-chooser-new-folder-name');
    fireEvent.change(name, { target: { value: 'a/b' } });
    fireEvent.submit(screen.getByTestId('file-chooser-new-folder-form'));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(name, { target: { value: '导出' } });
    fireEvent.submit(screen.getByTestId('file-chooser-new-folder-form'));
    await ready('/home/t/导出');
    expect(made).toEqual([
      ['/home/t', 'a/b'],
      ['/home/t', '导出'],
    ]);
    expect(screen.queryByTestId('file-chooser-new-folder-form')).toBeNull();
    fireEvent.click(screen.getByTestId('file-chooser-confirm'));
    expect(onClose).toHaveBeenCalledWith('/home/t/导出');
  });

  it('offers no New folder when opening a project, or without a host that can make one', async () => {
    render(
      <FileChooserDialog
        request={{ purpose: 'open-project' }}
        browse={browse}
        createFolder={async () => ({ ok: true, value: { path: '/x' } })}
        onClose={() => undefined}
      />,
    );
    await ready('/home/t');
    expect(screen.queryByTestId('file-chooser-new-folder')).toBeNull();
    cleanup();
    render(
      <FileChooserDialog
        request={{ purpose: 'dataset-folder' }}
        browse={browse}
        onClose={() => undefined}
      />,
    );
    await ready('/home/t');
    expect(screen.queryByTestId('file-chooser-new-folder')).toBeNull();
  });
});
