import { useTranslation } from 'react-i18next';
import { ANONYMIZATION_LEVELS, type AnonymizationLevel } from '../../../shared/report.ts';

/** How anonymous an export is: the same three levels, worded the same, in every export dialog. */
export function AnonymityChoice({
  name,
  value,
  onChange,
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  value: AnonymizationLevel;
  onChange: (level: AnonymizationLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend className="field-label">{t('export.anonymize')}</legend>
      {ANONYMIZATION_LEVELS.map((level) => (
        <label key={level} className="check">
          <input type="radio" name={name} checked={value === level} onChange={() => onChange(level)} />
          {t(`export.levels.${level}`)}
        </label>
      ))}
    </fieldset>
  );
}
