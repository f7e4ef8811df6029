import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GuideQuestion, guideQuestions } from '../../../shared/guide.ts';
import { scaleValues } from '../../../shared/scales.ts';
import { answeredInNotes, goToQuestion, goToQuestionId, scaleKey, toggleLive } from '../editor/guide.ts';
import { scaleValue, useGuide } from '../store/guide.ts';
import { useInterview } from '../store/interview.ts';
import { useNotes } from '../store/notes.ts';

/** The questions the open notes answer, kept up to date as the consultant types. */
function useAnsweredInNotes(): Set<string> {
  const editor = useNotes((s) => s.editor);
  const [answered, setAnswered] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (!editor.isDestroyed) setAnswered(answeredInNotes(editor.state.doc));
      }, 250);
    };
    setAnswered(answeredInNotes(editor.state.doc));
    editor.on('update', update);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off('update', update);
    };
  }, [editor]);
  return answered;
}

/** The interview guide beside the notes: progress, the questions, the current one with its help and scale. */
export function GuidePanel({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const { guide, live, currentId, values } = useGuide();
  const detail = useInterview((s) => s.detail);
  const inNotes = useAnsweredInNotes();
  const questions = useMemo(() => (guide ? guideQuestions(guide) : []), [guide]);
  if (!guide) return <p className="loading">{t('app.loading')}</p>;
  if (!questions.length)
    return (
      <section className="panel guide-panel">
        <h2>{t('guide.title')}</h2>
        <p className="muted">{t('guide.noGuide')}</p>
        <a href={`#/engagement/${engagementId}/guide`}>{t('guide.editGuide')}</a>
      </section>
    );
  // Read so that a change of the interview's NPS or satisfaction redraws the answers.
  void detail;
  const answered = questions.filter((q) => inNotes.has(q.id) || scaleValue(q, values) !== null);
  const current = questions.find((q) => q.id === currentId) ?? null;
  return (
    <section className={`panel guide-panel${live ? ' live' : ''}`} aria-labelledby="guide-panel-title">
      <div className="guide-panel-head">
        <h2 id="guide-panel-title">{t('guide.title')}</h2>
        <button
          type="button"
          aria-pressed={live}
          aria-keyshortcuts="Control+Alt+G"
          title={`${t('guide.live')} (Ctrl+Alt+G)`}
          onClick={() => toggleLive()}
        >
          {t('guide.live')}
        </button>
      </div>
      <p className="guide-progress" data-guide-progress="">
        {t('guide.progress', { answered: answered.length, total: questions.length })}
      </p>
      <progress
        className="guide-progress-bar"
        value={answered.length}
        max={questions.length}
        aria-hidden="true"
      />
      {current ? (
        <CurrentQuestion question={current} total={questions.length} />
      ) : (
        <p className="muted small">{t('guide.startHint')}</p>
      )}
      <ol className="guide-questions">
        {guide.sections.map((section) => (
          <li key={section.id} className="guide-section">
            <h3>{section.title}</h3>
            <ol>
              {section.questions.map((q) => {
                const done = inNotes.has(q.id) || scaleValue(q, values) !== null;
                return (
                  <li key={q.id} className={q.id === currentId ? 'current' : undefined}>
                    <button
                      type="button"
                      className="guide-question"
                      aria-current={q.id === currentId ? 'step' : undefined}
                      onClick={() => goToQuestionId(q.id)}
                    >
                      <span className="guide-number">
                        {t('guide.questionShort')}
                        {q.number}
                      </span>
                      <span className="guide-text">{q.text}</span>
                      <span className={`guide-done${done ? ' yes' : ''}`}>
                        {done ? `✓ ${t('guide.answered')}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CurrentQuestion({ question, total }: { question: GuideQuestion; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="guide-current" aria-live="polite">
      <p className="guide-current-kicker">
        {t('guide.questionOf', { number: question.number, total })} · {t(`guide.scales.${question.scale}`)}
      </p>
      <p className="guide-current-text">{question.text}</p>
      {question.help && <p className="muted small">{question.help}</p>}
      {question.scale !== 'open' && <ScaleField question={question} scale={question.scale} />}
      <div className="guide-nav">
        <button type="button" aria-keyshortcuts="Control+Alt+ArrowUp" onClick={() => goToQuestion(-1)}>
          ↑ {t('guide.previous')}
        </button>
        <button type="button" aria-keyshortcuts="Control+Alt+ArrowDown" onClick={() => goToQuestion(1)}>
          ↓ {t('guide.next')}
        </button>
      </div>
    </div>
  );
}

/**
 * A scale answer by click or by keys: digits (1 then 0 for ten), y/k and n/e for yes and no, Delete
 * clears, Esc goes back to the notes, Ctrl/⌘+Alt+↓/↑ to the next or previous question.
 */
function ScaleField({ question, scale }: { question: GuideQuestion; scale: 'nps' | 'five' | 'yesno' }) {
  const { t } = useTranslation();
  const { values, setValue, focusScale } = useGuide();
  useInterview((s) => s.detail);
  const value = scaleValue(question, values);
  const group = useRef<HTMLFieldSetElement>(null);
  const lastDigit = useRef<{ digit: string; at: number } | null>(null);
  useEffect(() => {
    if (!focusScale) return;
    const pressed = group.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]');
    (pressed ?? group.current?.querySelector<HTMLButtonElement>('button'))?.focus();
  }, [focusScale]);

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      goToQuestion(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      useNotes.getState().editor?.view.focus();
      return;
    }
    if (mod || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void setValue(question, null);
      return;
    }
    const now = Date.now();
    const next = scaleKey(scale, e.key, lastDigit.current, now);
    lastDigit.current = /^\d$/.test(e.key) ? { digit: e.key, at: now } : null;
    if (next === undefined) return;
    e.preventDefault();
    void setValue(question, next).then(() => {
      // Only while the focus is still here: Esc may have taken it back to the notes meanwhile, and
      // what is typed there must not land on a button.
      if (!group.current?.contains(document.activeElement)) return;
      group.current.querySelector<HTMLButtonElement>(`[data-value="${next}"]`)?.focus();
    });
  };

  const label = (v: number) => (scale === 'yesno' ? t(v === 1 ? 'guide.yes' : 'guide.no') : String(v));
  const options = scale === 'yesno' ? [1, 0] : scaleValues(scale);
  return (
    <fieldset
      ref={group}
      className="scale guide-scale"
      aria-describedby="guide-scale-hint"
      onKeyDown={onKeyDown}
    >
      <legend className="visually-hidden">{`${t('guide.answer')}: ${question.text}`}</legend>
      {options.map((n) => (
        <button
          key={n}
          type="button"
          data-value={n}
          aria-pressed={value === n}
          className={`scale-step${value === n ? ' active' : ''}${scale === 'nps' ? ` nps-${n <= 6 ? 'detractor' : n <= 8 ? 'passive' : 'promoter'}` : ''}`}
          onClick={() => void setValue(question, value === n ? null : n)}
        >
          {label(n)}
        </button>
      ))}
      <p id="guide-scale-hint" className="muted small guide-scale-hint">
        {t(scale === 'yesno' ? 'guide.yesNoHint' : 'guide.digitsHint')}
      </p>
    </fieldset>
  );
}
