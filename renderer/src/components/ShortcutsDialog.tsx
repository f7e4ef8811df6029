import { useTranslation } from 'react-i18next';
import { SHORTCUT_LIST } from '../store/shortcuts.ts';
import { Dialog } from './Dialog.tsx';

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
          {SHORTCUT_LIST.map(([keys, label]) => (
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
