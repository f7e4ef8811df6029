import type { ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A row's action button ("Edit", "Delete"…) whose accessible name also says which item it acts on:
 * a list of twenty "Edit" buttons is no help to a screen reader. The visible text stays short and the
 * name starts with it, so a voice user can still say what they see.
 */
export function ItemButton({
  label,
  item,
  ...rest
}: { label: string; item: string } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'aria-label' | 'type' | 'children'
>) {
  const { t } = useTranslation();
  return (
    <button type="button" {...rest} aria-label={t('a11y.actOn', { action: label, name: item })}>
      {label}
    </button>
  );
}
