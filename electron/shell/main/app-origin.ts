/** The UI is served from `app://bundle/…` (a standard, secure custom scheme), never `file://`. */
export const appScheme = 'app';
export const appHost = 'bundle';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * True when `url` belongs to the app's origin. Compares scheme and host of a
 * parsed URL (Node's `URL.origin` is "null" for non-special schemes such as
 * `app:`, so origin strings cannot be compared); never `startsWith`, which
 * `app://bundle.evil` would pass.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
