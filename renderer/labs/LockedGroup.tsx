import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useFieldLocked } from './lab-mode';

/**
 * Controls that edit one lab-state field: when a lab package locked it, they
 * are shown disabled under a 🔒 with the teacher's lock as the tooltip (a
 * disabled fieldset disables every input, select and button inside, and the
 * CSS stops clicks on painted grids). Unlocked, it adds nothing.
 */
export function LockedGroup({
  fields,
  children,
}: {
  readonly fields: readonly string[];
  readonly children: ReactNode;
}) {
  const { t } = useTranslation('labs');
  const locked = useFieldLocked(...fields);
  if (!locked) return <>{children}</>;
  return (
    <fieldset
      className="lab-locked-group"
      disabled
      title={t('lock.tooltip')}
      data-testid="lab-locked-group"
      data-fields={fields.join(' ')}
    >
      <span className="lab-lock-mark" aria-label={t('lock.tooltip')}>
        🔒
      </span>
      <div className="lab-locked-content">{children}</div>
    </fieldset>
  );
}
