import { randomBytes } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { httpApi } from '../../../core/contract/channels';
import type { AppInfo, ChooserPurpose } from '../../../core/contract/host';
import { ChooserChoices } from '../services/chooser-choices';
import { createHostServices } from '../services/host-services';
import { LaunchFile } from '../services/launch-file';
import { mimeTypeOf, resolveStaticFile } from '../services/static-files';
import { securityHeaders } from '../services/web-security';
import { routeApi } from './api-routes';
import {
  checkApiToken,
  checkCookieToken,
  checkHostAndOrigin,
  tokenCookieName,
  tokensMatch,
  type GuardVerdict,
} from './request-guard';

export interface BrowserServerOptions {
  /** The built renderer (`dist/renderer`). */
  readonly rendererRoot: string;
  readonly userDataDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /**
   * With `port` 0: the port to try first (the last launch's, so an open tab
   * can reconnect); when it is taken, a free one is used and `portMoved` says so.
   */
  readonly preferredPort?: number;
  readonly appInfo: AppInfo;
  /** The stable credential from the profile (`browser-credential.ts`); default: 32 random bytes for this launch only. */
  readonly token?: string;
  /** A project to open at startup (`npm start -- file.layerlab`). */
  readonly launchFile?: string;
}

export interface BrowserServer {
  /** The URL to open: carries the token once, which the server swaps for a cookie. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** True when `preferredPort` was taken, so a tab of the last launch cannot reconnect. */
  readonly portMoved: boolean;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer and the host services on 127.0.0.1 only.
 * Every request needs the per-launch token (cookie; API calls also the
 * `X-LayerLab-Token` header), a Host header naming this server and, when
 * present, our Origin. Responses carry the same CSP and COOP/COEP as app://.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererRoot = await realpath(options.rendererRoot);
  const launchFile = new LaunchFile(options.launchFile ?? null);
  const choices = new ChooserChoices(options.userDataDir);
  const services = createHostServices({
    userDataDir: options.userDataDir,
    appInfo: options.appInfo,
    takeLaunchFile: launchFile.take,
    choices,
  });
  const takeChoice = (choiceId: string, purpose: ChooserPurpose): string =>
    choices.take(choiceId, purpose);
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('browser-mode request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hostCheck = checkHostAndOrigin(request.headers, port);
    if (!hostCheck.ok) return refuse(response, hostCheck);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const verdict = checkApiToken(request.headers, port, token);
      if (!verdict.ok) return refuse(response, verdict);
      const reply = await routeApi(services, url.pathname, request, takeChoice);
      if (reply.kind === 'json' && reply.closeConnection === true) {
        // The body was refused unread: close instead of draining it (up to the declared size).
        response.setHeader('Connection', 'close');
        response.once('finish', () => request.socket.destroy());
      }
      if (reply.kind === 'json')
        return send(
          response,
          reply.status,
          'application/json; charset=utf-8',
          JSON.stringify(reply.body),
        );
      return send(response, reply.status, 'application/octet-stream', reply.body);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokensMatch(token, offered))
        return refuse(response, { ok: false, status: 403, reason: 'wrong token in link' });
      // Swap the one-time link for a cookie and drop the token from the address bar.
      response.setHeader(
        'Set-Cookie',
        `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
      url.searchParams.delete('token');
      // Relative to this origin only: '//evil.com/' (or '/\\evil.com/') would send the browser away.
      const clean = `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
      if (request.headers['sec-fetch-site'] === 'cross-site') {
        // Reached from another site, e.g. the 0600 launch page (file://) that keeps the token off
        // Chromium's command line: a redirect would stay in that cross-site chain, where the
        // SameSite=Strict cookie is withheld. A refresh from this page is a same-site navigation.
        const attribute = clean
          .replace(/&/g, '&amp;')
          .replace(/"/g, '&quot;')
          .replace(/</g, '&lt;');
        return send(
          response,
          200,
          'text/html; charset=utf-8',
          `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${attribute}"><title>LayerLab</title>\n`,
        );
      }
      response.setHeader('Location', clean);
      return send(response, 303, 'text/plain; charset=utf-8', 'See Other');
    }
    const verdict = checkCookieToken(request.headers, port, token);
    if (!verdict.ok) return refuse(response, verdict);
    const file = await resolveStaticFile(rendererRoot, url.pathname);
    if (file === null) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    let body: Uint8Array = await readFile(file);
    if (file.endsWith('index.html')) body = injectTokenMeta(body, token);
    return send(
      response,
      200,
      mimeTypeOf(file),
      request.method === 'HEAD' ? new Uint8Array() : body,
    );
  }

  const listen = (at: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => reject(error);
      server.once('error', fail);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', fail);
        resolve();
      });
    });
  const preferred = options.port ? 0 : (options.preferredPort ?? 0);
  let portMoved = false;
  if (preferred > 0) {
    try {
      await listen(preferred);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      portMoved = true;
      await listen(0);
    }
  } else await listen(options.port ?? 0);
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    portMoved,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function injectTokenMeta(html: Uint8Array, token: string): Uint8Array {
  const text = new TextDecoder().decode(html);
  // The `<meta>` through which the page learns the token for its API header (no inline script needed).
  const meta = `<meta name="${httpApi.tokenMetaName}" content="${token}">`;
  const injected = /<head[^>]*>/i.test(text)
    ? text.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`)
    : `${meta}\n${text}`;
  return new TextEncoder().encode(injected);
}

function refuse(response: ServerResponse, verdict: Extract<GuardVerdict, { ok: false }>): void {
  const body = {
    ok: false,
    error: {
      code: 'untrusted-sender',
      message: `Request refused: ${verdict.reason}. Open LayerLab with the link printed when it started.`,
    },
  };
  send(response, verdict.status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
): void {
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
