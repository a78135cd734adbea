// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { createProject } from '@core';

import { createMemoryHost } from '../../host/memory-host';
import type { Host, HostResult } from '@core';
import { HostProvider } from '../../host/HostProvider';
import { createProjectSession } from '../../session/project-session';
import { SessionContext } from '../../session/session-context';
import { createInProcessTrainingClient } from '../../session/testing/in-process-training';
import { unsavedFile } from '../../state/editor-store';
import { DatasetPanel } from './DatasetPanel';

/**
 * The Dataset panel with a host whose second folder scans "forever": the
 * panel shows the files found so far (polled), and Cancel stops the host scan
 * and returns the panel to the folder loaded before, report and all.
 */

const texts: Record<string, string> = {
  '/data/reviews/bad/1.txt': 'awful slow',
  '/data/reviews/bad/2.txt': 'broken awful',
  '/data/reviews/good/1.txt': 'great fast',
  '/data/reviews/good/2.txt': 'lovely great',
};

function slowScanHost(): { host: Host; cancelled: string[]; scanned: string[] } {
  const answers = ['/data/reviews', '/data/huge'];
  const memory = createMemoryHost({
    files: texts,
    choosePath: async () => answers.shift() ?? null,
  });
  const cancelled: string[] = [];
  const scanned: string[] = [];
  const hanging = new Map<string, (result: HostResult<never>) => void>();
  let hugeGrant = '';
  const host: Host = {
    ...memory,
    async pickDatasetFolder(request) {
      const grant = await memory.pickDatasetFolder(request);
      if (grant.ok && grant.value.displayPath === '/data/huge') hugeGrant = grant.value.grantId;
      return grant;
    },
    listDatasetFolder(request) {
      if (request.grantId !== hugeGrant) return memory.listDatasetFolder(request);
      scanned.push(request.scanId ?? '');
      // Answers only when cancelled, as a huge folder on a slow disk would feel.
      return new Promise((resolve) => hanging.set(request.scanId ?? '', resolve));
    },
    datasetScanProgress: async ({ scanId }) => ({
      ok: true,
      value: { filesFound: hanging.has(scanId) ? 1200 : 0, running: hanging.has(scanId) },
    }),
    async cancelDatasetScan({ scanId }) {
      cancelled.push(scanId);
      hanging.get(scanId)?.({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
      hanging.delete(scanId);
      return { ok: true, value: undefined };
    },
  };
  return { host, cancelled, scanned };
}

afterEach(cleanup);

describe('DatasetPanel', () => {
  it('shows scan progress, and Cancel during the scan returns to the folder loaded before', async () => {
    const session = createProjectSession(
      { doc: createProject('t'), file: unsavedFile },
      { id: 1, training: createInProcessTrainingClient() },
    );
    const store = session.editor;
    const { host, cancelled, scanned } = slowScanHost();
    render(
      <SessionContext.Provider value={session}>
        <HostProvider host={host}>
          <DatasetPanel />
        </HostProvider>
      </SessionContext.Provider>,
    );
    const panel = screen.getByTestId('dataset-panel');
    fireEvent.click(screen.getByTestId('dataset-kind-text'));
    fireEvent.click(screen.getByTestId('dataset-choose'));
    await waitFor(() => expect(panel.getAttribute('data-dataset-state')).toBe('ready'));
    expect(screen.getByTestId('dataset-report').getAttribute('data-usable')).toBe('4');

    fireEvent.click(screen.getByTestId('dataset-choose'));
    await waitFor(() => expect(panel.getAttribute('data-dataset-state')).toBe('scanning'));
    // The files found so far arrive by polling the host.
    await waitFor(() =>
      expect(screen.getByTestId('dataset-progress').getAttribute('data-found')).toBe('1200'),
    );
    fireEvent.click(screen.getByTestId('dataset-cancel'));

    expect(cancelled).toEqual(scanned);
    await waitFor(() => expect(panel.getAttribute('data-dataset-state')).toBe('ready'));
    expect(screen.getByTestId('dataset-report').getAttribute('data-usable')).toBe('4');
    expect(screen.queryByTestId('dataset-progress')).toBeNull();
    expect(store.getState().doc.dataset?.folder.name).toBe('reviews');
  });
});
