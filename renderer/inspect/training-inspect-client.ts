import { toTestPayload, useTestSetStore } from '../panels/dataset/test-set';
import type { InspectRequest, InspectResult } from '../workers/inspect-protocol';
import { readsTestSet } from '../workers/inspect-protocol';
import { getTrainingClient } from '../workers/training-client';
import type { InspectClient } from './inspect-client';
import { clientFromRequest } from './inspect-client';

let shared: InspectClient | null = null;

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
function testSetUploader(send: Send): {
  ensure(): Promise<InspectResult<unknown> | null>;
  forget(): void;
} {
  let sent: { id: number; done: Promise<InspectResult<unknown>> } | null = null;
  useTestSetStore.subscribe(({ testSet }) => {
    // A removed test folder frees the worker's copy too.
    if (testSet === null && sent !== null) {
      sent = null;
      void send({ type: 'setTestSet', id: 0, payload: null });
    }
  });
  return {
    async ensure() {
      const test = useTestSetStore.getState().testSet;
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
  };
}

/**
 * The inspection client of the window, over the shared training worker (it
 * holds the trained model). The model version advances after every epoch
 * and when a run ends, so open views refresh once per epoch: a few
 * milliseconds of inspection per epoch of training.
 */
export function trainingInspectClient(): InspectClient {
  if (shared) return shared;
  const training = getTrainingClient();
  const send: Send = (request) => training.request(request) as Promise<InspectResult<unknown>>;
  const testSet = testSetUploader(send);
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
  training.subscribe((message) => {
    if (
      message.type === 'epoch' ||
      (message.type === 'state' && (message.status === 'completed' || message.status === 'stopped'))
    )
      client.bumpVersion();
  });
  shared = client;
  return client;
}
