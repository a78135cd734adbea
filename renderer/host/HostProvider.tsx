import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';

import type { ChooserController } from './chooser-controller';
import { ConnectionBanner } from './ConnectionBanner';
import type { ConnectionMonitor } from './connection-monitor';
import { FileChooserDialog } from './FileChooserDialog';
import type { Host } from '@core';

const HostContext = createContext<Host | null>(null);

export interface HostProviderProps {
  readonly host: Host;
  /** The in-app chooser's controller (browser mode); its dialog renders here. */
  readonly chooser?: ChooserController;
  /** Whether the browser-mode server answers; its banner renders here. */
  readonly connection?: ConnectionMonitor | null;
  readonly children: ReactNode;
}

/** Makes the host available to components through `useHost()`. */
export function HostProvider({ host, chooser, connection, children }: HostProviderProps) {
  return (
    <HostContext.Provider value={host}>
      {children}
      {connection ? <ConnectionBanner monitor={connection} /> : null}
      {chooser ? <PendingChooser controller={chooser} /> : null}
    </HostContext.Provider>
  );
}

/** The host of this window. Components never read `window.host` themselves. */
export function useHost(): Host {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost() needs a <HostProvider> above it.');
  return host;
}

function PendingChooser({ controller }: { controller: ChooserController }) {
  const pending = useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.current(),
  );
  const browse = controller.browse;
  if (pending === null || browse === null) return null;
  return (
    <FileChooserDialog
      key={`${pending.request.purpose}`}
      request={pending.request}
      browse={browse}
      createFolder={controller.createFolder}
      startFolder={controller.startFolder()}
      onClose={pending.resolve}
    />
  );
}
