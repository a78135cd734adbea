import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { isInside } from './safe-path';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.layerlab': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type for a bundled file (unknown types are served as bytes). */
export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps the path part of a UI URL to a file inside the bundle root, or null.
 * Decodes once (as a browser encodes once), then refuses NUL, backslashes,
 * `..` segments and anything still percent-encoded after decoding (double
 * encoding), and checks the real path stays inside the real root, so neither
 * `../`, `%2e%2e%2f`, `..%5c`, `%252e`, an absolute path nor a symlink leads out.
 */
export async function resolveStaticFile(
  rootReal: string,
  urlPathname: string,
): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null; // malformed or overlong UTF-8 escape
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded))
    return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (
    segments.some((segment) => segment === '..' || segment === '.' || /^[A-Za-z]:$/.test(segment))
  )
    return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = path.join(rootReal, ...relative.split('/'));
  try {
    const real = await realpath(candidate);
    if (!isInside(rootReal, real) || real === rootReal) return null;
    const info = await stat(real);
    return info.isFile() ? real : null;
  } catch {
    return null;
  }
}
