import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeNameKey } from '../../../shared/codes.ts';
import type { CodebookEntry, Language } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { codeSelection } from '../editor/actions.ts';
import { applicableCodes, useCodings } from '../store/codings.ts';
import { useNotes } from '../store/notes.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';

const NEW_CODE_COLORS = ['#cc79a7', '#56b4e9', '#e69f00', '#009e73', '#d55e00', '#0072b2'];

/** Case- and accent-insensitive matching, so "hoitamaton" finds "Hoitamaton" and "ae" is not needed for "ä". */
const fold = (s: string): string => s.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** Codes whose name starts with the query first, then names containing it, then matches on the group. */
export function matchCodes(codebook: CodebookEntry[], query: string): CodebookEntry[] {
  const q = fold(query.trim());
  const groupName = new Map(
    codebook.filter((c) => c.isGroup).map((g) => [g.id, `${g.name.fi} ${g.name.en}`]),
  );
  const rank = (c: CodebookEntry): number => {
    const names = [c.name.fi, c.name.en].map(fold);
    if (names.some((n) => n.startsWith(q))) return 0;
    if (names.some((n) => n.includes(q))) return 1;
    return fold(`${c.key ?? ''} ${groupName.get(c.parentId ?? '') ?? ''}`).includes(q) ? 2 : 3;
  };
  return applicableCodes(codebook)
    .map((code) => ({ code, rank: rank(code) }))
    .filter((m) => m.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.code.sortOrder - b.code.sortOrder)
    .map((m) => m.code);
}

/**
 * Given to use the picker for something other than the editor's selection (coding search hits): the
 * codes offered, the engagement a new code belongs to, and what choosing and closing do.
 */
export interface PickerTarget {
  title: string;
  codebook: CodebookEntry[];
  engagementId: string | null;
  onChoose: (codeId: string, name: { fi: string; en: string }) => void;
  onClose: () => void;
}

/** The keyboard-first code picker: type to filter, arrows to move, Enter to apply (or create). */
export function CodePicker({ target }: { target?: PickerTarget } = {}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const editorCodebook = useCodings((s) => s.codebook);
  const codebook = target?.codebook ?? editorCodebook;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchCodes(codebook, query), [codebook, query]);
  // Not when any code in use already has the name, in either language (a group too).
  const canCreate =
    codeNameKey(query).length > 0 &&
    !codebook.some(
      (c) => !c.retired && [c.name.fi, c.name.en].some((n) => codeNameKey(n) === codeNameKey(query)),
    );
  const options = matches.length + (canCreate ? 1 : 0);
  // The list scrolls, the focus stays in the field: the option the arrows reach must come into view.
  useEffect(() => {
    document.getElementById(`code-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const close = () => {
    if (target) return target.onClose();
    useCodings.setState({ pickerOpen: false });
    useNotes.getState().editor?.commands.focus();
  };
  const apply = (codeId: string, name: { fi: string; en: string }) => {
    if (target) return target.onChoose(codeId, name);
    const editor = useNotes.getState().editor;
    close();
    if (editor) codeSelection(editor, codeId);
  };
  const create = () =>
    attempt(async () => {
      const name = query.trim();
      const engagementId = target ? target.engagementId : useCodings.getState().engagementId;
      const code = await unwrap(
        kuulo.createCode({
          name: { fi: name, en: name },
          engagementId,
          color: NEW_CODE_COLORS[codebook.length % NEW_CODE_COLORS.length]!,
        }),
      );
      if (!target) await useCodings.getState().reloadCodebook();
      apply(code.id, code.name);
    });
  const choose = (index: number) => {
    const code = matches[index];
    if (code) apply(code.id, code.name);
    else if (canCreate) void create();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options ? (i + step + options) % options : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    }
  };
  const groupOf = new Map(codebook.filter((c) => c.isGroup).map((g) => [g.id, g.name[lang]]));

  return (
    <Dialog title={target?.title ?? t('coding.pickerTitle')} onClose={close}>
      <input
        className="picker-input"
        autoFocus
        value={query}
        placeholder={t('coding.pickerHint')}
        aria-label={target?.title ?? t('coding.pickerTitle')}
        role="combobox"
        aria-expanded="true"
        aria-controls="code-options"
        aria-activedescendant={options ? `code-option-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="picker-options" id="code-options" role="listbox">
        {matches.map((code, index) => (
          <div
            key={code.id}
            id={`code-option-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`picker-option${index === active ? ' active' : ''}`}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
            onKeyDown={() => {}}
          >
            <span className="swatch" style={{ background: code.color }} />
            <span className="picker-name">{code.name[lang]}</span>
            <span className="muted small">{groupOf.get(code.parentId ?? '') ?? ''}</span>
            {code.hotkey && <kbd>Ctrl+{code.hotkey}</kbd>}
          </div>
        ))}
        {canCreate && (
          <div
            id={`code-option-${matches.length}`}
            role="option"
            tabIndex={-1}
            aria-selected={active === matches.length}
            className={`picker-option create${active === matches.length ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(matches.length)}
            onKeyDown={() => {}}
          >
            + {t('coding.createCode', { name: query.trim() })}
          </div>
        )}
        {!options && <p className="muted">{t('coding.pickerEmpty')}</p>}
      </div>
      <p className="muted small">{t('coding.pickerHint')}</p>
    </Dialog>
  );
}
