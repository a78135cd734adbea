import { describe, expect, it } from 'vitest';

import { clientFromRequest, clientFromWorker, createModelVersion } from './inspect-client';

describe('inspect client', () => {
  it('sends the inspect envelope and resolves with the worker result', async () => {
    const sent: unknown[] = [];
    const client = clientFromRequest(async (message) => {
      sent.push(message);
      return { ok: true, value: { layers: [] } };
    });
    await expect(client.request({ type: 'layers' })).resolves.toEqual({
      ok: true,
      value: { layers: [] },
    });
    expect(sent).toEqual([{ type: 'inspect', request: { type: 'layers' } }]);
  });

  it('notifies subscribers when the model version moves (after an epoch)', () => {
    const version = createModelVersion();
    const client = clientFromRequest(async () => ({ ok: true, value: null }), version);
    const seen: number[] = [];
    const unsubscribe = client.subscribe(() => seen.push(client.modelVersion()));
    client.bumpVersion();
    client.bumpVersion();
    unsubscribe();
    client.bumpVersion();
    expect(seen).toEqual([1, 2]);
    expect(client.modelVersion()).toBe(3);
  });

  it('matches worker replies to requests by id, whatever their order', async () => {
    const listeners: ((event: MessageEvent) => void)[] = [];
    const posted: { id: number }[] = [];
    const worker = {
      addEventListener: (_: string, l: (event: MessageEvent) => void) => listeners.push(l),
      postMessage: (m: { id: number }) => posted.push(m),
    } as unknown as Worker;
    const client = clientFromWorker(worker);
    const a = client.request({ type: 'filters', layer: 'a' });
    const b = client.request({ type: 'filters', layer: 'b' });
    const reply = (id: number, value: string) =>
      listeners.forEach((l) =>
        l({ data: { type: 'inspect-result', id, result: { ok: true, value } } } as MessageEvent),
      );
    reply(posted[1]!.id, 'B');
    reply(posted[0]!.id, 'A');
    await expect(a).resolves.toEqual({ ok: true, value: 'A' });
    await expect(b).resolves.toEqual({ ok: true, value: 'B' });
  });
});
