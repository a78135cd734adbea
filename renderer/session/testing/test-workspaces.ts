import { afterEach } from 'vitest';

import type { TrainingClient } from '../../workers/training-client';
import { createWorkspace, type Workspace } from '../workspace';

/**
 * Workspaces a test file opens, each closed after its test: the file holds
 * no module-level workspace, and no project outlives the test that opened it.
 */
export function workspacesClosedAfterEach(training: TrainingClient): () => Workspace {
  const opened: Workspace[] = [];
  afterEach(async () => {
    for (const workspace of opened.splice(0)) await workspace.close();
  });
  return () => {
    const workspace = createWorkspace({ training });
    opened.push(workspace);
    return workspace;
  };
}
