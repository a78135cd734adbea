import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { httpApi } from '../../../core/contract/channels';

/** The header every API call carries besides the cookie (Node lower-cases header names). */
export const tokenHeader = httpApi.tokenHeader.toLowerCase();

/** Cookie names include the port: cookies are per host, not per port, and two LayerLabs may run. */
export function tokenCookieName(port: number): string {
  return `layerlab-token-${port}`;
}

/** Host header values we answer to (DNS-rebinding defence: a rebound name carries its own Host). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Origins allowed to call the API. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

export type GuardVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 403 | 421; readonly reason: string };

/** Constant-time token comparison. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Checks Host and Origin for every request. A missing Origin is fine (browsers
 * omit it on same-origin GETs); a present one must be ours.
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const host = headers.host;
  if (host === undefined || !allowedHosts(port).includes(host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'wrong Host header' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'wrong Origin header' };
  }
  return { ok: true };
}

/** Cookie check for pages and assets; API calls also need the header (see `checkApiToken`). */
export function checkCookieToken(
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): GuardVerdict {
  return tokensMatch(token, readCookie(headers.cookie, tokenCookieName(port)))
    ? { ok: true }
    : { ok: false, status: 403, reason: 'missing or wrong session cookie' };
}

/** Cookie *and* `X-LayerLab-Token` header: a cross-site page can send neither. */
export function checkApiToken(
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): GuardVerdict {
  const cookie = checkCookieToken(headers, port, token);
  if (!cookie.ok) return cookie;
  const header = headers[tokenHeader];
  return tokensMatch(token, typeof header === 'string' ? header : undefined)
    ? { ok: true }
    : { ok: false, status: 403, reason: 'missing or wrong token header' };
}
