/**
 * Where copied layers go: the system clipboard as text when the platform
 * allows it (so copy/paste works between two windows or projects), and always
 * an in-memory copy as the fallback (clipboard permission denied, tests).
 */
export interface ClipboardPort {
  write(text: string): Promise<void>;
  /** The latest text: the system clipboard if readable, else the in-memory copy. */
  read(): Promise<string | null>;
  /** Records text that already went to the system clipboard through a native copy event. */
  remember(text: string): void;
}

/** The app's clipboard: system clipboard first, memory as the fallback. */
export function createClipboard(
  system: Pick<Clipboard, 'readText' | 'writeText'> | null = globalThis.navigator?.clipboard ??
    null,
): ClipboardPort {
  let memory: string | null = null;
  return {
    async write(text) {
      memory = text;
      try {
        await system?.writeText(text);
      } catch {
        // Permission denied or no focus: the in-memory copy still pastes here.
      }
    },
    remember(text) {
      memory = text;
    },
    async read() {
      try {
        const text = await system?.readText();
        if (typeof text === 'string' && text.length > 0) return text;
      } catch {
        // Reading needs a permission the browser may refuse: use our own copy.
      }
      return memory;
    },
  };
}

/** A clipboard that never touches the system (unit tests). */
export function createMemoryClipboard(): ClipboardPort {
  return createClipboard(null);
}
