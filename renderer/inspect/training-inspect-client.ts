import type { InspectResult } from '../workers/inspect-protocol';
import { getTrainingClient } from '../workers/training-client';
import type { InspectClient } from './inspect-client';
import { clientFromRequest } from './inspect-client';

let shared: InspectClient | null = null;

/**
 * The inspection client of the window, over the shared training worker (it
 * holds the trained model). The model version advances after every epoch
 * and when a run ends, so open views refresh once per epoch: a few
 * milliseconds of inspection per epoch of training.
 */
export function trainingInspectClient(): InspectClient {
  if (shared) return shared;
  const training = getTrainingClient();
  const client = clientFromRequest(
    (message) => training.request(message.request) as Promise<InspectResult<unknown>>,
  );
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
