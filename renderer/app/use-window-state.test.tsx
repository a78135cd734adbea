// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { newPackDraft } from '@core';

import { createMemoryHost } from '../host/memory-host';
import { createAuthorStore, editDraft, unsavedPackageOf } from '../packs/authoring/author-store';
import { createInProcessTrainingClient } from '../session/testing/in-process-training';
import { workspacesClosedAfterEach } from '../session/testing/test-workspaces';
import type { Workspace } from '../session/workspace';
import { useWindowState, type UnsavedElsewhere } from './use-window-state';

afterEach(cleanup);

const newWorkspace = workspacesClosedAfterEach(createInProcessTrainingClient());

function Probe(props: {
  host: ReturnType<typeof createMemoryHost>;
  workspace: Workspace;
  elsewhere: UnsavedElsewhere;
}) {
  useWindowState(props.host, props.workspace, 'untitled', props.elsewhere);
  return null;
}

describe('useWindowState', () => {
  it("tells the window about an unsaved lab package (Electron's close prompt), without a project's bullet", () => {
    const host = createMemoryHost({ files: {} });
    const store = createAuthorStore();
    render(<Probe host={host} workspace={newWorkspace()} elsewhere={unsavedPackageOf(store)} />);
    expect(host.windowState).toEqual({ title: 'LayerLab', dirty: false, progress: null });
    act(() => store.setState({ draft: newPackDraft('p1') }));
    expect(host.windowState?.dirty).toBe(false); // an empty, untouched draft loses nothing
    act(() => editDraft(store, (draft) => ({ ...draft, title: { en: 'Session 3', 'zh-CN': '' } })));
    expect(host.windowState).toEqual({ title: 'LayerLab', dirty: true, progress: null });
  });
});
