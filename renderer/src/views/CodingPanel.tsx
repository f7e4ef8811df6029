import type { Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CodebookEntry, type Language, SENTIMENTS } from '../../../shared/domain.ts';
import { uncode } from '../editor/actions.ts';
import { codingRanges, type Range } from '../editor/coding.ts';
import { applicableCodes, type CodingMeta, useCodings } from '../store/codings.ts';
import { useNotes } from '../store/notes.ts';

interface Placed {
  id: string;
  range: Range;
  quote: string;
}

/** The same placement as before: setting it again would re-render the whole list for nothing. */
const samePlacement = (
  a: { placed: Placed[]; followUps: number[] },
  b: { placed: Placed[]; followUps: number[] },
): boolean =>
  a.placed.length === b.placed.length &&
  a.followUps.length === b.followUps.length &&
  a.followUps.every((pos, i) => pos === b.followUps[i]) &&
  a.placed.every((p, i) => {
    const q = b.placed[i]!;
    return p.id === q.id && p.range.from === q.range.from && p.range.to === q.range.to && p.quote === q.quote;
  });

/**
 * Codings in document order with their current words; recomputed after saves and on scroll, never per
 * keystroke. A save re-renders the panel only when a coding moved or its words changed (typing after
 * the last coding changes none).
 */
function usePlacedCodings(
  editor: Editor | null,
  onlyVisible: boolean,
): { placed: Placed[]; followUps: number[] } {
  const codings = useCodings((s) => s.codings);
  const [scrollTick, setScrollTick] = useState(0);
  const [result, setResult] = useState<{ placed: Placed[]; followUps: number[] }>({
    placed: [],
    followUps: [],
  });

  useEffect(() => {
    const scroller = editor?.view.dom.parentElement;
    if (!scroller || !onlyVisible) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollTick((n) => n + 1));
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [editor, onlyVisible]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrollTick is a trigger (a scroll); place reads codings and onlyVisible
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let handle = 0;
    // Off the typing path: wait until the browser is idle (or half a second at most).
    const schedule = () => {
      cancelIdleCallback(handle);
      handle = requestIdleCallback(() => place(editor), { timeout: 500 });
    };
    schedule();
    // A save (a new revision) may have moved codings: placed again, without a render of its own.
    const unsubscribe = useNotes.subscribe((state, previous) => {
      if (state.revision !== previous.revision) schedule();
    });
    return () => {
      unsubscribe();
      cancelIdleCallback(handle);
    };
  }, [editor, codings, onlyVisible, scrollTick]);

  function place(editor: Editor): void {
    if (editor.isDestroyed) return;
    const started = performance.now();
    const { doc } = editor.state;
    const followUps: number[] = [];
    doc.descendants((node, pos) => {
      if (node.attrs.followUp) followUps.push(pos);
      return !node.isTextblock;
    });
    let placed = [...codingRanges(doc)]
      .filter(([id]) => codings[id])
      .map(([id, range]) => ({ id, range, quote: doc.textBetween(range.from, range.to, ' ') }))
      .sort((a, b) => a.range.from - b.range.from || a.range.to - b.range.to);
    if (onlyVisible) {
      const box = editor.view.dom.parentElement?.getBoundingClientRect();
      if (box) {
        placed = placed.filter(({ range }) => {
          const top = editor.view.coordsAtPos(range.from).top;
          const bottom = editor.view.coordsAtPos(range.to).bottom;
          return bottom >= box.top && top <= box.bottom;
        });
      }
    }
    const next = { placed, followUps };
    setResult((previous) => (samePlacement(previous, next) ? previous : next));
    performance.measure('kuulo:place-codings', { start: started });
  }
  return result;
}

/** The last request to focus the details that was carried out: a panel opened later must not take it again. */
let focusedDetails = 0;

export function CodingPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const editor = useNotes((s) => s.editor);
  const { codings, codebook, selected } = useCodings();
  const [onlyVisible, setOnlyVisible] = useState(false);
  const { placed, followUps } = usePlacedCodings(editor, onlyVisible);
  const panel = useRef<HTMLElement>(null);
  const focusDetails = useCodings((s) => s.focusDetails);
  useEffect(() => {
    if (focusDetails <= focusedDetails) return;
    focusedDetails = focusDetails;
    panel.current?.querySelector<HTMLElement>('.coding-details')?.focus();
  }, [focusDetails]);
  const codeOf = new Map(codebook.map((c) => [c.id, c]));
  // Once per render, not once per coding: a long interview lists hundreds.
  const starLabel = t('coding.star');
  const sentimentLabel = Object.fromEntries(SENTIMENTS.map((s) => [s, t(`coding.sentiments.${s}`)]));

  const jump = useCallback(
    (id: string, range: Range) => {
      useCodings.setState({ selected: [id] });
      editor?.chain().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  return (
    <section className="panel coding-panel" ref={panel}>
      {selected.map((id) =>
        codings[id] ? <CodingDetails key={id} coding={codings[id]} editor={editor} lang={lang} /> : null,
      )}
      <div className="panel-head">
        <h2>{t('coding.codings')}</h2>
        <label className="check small">
          <input type="checkbox" checked={onlyVisible} onChange={(e) => setOnlyVisible(e.target.checked)} />
          {t('coding.onlyVisible')}
        </label>
      </div>
      {followUps.length > 0 && (
        <button
          type="button"
          className="link follow-ups"
          onClick={() =>
            editor
              ?.chain()
              .setTextSelection(followUps[0]! + 1)
              .scrollIntoView()
              .run()
          }
        >
          ⚑ {t('coding.followUps', { count: followUps.length })}
        </button>
      )}
      {placed.length === 0 && !onlyVisible && <p className="muted small">{t('coding.none')}</p>}
      <ul className="coding-list">
        {placed.map(({ id, range, quote }) => {
          const meta = codings[id];
          // Placed before the codings changed (an undo elsewhere took this one back): gone until placed anew.
          if (!meta) return null;
          return (
            <CodingItem
              key={id}
              id={id}
              from={range.from}
              to={range.to}
              quote={quote}
              meta={meta}
              code={codeOf.get(meta.codeId)}
              lang={lang}
              selected={selected.includes(id)}
              starLabel={starLabel}
              sentimentLabel={meta.sentiment ? sentimentLabel[meta.sentiment] : undefined}
              onJump={jump}
            />
          );
        })}
      </ul>
    </section>
  );
}

interface CodingItemProps {
  id: string;
  from: number;
  to: number;
  quote: string;
  meta: CodingMeta;
  code: CodebookEntry | undefined;
  lang: Language;
  selected: boolean;
  starLabel: string;
  sentimentLabel: string | undefined;
  onJump: (id: string, range: Range) => void;
}

/** One coding in the list; drawn again only when its own props change, not when another coding is added. */
const CodingItem = memo(function CodingItem({
  id,
  from,
  to,
  quote,
  meta,
  code,
  lang,
  selected,
  starLabel,
  sentimentLabel,
  onJump,
}: CodingItemProps) {
  return (
    <li className={selected ? 'selected' : ''}>
      <button type="button" className="coding-item" onClick={() => onJump(id, { from, to })}>
        <span className="code-chip" style={{ borderColor: code?.color }}>
          {code?.name[lang] ?? '?'}
        </span>
        {meta.star && <span title={starLabel}>★</span>}
        {meta.sentiment && <span className={`sentiment ${meta.sentiment}`}>{sentimentLabel}</span>}
        <span className="coding-quote">{quote.length > 160 ? `${quote.slice(0, 160)}…` : quote}</span>
      </button>
    </li>
  );
});

function CodingDetails({
  coding,
  editor,
  lang,
}: {
  coding: CodingMeta;
  editor: Editor | null;
  lang: Language;
}) {
  const { t } = useTranslation();
  const { codebook, update } = useCodings();
  const [memo, setMemo] = useState(coding.memo);
  useEffect(() => setMemo(coding.memo), [coding.memo]);
  // A memo is stored shortly after typing stops, not only on leaving the field: closing the window
  // or moving on with the keyboard must not lose it.
  useEffect(() => {
    if (memo === coding.memo) return;
    const timer = setTimeout(() => void update(coding.id, { memo }), 600);
    return () => clearTimeout(timer);
  }, [memo, coding.memo, coding.id, update]);
  const code = codebook.find((c) => c.id === coding.codeId);
  return (
    <section
      className="coding-details"
      aria-label={t('coding.details')}
      // Reached from the notes by Mod+Shift+K; Escape goes back to the same place in the text.
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !editor) return;
        e.stopPropagation();
        editor.commands.focus();
      }}
    >
      <div className="panel-head">
        <span className="code-chip" style={{ borderColor: code?.color }}>
          {code?.name[lang]}
        </span>
        <button
          type="button"
          className={`star${coding.star ? ' on' : ''}`}
          aria-pressed={coding.star}
          title={t('coding.starHint')}
          onClick={() => update(coding.id, { star: !coding.star })}
        >
          {coding.star ? '★' : '☆'} {t('coding.star')}
        </button>
      </div>
      <label className="field">
        <span className="field-label">{t('coding.code')}</span>
        <select value={coding.codeId} onChange={(e) => update(coding.id, { codeId: e.target.value })}>
          {applicableCodes(codebook)
            .concat(code?.retired ? [code] : [])
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[lang]}
              </option>
            ))}
        </select>
      </label>
      <fieldset className="field segmented">
        <legend className="field-label">{t('coding.sentiment')}</legend>
        {SENTIMENTS.map((s) => (
          <button
            key={s}
            type="button"
            className={`seg ${s}${coding.sentiment === s ? ' active' : ''}`}
            aria-pressed={coding.sentiment === s}
            onClick={() => update(coding.id, { sentiment: coding.sentiment === s ? null : s })}
          >
            {t(`coding.sentiments.${s}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="field segmented">
        <legend className="field-label">{t('coding.severity')}</legend>
        {([1, 2, 3] as const).map((n) => (
          <button
            key={n}
            type="button"
            className={`seg${coding.severity === n ? ' active' : ''}`}
            aria-pressed={coding.severity === n}
            onClick={() => update(coding.id, { severity: coding.severity === n ? null : n })}
          >
            {n} · {t(`coding.severities.${n}`)}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">{t('coding.memo')}</span>
        <textarea
          rows={3}
          value={memo}
          onChange={(e) => setMemo(e.target.value)}
          onBlur={() => memo !== coding.memo && update(coding.id, { memo })}
        />
      </label>
      <button
        type="button"
        className="danger-quiet"
        onClick={() => {
          if (!editor) return;
          const at = codingRanges(editor.state.doc).get(coding.id);
          uncode(editor, coding.id);
          // The details and this button go with the coding: the caret goes back to where the passage was.
          editor.commands.focus(at?.from ?? null);
        }}
      >
        {t('coding.remove')}
      </button>
    </section>
  );
}
