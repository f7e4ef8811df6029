import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { changeLanguage, systemLanguage } from '../i18n/index.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { useWorkspace } from '../store/workspace.ts';
import { BackupsPanel } from './BackupsPanel.tsx';
import { Dialog } from './Dialog.tsx';

interface Props {
  chosen: Language | null;
  /** Called with the new choice when the language changed. */
  onClose: (chosen?: Language | null) => void;
}

export function SettingsDialog({ onClose, chosen }: Props) {
  const { t } = useTranslation();
  const dbPath = useWorkspace((s) => s.dbPath);
  // Arrow keys move through a radio group and check each radio on the way: choosing only marks the
  // language, Save applies it, so passing over "Suomi" does not switch the whole window.
  const [language, setLanguage] = useState(chosen);
  const save = () =>
    attempt(async () => {
      if (language === chosen) return onClose();
      await unwrap(kuulo.updateSettings({ language }));
      await changeLanguage(language ?? systemLanguage());
      onClose(language);
    });
  return (
    <Dialog
      wide
      title={t('settings.title')}
      onClose={() => onClose()}
      footer={
        <>
          <button type="button" onClick={() => onClose()}>
            {t('app.close')}
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('app.save')}
          </button>
        </>
      }
    >
      <fieldset className="field">
        <legend className="field-label">{t('settings.language')}</legend>
        {(
          [
            [null, t('settings.system')],
            ['fi', 'Suomi'],
            ['en', 'English'],
          ] as const
        ).map(([value, label]) => (
          <label key={label} className="check">
            <input
              type="radio"
              name="language"
              checked={language === value}
              onChange={() => setLanguage(value)}
              // Enter in the group saves, as in a form.
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="field">
        <span className="field-label">{t('settings.workspace')}</span>
        <code className="path">{dbPath}</code>
      </p>
      <BackupsPanel />
    </Dialog>
  );
}
