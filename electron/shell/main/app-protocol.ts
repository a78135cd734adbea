import { readFile } from 'node:fs/promises';

import type { CustomScheme } from 'electron';

import { mimeTypeOf, resolveStaticFile } from '../../host/services/static-files';
import { securityHeaders } from '../../host/services/web-security';
import { appHost, appScheme } from './app-origin';

/**
 * `app://` must be standard (so localStorage, IndexedDB and relative URLs
 * work) and secure (so it counts as a secure context); `supportFetchAPI`
 * lets the renderer fetch bundled files (TF.js WASM).
 */
export const appSchemePrivileges: CustomScheme[] = [
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
];

/**
 * The `protocol.handle('app', …)` handler: serves files of the renderer bundle
 * only. Unlike the Electron docs' example it checks containment (no `../`,
 * encoded variants or symlinks out) and sets the CSP and COOP/COEP headers.
 */
export function createAppProtocolHandler(
  rendererRootReal: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { ...securityHeaders(), 'Cache-Control': 'no-cache' };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers });
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost)
      return new Response('Forbidden', { status: 403, headers });
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405, headers });
    const file = await resolveStaticFile(rendererRootReal, url.pathname);
    if (file === null) return new Response('Not found', { status: 404, headers });
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeOf(file) },
    });
  };
}
