import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';

export type FieldValue = string | string[];

export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'time' | 'number' | 'color' | 'select' | 'checkboxes' | 'radio';
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

interface Props {
  title: string;
  /** Fields may depend on the values so far (e.g. the people of the chosen account). */
  fields: Field[] | ((values: Record<string, FieldValue>) => Field[]);
  initial: Record<string, FieldValue>;
  submitLabel: string;
  /** Throws to keep the dialog open and show the message. */
  onSubmit: (values: Record<string, FieldValue>) => Promise<void>;
  onClose: () => void;
  /** Shown above the fields: what the form will do (e.g. what a next wave carries over). */
  intro?: ReactNode;
}

/** One form dialog for every create/edit: fields described as data, errors shown in place. */
export function FormDialog({ title, fields, initial, submitLabel, onSubmit, onClose, intro }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const visibleFields = typeof fields === 'function' ? fields(values) : fields;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        // Outside the scrolling body, so the submit button stays on screen however long the form.
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" form={formId} className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      {intro}
      <form className="form" id={formId} onSubmit={submit}>
        {visibleFields.map((field, index) => {
          const input = (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name] ?? (field.kind === 'checkboxes' ? [] : '')}
              onChange={(v) => set(field.name, v)}
              autoFocus={index === 0}
            />
          );
          // A group of checkboxes or radio buttons has a legend; a single input is named by its label.
          return field.kind === 'checkboxes' || field.kind === 'radio' ? (
            <fieldset key={field.name} className="field">
              <legend className="field-label">{field.label}</legend>
              {input}
              {field.hint && <span className="field-hint">{field.hint}</span>}
            </fieldset>
          ) : (
            <label key={field.name} htmlFor={`field-${field.name}`} className={`field field-${field.kind}`}>
              <span className="field-label">
                {field.label}
                {field.required && <span aria-hidden="true"> *</span>}
              </span>
              {input}
              {field.hint && <span className="field-hint">{field.hint}</span>}
            </label>
          );
        })}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  autoFocus,
}: {
  field: Field;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  autoFocus: boolean;
}) {
  // Dialog puts the focus here once it is open: React's autoFocus fires while the dialog is still hidden.
  const common = {
    id: `field-${field.name}`,
    name: field.name,
    required: field.required,
    'data-autofocus': autoFocus || undefined,
  };
  switch (field.kind) {
    case 'textarea':
      return (
        <textarea {...common} rows={4} value={value as string} onChange={(e) => onChange(e.target.value)} />
      );
    case 'select':
      return (
        <select {...common} value={value as string} onChange={(e) => onChange(e.target.value)}>
          {!field.required && <option value="">—</option>}
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'radio':
      return (
        <span className="checkboxes">
          {field.options?.map((o) => (
            <label key={o.value} className="check">
              <input
                type="radio"
                name={field.name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              {o.label}
            </label>
          ))}
        </span>
      );
    case 'checkboxes': {
      const selected = value as string[];
      return (
        <span className="checkboxes">
          {field.options?.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
                }
              />
              {o.label}
            </label>
          ))}
        </span>
      );
    }
    default:
      return (
        <input
          {...common}
          type={field.kind}
          value={value as string}
          onChange={(e) => onChange(e.target.value)}
          {...(field.kind === 'number' ? { min: 0, step: 1 } : {})}
        />
      );
  }
}

/** Form strings to service values. */
export const optional = (value: FieldValue | undefined): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;
export const optionalInt = (value: FieldValue | undefined): number | null => {
  const text = optional(value);
  return text === null ? null : Number.parseInt(text, 10);
};
export const str = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : '');
export const list = (value: FieldValue | undefined): string[] => (Array.isArray(value) ? value : []);
