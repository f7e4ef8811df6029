import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { followWorkspaceDamage, useWorkspaceDamage } from '../store/workspaceDamage.ts';
import './workspaceDamaged.css';

/** A banner under the top bar once the core has stopped saving to a damaged file; it cannot be dismissed. */
export function WorkspaceDamaged() {
  const { t } = useTranslation();
  const damaged = useWorkspaceDamage((s) => s.damaged);
  // Events that came before this subscribed are held for it (shared/events.ts), so none is missed.
  useEffect(() => followWorkspaceDamage(), []);
  if (!damaged) return null;
  return (
    <div className="workspace-damaged" role="alert">
      <strong>{t('workspaceDamage.title')}</strong>
      <p>{t('workspaceDamage.body')}</p>
    </div>
  );
}
