import { useTranslation } from 'react-i18next';
import { SHORTCUT_LIST } from '../store/shortcuts.ts';
import { Dialog } from './Dialog.tsx';

/** Listed after the coding keys: marking who is named is the same kind of act. */
const ROWS = SHORTCUT_LIST.flatMap((row): (readonly [string, string])[] =>
  row[1] === 'shortcuts.followUp' ? [row, ['Ctrl/⌘ + Shift + M', 'identity.shortcut']] : [row],
);

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('app.shortcuts')}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      }
    >
      {/* The list outgrows a low window and scrolls: a Tab stop lets the keyboard scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="shortcuts-list" aria-label={t('app.shortcuts')} tabIndex={0}>
        <table className="shortcuts">
          <tbody>
            {ROWS.map(([keys, label]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Dialog>
  );
}
