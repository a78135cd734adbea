import { toTestPayload, type TestSetStore } from '../panels/dataset/test-set';
import type { InspectRequest, InspectResult } from '../workers/inspect-protocol';
import { readsTestSet } from '../workers/inspect-protocol';
import type { TrainingClient } from '../workers/training-client';
import type { InspectClient } from './inspect-client';
import { clientFromRequest } from './inspect-client';

type Send = (request: InspectRequest) => Promise<InspectResult<unknown>>;

const noTestSet: InspectResult<unknown> = {
  ok: false,
  error: { code: 'no-test-set', message: 'no test folder is loaded' },
};

/**
 * The test folder reaches the worker only when an evaluation asks for it, and
 * once per loaded copy (its `id`): packing 10,000 images on every request
 * would be wasted work, and the training payload must never include it.
 */
function testSetUploader(
  send: Send,
  testSets: TestSetStore,
): {
  ensure(): Promise<InspectResult<unknown> | null>;
  forget(): void;
  dispose(): void;
} {
  let sent: { id: number; done: Promise<InspectResult<unknown>> } | null = null;
  const unsubscribe = testSets.subscribe(({ testSet }) => {
    // A removed test folder frees the worker's copy too.
    if (testSet === null && sent !== null) {
      sent = null;
      void send({ type: 'setTestSet', id: 0, payload: null });
    }
  });
  return {
    async ensure() {
      const test = testSets.getState().testSet;
      if (test === null) return noTestSet;
      if (sent?.id !== test.id) {
        const id = test.id;
        sent = {
          id,
          done: toTestPayload(test).then((payload) => send({ type: 'setTestSet', id, payload })),
        };
      }
      const result = await sent.done;
      if (result.ok) return null;
      sent = null;
      return result;
    },
    forget() {
      sent = null;
    },
    dispose() {
      unsubscribe();
      sent = null;
    },
  };
}

export type SessionInspectClient = InspectClient & {
  /** The model changed (an epoch ended, a run finished, a saved model was restored). */
  bumpVersion(): void;
  /** Stops answering: every later request resolves as cancelled (the session is closing). */
  dispose(): void;
};

const closed: InspectResult<unknown> = {
  ok: false,
  error: { code: 'internal', message: 'the project was closed' },
};

/**
 * A project session's inspection client, over the window's training worker
 * (which holds this session's model: the worker is reset when a session
 * ends). The session bumps the model version after every epoch of its own
 * runs and when a run ends, so open views refresh once per epoch.
 */
export function createSessionInspectClient(
  training: TrainingClient,
  testSets: TestSetStore,
): SessionInspectClient {
  let disposed = false;
  const send: Send = async (request) => {
    if (disposed) return closed;
    const result = (await training.request(request)) as InspectResult<unknown>;
    return disposed ? closed : result;
  };
  const testSet = testSetUploader(send, testSets);
  const client = clientFromRequest(async ({ request }) => {
    if (!readsTestSet(request)) return send(request);
    const failed = await testSet.ensure();
    if (failed) return failed;
    const result = await send(request);
    if (result.ok || result.error.code !== 'no-test-set') return result;
    // The worker lost its copy (a new worker): send it again, once.
    testSet.forget();
    return (await testSet.ensure()) ?? send(request);
  });
  return {
    ...client,
    dispose() {
      disposed = true;
      testSet.dispose();
    },
  };
}
