import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';

import type { HostResult, WindowState } from '../../../core/contract/host';
import {
  hostChannels,
  windowStateChannel,
  type HostChannelMethod,
} from '../../../core/contract/channels';
import { assertNoForbiddenKeys } from '../../host/services/parse-request';
import type { ChoosePath, HostServices } from '../../host/services/host-services';
import { isAppUrl } from './app-origin';

/** The parts of a sender frame we look at (Electron's `WebFrameMain`). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Fiddle's rule, strictly: only the app's own top-level page may call the
 * host. A missing frame (navigated away or destroyed), a sub-frame, or any URL
 * not on `app://bundle` (including look-alikes such as `app://bundle.evil`)
 * is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export const untrustedSenderResult: HostResult<never> = {
  ok: false,
  error: {
    code: 'untrusted-sender',
    message: 'This request did not come from the LayerLab window and was refused.',
  },
};

const windowStateSchema = z.strictObject({
  title: z.string().max(500),
  dirty: z.boolean(),
  progress: z.number().min(0).max(1).nullable(),
});

/** The slice of `ipcMain` we use (a hand-written fake in tests). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcDeps {
  readonly services: HostServices;
  readonly choosePath: ChoosePath;
  readonly onWindowState: (state: WindowState) => void;
}

/**
 * Registers one `handle()` per host channel: sender check, then the service
 * (which validates its argument with zod and answers a `HostResult`). A
 * throwing service cannot happen (services settle), but the envelope is
 * kept even then, because Electron would keep only an error's message.
 */
export function registerHostHandlers(ipcMain: IpcMainLike, deps: IpcDeps): string[] {
  const registered: string[] = [];
  for (const method of Object.keys(hostChannels) as HostChannelMethod[]) {
    const channel = hostChannels[method];
    ipcMain.handle(channel, async (event, raw) => {
      if (!isTrustedSender(event.senderFrame as SenderFrame | null)) return untrustedSenderResult;
      const service = deps.services[method] as (
        raw: unknown,
        choose: ChoosePath,
      ) => Promise<HostResult<unknown>>;
      try {
        return await service(raw, deps.choosePath);
      } catch (error) {
        return {
          ok: false,
          error: { code: 'io-error', message: String(error) },
        } satisfies HostResult<never>;
      }
    });
    registered.push(channel);
  }
  ipcMain.on(windowStateChannel, (event, raw) => {
    if (!isTrustedSender(event.senderFrame as SenderFrame | null)) return;
    try {
      assertNoForbiddenKeys(raw);
    } catch {
      return;
    }
    const parsed = windowStateSchema.safeParse(raw);
    if (parsed.success) deps.onWindowState(parsed.data);
  });
  registered.push(windowStateChannel);
  return registered;
}
