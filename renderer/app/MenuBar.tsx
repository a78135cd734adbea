import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CommandGroup } from '@core';
import { commands, type CommandDef } from '../state/commands';
import { formatShortcut } from '../state/shortcuts';
import { useOpenSessionValue } from '../session/open-session';
import { useAppServices } from './app-context';

const allGroups: readonly CommandGroup[] = ['file', 'edit', 'view', 'train'];

/**
 * In-app menu bar for browser mode, where there is no native menu. Same
 * command ids and shortcuts as the Electron menu.
 */
export function MenuBar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<CommandGroup | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const groups = allGroups.filter((g) => commands.some((c) => c.group === g));

  useEffect(() => {
    if (open === null) return;
    const onPointer = (e: PointerEvent): void => {
      if (!barRef.current?.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu-bar" role="menubar" ref={barRef}>
      {groups.map((group) => (
        <div className="menu" key={group}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === group}
            className={`menu-title${open === group ? ' is-open' : ''}`}
            onClick={() => setOpen(open === group ? null : group)}
            onPointerEnter={() => open !== null && setOpen(group)}
          >
            {t(`app:menu.${group}`)}
          </button>
          {open === group && (
            <div className="menu-popup" role="menu" aria-label={t(`app:menu.${group}`)}>
              {commands
                .filter((c) => c.group === group && c.hidden !== true)
                .map((c) => (
                  <MenuItem key={c.id} command={c} onDone={() => setOpen(null)} />
                ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

function MenuItem({
  command,
  onDone,
}: {
  readonly command: CommandDef;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const { workspace, isMac, runCommand } = useAppServices();
  const enabled = useOpenSessionValue(workspace, (s) => command.isEnabled(s));
  const shortcut = command.shortcuts[0];
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-command={command.id}
      disabled={!enabled}
      onClick={() => {
        onDone();
        runCommand(command.id);
      }}
    >
      <span>{t(command.labelKey)}</span>
      {shortcut && <kbd className="menu-shortcut">{formatShortcut(shortcut, isMac)}</kbd>}
    </button>
  );
}
