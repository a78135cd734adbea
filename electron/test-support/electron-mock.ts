/**
 * A hand-written stand-in for the `electron` module in unit tests (the real
 * package would try to download its binary). It records what the code under
 * test does: exposed APIs, IPC sends and listeners.
 */
type Listener = (event: unknown, ...args: unknown[]) => void;

export const exposed = new Map<string, unknown>();
export const sent: { channel: string; args: unknown[] }[] = [];
export const invoked: { channel: string; args: unknown[] }[] = [];
export const rendererListeners = new Map<string, Set<Listener>>();
export let invokeReply: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({
  ok: true,
  value: null,
});

export function setInvokeReply(
  reply: (channel: string, args: unknown[]) => Promise<unknown>,
): void {
  invokeReply = reply;
}

/** `webUtils.getPathForFile`: real files carry a `path` here; synthetic ones give ''. */
export const webUtils = {
  getPathForFile(file: { path?: string }): string {
    return file.path ?? '';
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    exposed.set(key, api);
  },
};

interface FakeIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: Listener): FakeIpcRenderer;
  removeListener(channel: string, listener: Listener): FakeIpcRenderer;
}

export const ipcRenderer: FakeIpcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    invoked.push({ channel, args });
    return invokeReply(channel, args);
  },
  send(channel: string, ...args: unknown[]): void {
    sent.push({ channel, args });
  },
  on(channel: string, listener: Listener): FakeIpcRenderer {
    const set = rendererListeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    rendererListeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener): FakeIpcRenderer {
    rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

/** Simulates main sending `args` on `channel` to the renderer. */
export function emitToRenderer(channel: string, ...args: unknown[]): void {
  for (const listener of rendererListeners.get(channel) ?? [])
    listener({ sender: 'ipc-event-object' }, ...args);
}

/** A fake `ipcMain` that records handlers so tests can call each channel. */
export function createIpcMainFake() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    handlers,
    listeners,
    handle(
      channel: string,
      listener: (event: never, ...args: unknown[]) => Promise<unknown>,
    ): void {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => Promise<unknown>);
    },
    on(channel: string, listener: (event: never, ...args: unknown[]) => void): void {
      listeners.set(channel, listener as (event: unknown, ...args: unknown[]) => void);
    },
  };
}

export default { contextBridge, ipcRenderer, webUtils };
