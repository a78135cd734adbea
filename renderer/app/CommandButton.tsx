import { useTranslation } from 'react-i18next';

import { getCommand } from '../state/commands';
import { formatShortcut } from '../state/shortcuts';
import { Icon } from '../ui/Icon';
import { useOpenSessionValue } from '../session/open-session';
import { useAppServices } from './app-context';

/**
 * A toolbar button bound to a command: the visible label is the accessible
 * name, the tooltip adds the shortcut, disabled follows `isEnabled`.
 */
export function CommandButton({ id, icon }: { readonly id: string; readonly icon?: string }) {
  const { t } = useTranslation();
  const { workspace, isMac, runCommand } = useAppServices();
  const command = getCommand(id);
  const enabled = useOpenSessionValue(workspace, (s) => (command ? command.isEnabled(s) : false));
  if (!command) return null;
  const label = t(command.labelKey);
  const shortcut = command.shortcuts[0];
  const title = shortcut ? `${label} (${formatShortcut(shortcut, isMac)})` : label;
  return (
    <button
      type="button"
      className="tool-button"
      data-command={id}
      disabled={!enabled}
      title={title}
      onClick={() => runCommand(id)}
    >
      {icon !== undefined && <Icon name={icon} />}
      <span className="tool-label">{label}</span>
    </button>
  );
}
