import { useEffect, useState } from 'react';

import type { InspectRequest, InspectResponses, InspectResult } from '../workers/inspect-protocol';
import type { InspectClient } from './inspect-client';

/** Loading state of one request. */
export type RequestState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | (InspectResult<T> & { readonly status: 'done' });

/**
 * Sends `request` whenever its `key` (or the model version) changes and keeps
 * the latest answer; stale answers of superseded requests are dropped.
 * A null request leaves the state idle.
 */
export function useInspectRequest<T extends InspectRequest['type']>(
  client: InspectClient | null,
  request: Extract<InspectRequest, { type: T }> | null,
  key: string,
  version: number,
): RequestState<InspectResponses[T]> {
  const [state, setState] = useState<RequestState<InspectResponses[T]>>({ status: 'idle' });
  useEffect(() => {
    if (!client || !request) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }));
    void client.request(request).then((result) => {
      if (live) setState({ ...result, status: 'done' } as RequestState<InspectResponses[T]>);
    });
    return () => {
      live = false;
    };
    // `key` stands for the request's content; the request object itself changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, version]);
  return state;
}
