import { createContext, useContext, useSyncExternalStore } from 'react';

import type {
  InspectMessage,
  InspectRequest,
  InspectResponses,
  InspectResult,
  InspectResultMessage,
} from '../workers/inspect-protocol';

type RequestOf<T extends InspectRequest['type']> = Extract<InspectRequest, { type: T }>;

/**
 * How the inspection UI reaches the worker that holds the trained model.
 * `modelVersion` changes whenever the weights change (after each epoch, or a
 * new model), so open views re-request their data.
 */
export interface InspectClient {
  request<T extends InspectRequest['type']>(
    request: RequestOf<T>,
  ): Promise<InspectResult<InspectResponses[T]>>;
  modelVersion(): number;
  subscribe(listener: () => void): () => void;
}

/** Provided by the shell once the training worker exists; null shows "train first". */
export const InspectClientContext = createContext<InspectClient | null>(null);

export function useInspectClient(): InspectClient | null {
  return useContext(InspectClientContext);
}

const noVersion = (): number => 0;
const noSubscribe = (): (() => void) => () => undefined;

/** The current model version (0 without a client); re-renders when it changes. */
export function useModelVersion(client: InspectClient | null): number {
  return useSyncExternalStore(
    client ? (l) => client.subscribe(l) : noSubscribe,
    client ? () => client.modelVersion() : noVersion,
  );
}

/** A small version counter the worker glue bumps after each epoch. */
export function createModelVersion(): {
  get(): number;
  bump(): void;
  subscribe(listener: () => void): () => void;
} {
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => version,
    bump: () => {
      version++;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/**
 * A client over a generic `send(payload)` that resolves with the worker's
 * `result` (e.g. the training client's `request`). Typed arrays in requests
 * are copied, not transferred, so the UI keeps its own sample.
 */
export function clientFromRequest(
  send: (message: Omit<InspectMessage, 'id'>) => Promise<InspectResult<unknown>>,
  version = createModelVersion(),
): InspectClient & { bumpVersion(): void } {
  return {
    request: (request) => send({ type: 'inspect', request }) as never,
    modelVersion: version.get,
    subscribe: version.subscribe,
    bumpVersion: version.bump,
  };
}

/**
 * A client that talks to a `Worker` speaking the inspect envelope directly:
 * posts `{type: 'inspect', id, request}` and matches `{type: 'inspect-result', id}`.
 */
export function clientFromWorker(
  worker: Worker,
  version = createModelVersion(),
): InspectClient & { bumpVersion(): void } {
  let nextId = 1;
  const pending = new Map<number, (result: InspectResult<unknown>) => void>();
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<InspectResultMessage> | null;
    if (data?.type !== 'inspect-result' || typeof data.id !== 'number' || !data.result) return;
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  });
  return clientFromRequest(
    (message) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ ...message, id } satisfies InspectMessage);
      }),
    version,
  );
}
