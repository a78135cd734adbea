import { describe, expect, it } from 'vitest';

import { decodeFrame, encodeFrame } from '@core';
import { createHttpHost, readPageToken } from './http-host';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: (sent: Sent) => Response | Promise<Response>): {
  fetch: typeof fetch;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const entry = { url: String(input), init: init ?? {} };
    sent.push(entry);
    return reply(entry);
  }) as typeof fetch;
  return { fetch: fetcher, sent };
}

const json = (body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

describe('http host', () => {
  it('posts calls with the token header and returns the Result', async () => {
    const { fetch, sent } = fakeFetch(() => json({ ok: true, value: { mode: 'browser' } }));
    const host = createHttpHost({ token: 'tok', fetch, choosePath: async () => null });
    expect(await host.getAppInfo()).toEqual({ ok: true, value: { mode: 'browser' } });
    expect(sent[0]?.url).toBe('/api/call/getAppInfo');
    expect(sent[0]?.init.method).toBe('POST');
    expect((sent[0]?.init.headers as Record<string, string>)['X-LayerLab-Token']).toBe('tok');
  });

  it('asks the in-app chooser first, has the server record the pick, and sends only its choice id', async () => {
    const asked: unknown[] = [];
    const { fetch, sent } = fakeFetch((entry) =>
      entry.url.endsWith('/chooserPick')
        ? json({ ok: true, value: { choiceId: 'choice-0001' } })
        : json({
            ok: true,
            value: { fileId: 'f', name: 'a.layerlab', displayPath: '/p/a.layerlab' },
          }),
    );
    const host = createHttpHost({
      token: 't',
      fetch,
      choosePath: async (request) => (asked.push(request), '/p/a'),
    });
    await host.saveProject({ fileId: null, suggestedName: 'a', contents: '{}', saveAs: false });
    expect(asked).toEqual([{ purpose: 'save-project', suggestedName: 'a' }]);
    expect(sent.map((entry) => entry.url)).toEqual([
      '/api/call/chooserPick',
      '/api/call/saveProject',
    ]);
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({
      args: { purpose: 'save-project', path: '/p/a' },
    });
    expect(JSON.parse(String(sent[1]?.init.body))).toEqual({
      args: { fileId: null, suggestedName: 'a', contents: '{}', saveAs: false },
      choiceId: 'choice-0001',
    });
  });

  it('stops when the server refuses the pick, without making the call', async () => {
    const { fetch, sent } = fakeFetch(() =>
      json({ ok: false, error: { code: 'outside-grant', message: 'no' } }),
    );
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => '/etc/passwd' });
    expect(await host.openProject({})).toMatchObject({
      ok: false,
      error: { code: 'outside-grant' },
    });
    expect(sent.map((entry) => entry.url)).toEqual(['/api/call/chooserPick']);
  });

  it('reports to the connection monitor whether each call reached the server', async () => {
    const reports: string[] = [];
    let up = false;
    const fetcher = (async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return json({ ok: true, value: {} });
    }) as typeof fetch;
    const host = createHttpHost({
      token: 't',
      fetch: fetcher,
      choosePath: async () => null,
      connection: {
        reportNoAnswer: () => reports.push('none'),
        reportAnswer: (status) => reports.push(String(status)),
      },
    });
    expect(await host.getSettings()).toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
    expect(await host.probe()).toBe(false);
    up = true;
    expect(await host.getSettings()).toMatchObject({ ok: true });
    expect(await host.probe()).toBe(true);
    expect(reports).toEqual(['none', '200']);
  });

  it('does not call the server when the chooser is cancelled', async () => {
    const { fetch, sent } = fakeFetch(() => json({}));
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => null });
    expect(await host.pickDatasetFolder({ kind: 'image' })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(sent).toEqual([]);
  });

  it('saves over a known file without asking', async () => {
    const { fetch } = fakeFetch(() => json({ ok: true, value: {} }));
    let asked = 0;
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => (asked++, '/x') });
    await host.saveProject({
      fileId: 'abcdefgh',
      suggestedName: 'a',
      contents: '{}',
      saveAs: false,
    });
    expect(asked).toBe(0);
  });

  it('decodes dataset bytes from a binary frame, keeping per-file errors', async () => {
    const frame = encodeFrame(
      {
        ok: true,
        value: [
          { path: 'a.png', ok: true, range: { offset: 0, length: 2 } },
          { path: 'b.png', ok: false, error: { code: 'not-found', message: 'x' } },
          { path: 'c.png', ok: true, range: { offset: 2, length: 1 } },
        ],
      },
      [new Uint8Array([7, 8]), new Uint8Array([9])],
    );
    const { fetch, sent } = fakeFetch(
      () => new Response(frame as Uint8Array<ArrayBuffer>, { status: 200 }),
    );
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => null });
    const result = await host.readDatasetFiles({
      grantId: 'g',
      paths: ['a.png', 'b.png', 'c.png'],
    });
    expect(sent[0]?.url).toBe('/api/bin/readDatasetFiles');
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.map((file) => (file.ok ? [...file.bytes] : file.error.code))).toEqual([
      [7, 8],
      'not-found',
      [9],
    ]);
  });

  it('answers io-error when a reply names bytes outside its payload', async () => {
    const frame = encodeFrame(
      { ok: true, value: [{ path: 'a.png', ok: true, range: { offset: 1, length: 5 } }] },
      [new Uint8Array([7, 8])],
    );
    const { fetch } = fakeFetch(
      () => new Response(frame as Uint8Array<ArrayBuffer>, { status: 200 }),
    );
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => null });
    const result = await host.readDatasetFiles({ grantId: 'g', paths: ['a.png'] });
    expect(result.ok ? 'ok' : result.error.code).toBe('io-error');
  });

  it('sends an export as a frame: strings inline, bytes as ranges', async () => {
    const { fetch, sent } = fakeFetch((entry) =>
      entry.url.endsWith('/chooserPick')
        ? json({ ok: true, value: { choiceId: 'choice-0002' } })
        : json({ ok: true, value: { displayPath: '/out/m', files: [] } }),
    );
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => '/out' });
    await host.writeExportFolder({
      suggestedName: 'm',
      overwrite: false,
      files: { 'model.json': '{}', 'a.bin': new Uint8Array([1, 2]), 'b.bin': new Uint8Array([3]) },
    });
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({
      args: { purpose: 'export-parent', path: '/out' },
    });
    const body = new Uint8Array(await new Response(sent[1]?.init.body as Blob).arrayBuffer());
    const { header, payload } = decodeFrame(body);
    expect(header).toEqual({
      args: {
        suggestedName: 'm',
        overwrite: false,
        files: {
          'model.json': '{}',
          'a.bin': { offset: 0, length: 2 },
          'b.bin': { offset: 2, length: 1 },
        },
      },
      choiceId: 'choice-0002',
    });
    expect([...payload]).toEqual([1, 2, 3]);
  });

  it('uploads a pixel cache entry in 8 MB parts and reads one back from a frame', async () => {
    const { fetch, sent } = fakeFetch(() => json({ ok: true }));
    const host = createHttpHost({ token: 't', fetch, choosePath: async () => null });
    const key = `${'a'.repeat(16)}-1`;
    const bytes = new Uint8Array(17 * 1024 * 1024).fill(3);
    expect(await host.writePixelCache({ key, bytes })).toEqual({ ok: true });
    const parts = await Promise.all(
      sent.map(async (s) => decodeFrame(new Uint8Array(await (s.init.body as Blob).arrayBuffer()))),
    );
    expect(parts.map((p) => p.header)).toEqual(
      [0, 8, 16].map((mb) => ({ args: { key, offset: mb * 1024 * 1024, total: bytes.length } })),
    );
    expect(parts.map((p) => p.payload.length)).toEqual([8, 8, 1].map((mb) => mb * 1024 * 1024));

    const reader = fakeFetch(
      () =>
        new Response(
          // slice(): a Response body needs ArrayBuffer-backed bytes.
          encodeFrame({ ok: true, range: { offset: 1, length: 2 } }, [
            Uint8Array.from([0, 7, 8]),
          ]).slice(),
        ),
    );
    const readHost = createHttpHost({
      token: 't',
      fetch: reader.fetch,
      choosePath: async () => null,
    });
    const read = await readHost.readPixelCache({ key });
    expect(read.ok && [...(read.value ?? [])]).toEqual([7, 8]);
  });

  it('turns a dead server into disconnected and a garbage reply into io-error Results', async () => {
    const dead = createHttpHost({
      token: 't',
      fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
      choosePath: async () => null,
    });
    expect(await dead.getRecentProjects()).toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
    const garbage = createHttpHost({
      token: 't',
      fetch: fakeFetch(() => new Response('<html>', { status: 502 })).fetch,
      choosePath: async () => null,
    });
    expect(await garbage.getSettings()).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });

  it('reports a refusal by the server (wrong token) as the coded Result', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({ ok: false, error: { code: 'untrusted-sender', message: 'refused' } }),
          { status: 403 },
        ),
    );
    const host = createHttpHost({ token: 'wrong', fetch, choosePath: async () => null });
    expect(await host.getAppInfo()).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('writes the dirty marker into the title', () => {
    const target = { title: '' };
    const host = createHttpHost({
      token: 't',
      fetch: fakeFetch(() => json({})).fetch,
      choosePath: async () => null,
      titleTarget: target,
    });
    host.setWindowState({ title: 'mnist — LayerLab', dirty: true, progress: null });
    expect(target.title).toBe('● mnist — LayerLab');
  });

  it('reads the page token from the meta tag', () => {
    const doc = {
      querySelector: (selector: string) =>
        selector === 'meta[name="layerlab-token"]' ? { getAttribute: () => 'abc' } : null,
    };
    expect(readPageToken(doc as never)).toBe('abc');
    expect(readPageToken({ querySelector: () => null } as never)).toBeNull();
  });
});
