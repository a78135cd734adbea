import { describe, expect, it, vi } from 'vitest';

import {
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  guardSession,
  guardWebContents,
  preventNavigation,
} from './navigation';

describe('permission handlers (§8 A5)', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'midi',
    'an-unknown-permission',
  ])('deny %s', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('are installed on the session', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    guardSession(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
  });
});

describe('navigation and new windows (§8 A6)', () => {
  it.each([
    'https://x.example',
    'file:///etc/passwd',
    'app://bundle.evil/',
    'javascript:alert(1)',
    'app://bundle/other.html',
  ])('prevents navigation to %s', (url) => {
    const event = { preventDefault: vi.fn() };
    preventNavigation(event, url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('guards will-navigate, will-redirect, will-attach-webview and window.open on each web contents', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    const contents = {
      on: vi.fn((name: string, handler: (event: { preventDefault(): void }) => void) =>
        handlers.set(name, handler),
      ),
      setWindowOpenHandler: vi.fn(),
    };
    guardWebContents(contents as never);
    expect([...handlers.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledWith(denyWindowOpen);
    const event = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
