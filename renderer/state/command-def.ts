import type { CommandGroup, Host, KnownCommandId } from '@core';
import { commandSpec } from '@core';

import type { ProjectSession } from '../session/project-session';
import type { Workspace } from '../session/workspace';
import type { ClipboardPort } from './clipboard';
import { parseShortcut, type Shortcut } from './shortcuts';

/** What the canvas offers to commands (set once React Flow is mounted). */
export interface FlowControls {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Selects nothing; frames the given nodes. */
  fitNodes(ids: readonly string[]): void;
  /** The flow position at the centre of the visible canvas. */
  viewCenter(): { x: number; y: number };
}

/**
 * Where File → Open sends what is not a project (renderer/packs): a lab
 * package opens in student mode, a submission is summarised.
 */
export interface DocumentRouter {
  openPack(bytes: Uint8Array, fileName: string): void;
  openSubmission(bytes: Uint8Array, fileName: string): void;
}

/** Everything a command may touch. Built by the shell; tests build their own. */
export interface CommandContext {
  /** The window's project slot: `workspace.current()` is the open project, or null. */
  readonly workspace: Workspace;
  readonly host: Host;
  readonly flow: FlowControls | null;
  readonly clipboard: ClipboardPort;
  /** Packages and submissions (absent in tests that open only projects: they are then refused). */
  readonly documents?: DocumentRouter;
}

/**
 * One user command, shared by toolbar, menus (native and in-app), keyboard
 * and `host.onCommand`. Its id, group, label key and shortcuts come from the
 * contract's command list (core/contract/commands.ts, also read by the native
 * menu); the definition adds what it does. Build one with `defineCommand`.
 */
export interface CommandDef {
  readonly id: string;
  readonly group: CommandGroup;
  readonly labelKey: string;
  /** Shortcuts; the first is the one shown in menus and tooltips. */
  readonly shortcuts: readonly Shortcut[];
  /** Not listed in menus: sent only by the host (e.g. a file opened from the OS). */
  readonly hidden?: boolean;
  /** Whether it can run now, given the open project (null on the start screen). */
  isEnabled(session: ProjectSession | null): boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

/** A command of the contract's list with its behaviour. */
export function defineCommand(
  id: KnownCommandId,
  isEnabled: CommandDef['isEnabled'],
  run: CommandDef['run'],
): CommandDef {
  const spec = commandSpec(id);
  return {
    id,
    group: spec.group,
    labelKey: spec.labelKey,
    shortcuts: spec.shortcuts.map(parseShortcut),
    ...(spec.hidden === true ? { hidden: true } : {}),
    isEnabled,
    run,
  };
}
