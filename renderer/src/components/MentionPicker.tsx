import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityKind } from '../../../shared/identity/types.ts';
import { mentionOptions, pickerOptions, useIdentities } from '../store/identities.ts';
import { Dialog } from './Dialog.tsx';

/**
 * Whom the marked words refer to: a keyboard-first list of the engagement's people and organisations
 * grouped by role, plus "new person" and "new organisation". Opened over a selection (Ctrl+Shift+M,
 * the toolbar) it is a dialog with its own filter field; while typing "@name" it is a list beside the
 * cursor that follows the typing, and the editor passes it ↑↓, Enter and Esc.
 */
export function MentionPicker() {
  const mode = useIdentities((s) => s.picker?.mode);
  if (mode === 'selection') return <MentionDialog />;
  if (mode === 'typing') return <MentionPopup />;
  return null;
}

function MentionDialog() {
  const { t } = useTranslation();
  const query = useIdentities((s) => s.picker?.query ?? '');
  const active = useIdentities((s) => s.active);
  const count = useIdentities((s) => pickerOptions(s).length);
  const { setQuery, move, choose, close } = useIdentities.getState();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose();
    }
  };
  return (
    <Dialog title={t('identity.pickerTitle')} onClose={close}>
      <input
        className="picker-input"
        autoFocus
        value={query}
        placeholder={t('identity.pickerPlaceholder')}
        aria-label={t('identity.pickerTitle')}
        role="combobox"
        aria-expanded="true"
        aria-controls="mention-options"
        aria-activedescendant={count ? `mention-option-${active}` : undefined}
        // The selected words are only a start: typing replaces them (e.g. the base form of "Tapsalle").
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <OptionList idPrefix="mention" />
      <p className="muted small">{t('identity.pickerHint')}</p>
    </Dialog>
  );
}

function MentionPopup() {
  const { t } = useTranslation();
  const at = useIdentities((s) => s.picker?.at ?? null);
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState<number | null>(null);
  const count = useIdentities((s) => pickerOptions(s).length);
  // Below the "@" if it fits, else above it, so the list never covers the line being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: count changes the list's height, to measure again
  useLayoutEffect(() => {
    const height = ref.current?.offsetHeight ?? 0;
    if (!at) return;
    const below = at.bottom + 4;
    setTop(below + height > window.innerHeight - 8 && at.top - height - 4 > 8 ? at.top - height - 4 : below);
  }, [at, count]);
  if (!at) return null;
  return (
    <div
      ref={ref}
      className="mention-popup"
      role="dialog"
      aria-label={t('identity.pickerTitle')}
      style={{
        left: Math.max(8, Math.min(at.left - 8, window.innerWidth - 328)),
        top: top ?? at.bottom + 4,
        visibility: top === null ? 'hidden' : 'visible',
      }}
    >
      <OptionList idPrefix="mention-typing" />
      <p className="mention-popup-hint">{t('identity.typingHint')}</p>
    </div>
  );
}

function Glyph({ kind }: { kind: IdentityKind }) {
  return <span className={`mention-glyph mention-glyph-${kind}`} aria-hidden="true" />;
}

function OptionList({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const register = useIdentities((s) => s.register);
  const identities = useIdentities((s) => s.identities);
  const query = useIdentities((s) => s.picker?.query ?? '');
  const active = useIdentities((s) => s.active);
  const groups = useMemo(() => mentionOptions(register, identities, query), [register, identities, query]);
  const { choose, highlight } = useIdentities.getState();
  const matched = groups.some((g) => g.role);

  useEffect(() => {
    document.getElementById(`${idPrefix}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [idPrefix, active]);

  let index = 0;
  const option = (key: string, kind: IdentityKind, label: string, create: boolean) => {
    const i = index++;
    return (
      <div
        key={key}
        id={`${idPrefix}-option-${i}`}
        role="option"
        tabIndex={-1}
        aria-selected={i === active}
        className={`picker-option${create ? ' create' : ''}${i === active ? ' active' : ''}`}
        onMouseEnter={() => highlight(i)}
        // Keeps the focus where it is: in the filter field, or in the notes while typing "@name".
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void choose(i)}
        onKeyDown={() => {}}
      >
        <Glyph kind={kind} />
        <span className="picker-name">{label}</span>
      </div>
    );
  };

  return (
    <div
      className="picker-options mention-options"
      id={`${idPrefix}-options`}
      role="listbox"
      aria-label={t('identity.pickerTitle')}
    >
      {!matched && <p className="muted mention-none">{t('identity.noMatches')}</p>}
      {groups.map((group) =>
        group.role ? (
          // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group", not a fieldset
          <div key={group.role} role="group" aria-labelledby={`${idPrefix}-group-${group.role}`}>
            <div className="mention-group" id={`${idPrefix}-group-${group.role}`}>
              {t(`identity.roles.${group.role}`)}
            </div>
            {group.options.map((o) =>
              o.type === 'entry'
                ? option(`${o.entry.role}:${o.entry.id}`, o.entry.kind, o.entry.name, false)
                : null,
            )}
          </div>
        ) : (
          <div key="new" className="mention-new">
            {group.options.map((o) =>
              o.type === 'new'
                ? option(
                    `new:${o.kind}`,
                    o.kind,
                    t(o.kind === 'person' ? 'identity.newPerson' : 'identity.newOrg', { name: o.name }),
                    true,
                  )
                : null,
            )}
          </div>
        ),
      )}
    </div>
  );
}
