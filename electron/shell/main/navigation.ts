import type { Session, WebContents } from 'electron';

/**
 * The app is a single page: it never navigates, never opens windows, never
 * embeds <webview>, and needs no permission (camera, notifications…).
 */

/** `will-navigate` / `will-redirect`: every navigation is refused. */
export function preventNavigation(event: { preventDefault(): void }, _url: string): void {
  event.preventDefault();
}

/** `setWindowOpenHandler`: `window.open` and target=_blank links are denied. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** `setPermissionRequestHandler`: deny all (Electron approves all by default). */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** `setPermissionCheckHandler`: deny all. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Applies the guards to one web contents (called for every one created). */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', preventNavigation);
  contents.on('will-redirect', preventNavigation);
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

/** Applies the permission handlers to a session. */
export function guardSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}
