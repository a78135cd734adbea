import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../host/services/web-security';
import { appSchemePrivileges, createAppProtocolHandler } from './app-protocol';

describe('app:// scheme privileges', () => {
  it('is standard, secure and fetchable', () => {
    expect(appSchemePrivileges).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as object,
      }),
    ]);
  });
});

describe('CSP header (§8 A2)', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("has default-src 'self', object-src 'none' and frame-ancestors 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows scripts only from the app itself (no unsafe-eval, no unsafe-inline, wasm allowed)', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'/);
  });

  it('names no remote host', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|ws:/);
  });
});

describe('app:// handler path containment (§8 B3)', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-protocol-')));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>LayerLab</title>');
    await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(
      path.join(root, 'assets', 'tfjs-backend-wasm.wasm'),
      new Uint8Array([0, 97, 115, 109]),
    );
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await mkdir(path.join(base, 'renderer-evil'));
    await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link-out.js'));
    handler = createAppProtocolHandler(root);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string): Promise<Response> => handler(new Request(url));

  it('serves index.html for / with CSP, COOP and COEP headers', async () => {
    const response = await get('app://bundle/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('serves a nested file with the right content type', async () => {
    expect((await get('app://bundle/assets/main.js')).headers.get('content-type')).toMatch(
      /text\/javascript/,
    );
    expect(
      (await get('app://bundle/assets/tfjs-backend-wasm.wasm')).headers.get('content-type'),
    ).toBe('application/wasm');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%252e%252e%252fsecret.txt',
    'app://bundle//etc/passwd',
    'app://bundle/C:%5CWindows%5Cwin.ini',
    'app://bundle/index.html%00.js',
    'app://bundle/%c0%ae%c0%ae/secret.txt',
    'app://bundle/..%2f..%2frenderer-evil/x.js',
    'app://bundle/assets/link-out.js',
    'app://bundle/missing.js',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses other hosts and schemes', async () => {
    expect((await get('app://bundle.evil/index.html')).status).toBe(403);
    expect((await get('app://evil/index.html')).status).toBe(403);
  });
});
