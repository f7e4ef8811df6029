import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { useNotes } from '../store/notes.ts';

/**
 * Asks which version to keep when the notes were saved elsewhere since they were opened. It cannot be
 * dismissed: until the consultant chooses, nothing is saved over the other version.
 */
export function ConflictDialog({ onChoose }: { onChoose: (choice: 'mine' | 'stored') => void }) {
  const { t } = useTranslation();
  const conflict = useNotes((s) => s.conflict);
  if (!conflict) return null;
  return (
    <Dialog
      title={t('editor.conflictTitle')}
      onClose={() => {}}
      footer={
        <>
          <button type="button" onClick={() => onChoose('stored')}>
            {t('editor.conflictTakeStored')}
          </button>
          <button type="button" className="primary" autoFocus onClick={() => onChoose('mine')}>
            {t('editor.conflictKeepMine')}
          </button>
        </>
      }
    >
      <p>{t('editor.conflictBody')}</p>
    </Dialog>
  );
}
