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
    </Dialog>
  );
}
