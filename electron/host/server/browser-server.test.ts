import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../services/web-security';
import { decodeFrame, encodeFrame } from '../../../core/contract/binary-frame';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { tokenCookieName } from './request-guard';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  server: BrowserServer,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let base: string;
  let server: BrowserServer;
  let cookie: string;
  let apiHeaders: Record<string, string>;
  const api = (method: string, args: unknown, extra: Record<string, unknown> = {}) =>
    send(server, {
      path: `/api/call/${method}`,
      method: 'POST',
      headers: { ...apiHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ args, ...extra }),
    });
  const answer = async (method: string, args: unknown, extra: Record<string, unknown> = {}) =>
    JSON.parse((await api(method, args, extra)).body.toString()) as {
      ok: boolean;
      value?: Record<string, unknown>;
      error?: { code: string };
    };
  /** What the in-app chooser does: lists the folder, then records the user's pick. */
  const pick = async (purpose: string, chosen: string, listed = path.dirname(chosen)) => {
    expect((await answer('browse', { path: listed })).ok).toBe(true);
    const picked = await answer('chooserPick', { purpose, path: chosen });
    if (!picked.ok) throw new Error(`pick refused: ${JSON.stringify(picked.error)}`);
    return String(picked.value?.choiceId);
  };

  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-server-')));
    const renderer = path.join(base, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(
      path.join(renderer, 'index.html'),
      '<!doctype html><html><head><title>LayerLab</title></head><body></body></html>',
    );
    await writeFile(path.join(renderer, 'assets', 'main.js'), 'export {}');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await symlink(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'out.js'));
    await mkdir(path.join(base, 'data', 'cats'), { recursive: true });
    await writeFile(
      path.join(base, 'data', 'cats', '1.png'),
      new Uint8Array([137, 80, 78, 71, 0, 255]),
    );
    await writeFile(path.join(base, 'data', 'cats', 'note.txt'), '你好');
    server = await startBrowserServer({
      rendererRoot: renderer,
      userDataDir: path.join(base, 'user-data'),
      appInfo: {
        name: 'LayerLab',
        version: '0',
        mode: 'browser',
        platform: 'linux',
        locale: 'en',
        nativeDialogs: false,
      },
    });
    cookie = `${tokenCookieName(server.port)}=${server.token}`;
    apiHeaders = { cookie, 'x-layerlab-token': server.token, origin: server.origin };
  });
  afterAll(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, at a random port, with a long random token', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('takes the preferred (last) port when free, and says so when it had to move', async () => {
    const options = {
      rendererRoot: path.join(base, 'renderer'),
      userDataDir: path.join(base, 'user-data-2'),
      appInfo: {
        name: 'LayerLab',
        version: '0',
        mode: 'browser' as const,
        platform: 'linux',
        locale: 'en',
        nativeDialogs: false,
      },
      token: server.token,
    };
    // This suite's server holds its port: a second one must move, and says so.
    const moved = await startBrowserServer({ ...options, preferredPort: server.port });
    expect(moved.portMoved).toBe(true);
    expect(moved.port).not.toBe(server.port);
    const freed = moved.port;
    await moved.close();
    const again = await startBrowserServer({ ...options, preferredPort: freed });
    try {
      expect(again.portMoved).toBe(false);
      expect(again.port).toBe(freed);
    } finally {
      await again.close();
    }
  });

  it('swaps the token link for an HttpOnly SameSite=Strict cookie and a clean URL', async () => {
    const reply = await send(server, { path: `/?token=${server.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(
      new RegExp(
        `^${tokenCookieName(server.port)}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
      ),
    );
  });

  it('serves the page with the cookie, with the token meta and the same CSP/COOP/COEP as app://', async () => {
    const reply = await send(server, { path: '/', headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain(
      `<meta name="layerlab-token" content="${server.token}">`,
    );
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it.each([
    ['no cookie', {}],
    ['a wrong cookie', { cookie: `${tokenCookieName(0)}=nope` }],
    ['a cookie for another port', { cookie: `${tokenCookieName(1)}=also-wrong` }],
  ])('refuses the page with %s', async (_why, headers) => {
    const reply = await send(server, { path: '/', headers });
    expect(reply.status).toBe(403);
    expect(reply.body.toString()).not.toContain('layerlab-token" content');
  });

  it('refuses a wrong token in the link', async () => {
    expect((await send(server, { path: '/?token=guess' })).status).toBe(403);
  });

  it.each([
    ['a rebound DNS name', { host: 'evil.example:80' }],
    ['the right name on another port', { host: '127.0.0.1:1' }],
    ['no port', { host: '127.0.0.1' }],
  ])('refuses a wrong Host header: %s', async (_why, headers) => {
    expect((await send(server, { path: '/', headers: { cookie, ...headers } })).status).toBe(421);
  });

  it('refuses a foreign Origin even with cookie and token', async () => {
    const reply = await send(server, {
      path: '/api/call/getAppInfo',
      method: 'POST',
      headers: { ...apiHeaders, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it.each([
    ['no token at all', (): Record<string, string> => ({})],
    ['the cookie but no header', (): Record<string, string> => ({ cookie })],
    [
      'the header but no cookie',
      (): Record<string, string> => ({ 'x-layerlab-token': server.token }),
    ],
    ['a wrong header', (): Record<string, string> => ({ cookie, 'x-layerlab-token': 'wrong' })],
  ])('refuses an API call with %s', async (_why, headers) => {
    const reply = await send(server, {
      path: '/api/call/getAppInfo',
      method: 'POST',
      headers: headers(),
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('answers an API call with a Result envelope', async () => {
    const reply = await api('getAppInfo', {});
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      ok: true,
      value: { mode: 'browser', nativeDialogs: false },
    });
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/assets/out.js',
    '/assets/%00.js',
    '//etc/passwd',
  ])('refuses static path %s', async (urlPath) => {
    const reply = await send(server, { path: urlPath, headers: { cookie } });
    expect([403, 404]).toContain(reply.status);
    expect(reply.body.toString()).not.toContain('secret');
  });

  it('refuses malformed and oversized API bodies with coded errors', async () => {
    const notJson = await send(server, {
      path: '/api/call/getSettings',
      method: 'POST',
      headers: apiHeaders,
      body: '{not json',
    });
    expect(JSON.parse(notJson.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const proto = await send(server, {
      path: '/api/call/updateSettings',
      method: 'POST',
      headers: apiHeaders,
      body: '{"args":{"__proto__":{"x":1}}}',
    });
    expect(JSON.parse(proto.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const droppedPath = await send(server, {
      path: '/api/call/grantDroppedFolder',
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({ args: { path: base } }),
    });
    expect(droppedPath.status).toBe(404); // IPC only: over HTTP a path is granted only through the chooser
    const unknown = await send(server, {
      path: '/api/call/deleteEverything',
      method: 'POST',
      headers: apiHeaders,
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });

  it('answers malformed JSON with 400, and an oversized body with 413', async () => {
    const notJson = await send(server, {
      path: '/api/call/getSettings',
      method: 'POST',
      headers: apiHeaders,
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    const big = await send(server, {
      path: '/api/call/getSettings',
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({ args: {}, pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413); // small calls get small bodies: only saveProject and exports are big
  });

  it('refuses a body whose declared size is over the route limit without waiting for it', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: server.port,
        path: '/api/call/saveProject',
        method: 'POST',
        headers: {
          ...apiHeaders,
          host: `127.0.0.1:${server.port}`,
          'content-length': String(1024 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{"args":'); // the other gigabyte never comes
      setTimeout(
        () => reject(new Error('no answer within 5 s: the server waits for the body')),
        5000,
      );
    });
    expect(reply).toBe(413);
  });

  it('answers a token link reached from another site (the file:// launch page) with a same-site refresh', async () => {
    const reply = await send(server, {
      path: `/?token=${server.token}`,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(reply.status).toBe(200);
    expect(String(reply.headers['set-cookie'])).toMatch(
      new RegExp(`^${tokenCookieName(server.port)}=${server.token}; HttpOnly; SameSite=Strict`),
    );
    const body = reply.body.toString();
    expect(body).toContain('<meta http-equiv="refresh" content="0;url=/">');
    expect(body).not.toContain(server.token);
  });

  it('redirects the token link only within the app, never to another host', async () => {
    for (const target of ['/.//evil.com/', '//evil.com/', '/\\evil.com/', '/./\\evil.com']) {
      const reply = await send(server, { path: `${target}?token=${server.token}` });
      expect(reply.status, target).toBe(303);
      const location = String(reply.headers.location);
      expect(location, target).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'http://127.0.0.1/').host, target).toBe('127.0.0.1');
    }
  });

  it('grants a folder chosen in the in-app chooser and streams file bytes as a binary frame', async () => {
    const granted = JSON.parse(
      (
        await api(
          'pickDatasetFolder',
          { kind: 'image' },
          { choiceId: await pick('dataset-folder', path.join(base, 'data')) },
        )
      ).body.toString(),
    ) as { ok: true; value: { grantId: string } };
    expect(granted.ok).toBe(true);
    const reply = await send(server, {
      path: '/api/bin/readDatasetFiles',
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({
        args: {
          grantId: granted.value.grantId,
          paths: ['cats/1.png', 'cats/note.txt', '../secret.txt'],
        },
      }),
    });
    const { header, payload } = decodeFrame(new Uint8Array(reply.body));
    const result = header as {
      ok: true;
      value: (
        | { ok: true; range: { offset: number; length: number } }
        | { ok: false; error: { code: string } }
      )[];
    };
    const [png, text, escape] = result.value;
    expect(
      png?.ok && [...payload.subarray(png.range.offset, png.range.offset + png.range.length)],
    ).toEqual([137, 80, 78, 71, 0, 255]);
    expect(
      text?.ok &&
        new TextDecoder().decode(
          payload.subarray(text.range.offset, text.range.offset + text.range.length),
        ),
    ).toBe('你好');
    expect(escape).toMatchObject({ ok: false, error: { code: 'outside-grant' } });
  });

  it('stores a pixel cache entry sent as a frame and streams it back, refusing a path as key', async () => {
    const key = `${'0f'.repeat(8)}-9`;
    const call = (route: string, body: string | Uint8Array) =>
      send(server, { path: `/api/bin/${route}`, method: 'POST', headers: apiHeaders, body });
    const missing = decodeFrame(
      new Uint8Array((await call('readPixelCache', JSON.stringify({ args: { key } }))).body),
    );
    expect(missing.header).toEqual({ ok: true, value: null });
    const written = await call(
      'writePixelCache',
      encodeFrame({ args: { key, offset: 0, total: 3 } }, [Uint8Array.from([5, 6, 7])]),
    );
    expect(JSON.parse(written.body.toString())).toMatchObject({ ok: true });
    const read = decodeFrame(
      new Uint8Array((await call('readPixelCache', JSON.stringify({ args: { key } }))).body),
    );
    expect(read.header).toEqual({ ok: true, range: { offset: 0, length: 3 } });
    expect([...read.payload]).toEqual([5, 6, 7]);
    const refused = await call(
      'writePixelCache',
      encodeFrame({ args: { key: '../../evil', offset: 0, total: 1 } }, [Uint8Array.from([1])]),
    );
    expect(JSON.parse(refused.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('writes an export sent as a binary frame', async () => {
    const choiceId = await pick('export-parent', base, base);
    const bytes = new Uint8Array([1, 2, 3]);
    const frame = encodeFrame(
      {
        args: {
          suggestedName: '导出 1',
          overwrite: false,
          files: { 'model.json': '{}', 'weights.bin': { offset: 0, length: 3 } },
        },
        choiceId,
      },
      [bytes],
    );
    const reply = await send(server, {
      path: '/api/bin/writeExportFolder',
      method: 'POST',
      headers: apiHeaders,
      body: frame,
    });
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      ok: true,
      value: { displayPath: path.join(base, '导出 1') },
    });
    expect([...(await readFile(path.join(base, '导出 1', 'weights.bin')))]).toEqual([1, 2, 3]);
  });

  it('refuses an export frame whose byte range lies outside the payload, writing nothing', async () => {
    const choiceId = await pick('export-parent', base, base);
    const frame = encodeFrame(
      {
        args: {
          suggestedName: 'bad',
          overwrite: false,
          files: { 'w.bin': { offset: 2, length: 10 } },
        },
        choiceId,
      },
      [new Uint8Array(4)],
    );
    const reply = await send(server, {
      path: '/api/bin/writeExportFolder',
      method: 'POST',
      headers: apiHeaders,
      body: frame,
    });
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    await expect(readFile(path.join(base, 'bad', 'w.bin'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('lists folders for the in-app chooser', async () => {
    const reply = JSON.parse(
      (await api('browse', { path: path.join(base, 'data') })).body.toString(),
    ) as { ok: true; value: { entries: { name: string; kind: string }[]; parent: string } };
    expect(reply.value.entries).toEqual([{ name: 'cats', kind: 'dir' }]);
    expect(reply.value.parent).toBe(base);
  });

  it('opens only what the chooser picked: a path sent with the call, /etc/passwd or a reused pick are refused', async () => {
    // Before #16, a request naming any path opened it (`chosenPath` was trusted).
    expect(await answer('openProject', {}, { chosenPath: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'outside-grant' },
    });
    // Even listed in the chooser, /etc/passwd is no project file.
    expect((await answer('browse', { path: '/etc' })).ok).toBe(true);
    expect(
      await answer('chooserPick', { purpose: 'open-project', path: '/etc/passwd' }),
    ).toMatchObject({ ok: false, error: { code: 'outside-grant' } });
    // A project file in a folder the chooser never listed.
    await mkdir(path.join(base, 'unlisted'), { recursive: true });
    await writeFile(path.join(base, 'unlisted', 'p.layerlab'), '{}');
    expect(
      await answer('chooserPick', {
        purpose: 'open-project',
        path: path.join(base, 'unlisted', 'p.layerlab'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'outside-grant' } });
    // A made-up choice id.
    expect(await answer('openProject', {}, { choiceId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'outside-grant' },
    });

    await writeFile(path.join(base, 'mine.layerlab'), '{"mine":true}');
    const choiceId = await pick('open-project', path.join(base, 'mine.layerlab'));
    expect(await answer('openProject', {}, { choiceId })).toMatchObject({
      ok: true,
      value: { contents: '{"mine":true}' },
    });
    // One use only, and only for its purpose.
    expect(await answer('openProject', {}, { choiceId })).toMatchObject({
      ok: false,
      error: { code: 'outside-grant' },
    });
    const folderChoice = await pick('dataset-folder', path.join(base, 'data'));
    expect(await answer('openProject', {}, { choiceId: folderChoice })).toMatchObject({
      ok: false,
      error: { code: 'outside-grant' },
    });
  });

  it("refuses picks of hidden entries and of LayerLab's own profile folder (it holds the credential)", async () => {
    await writeFile(path.join(base, '.hidden.layerlab'), '{}');
    expect((await answer('browse', { path: base })).ok).toBe(true);
    expect(
      await answer('chooserPick', {
        purpose: 'open-project',
        path: path.join(base, '.hidden.layerlab'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'outside-grant' } });
    const profile = path.join(base, 'user-data');
    expect((await answer('browse', { path: profile })).ok).toBe(true);
    expect(await answer('chooserPick', { purpose: 'dataset-folder', path: profile })).toMatchObject(
      { ok: false, error: { code: 'outside-grant' } },
    );
  });

  it('creates a new folder only inside the folder the chooser shows, with a portable name', async () => {
    expect((await answer('browse', { path: base })).ok).toBe(true);
    expect(await answer('createFolder', { parent: base, name: '导出 exports' })).toMatchObject({
      ok: true,
      value: { path: path.join(base, '导出 exports') },
    });
    expect((await stat(path.join(base, '导出 exports'))).isDirectory()).toBe(true);
    expect(await answer('createFolder', { parent: base, name: '导出 exports' })).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    });
    for (const name of ['a/b', '..', '.ssh', 'CON', 'x:y', 'end.', ' lead'])
      expect(await answer('createFolder', { parent: base, name })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    await mkdir(path.join(base, 'never-listed'), { recursive: true });
    expect(
      await answer('createFolder', { parent: path.join(base, 'never-listed'), name: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'outside-grant' } });
  });
});
