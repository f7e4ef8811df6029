import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenchmarkChoice } from '../../../shared/analysis.ts';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { attempt, unwrap } from '../store/notify.ts';

/**
 * Which studies the benchmark compares with: every other engagement with its period and n, the ones
 * compared with ticked. Ticking stores a pick; "use the default" goes back to the studies that ended
 * before this one began. `onChange` lets the analysis reload its figures.
 */
export function BenchmarkPicker({ engagementId, onChange }: { engagementId: string; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const f = formatter(i18n.language as Language);
  const [choice, setChoice] = useState<BenchmarkChoice | null>(null);

  useEffect(() => {
    void attempt(async () => setChoice(await unwrap(kuulo.benchmarkChoice({ engagementId }))));
  }, [engagementId]);

  const store = (comparatorIds: string[] | null) =>
    attempt(async () => {
      // The box follows the click at once; the stored choice replaces it when it comes back.
      if (comparatorIds) setChoice((c) => c && { ...c, selected: comparatorIds, picked: true });
      setChoice(await unwrap(kuulo.setBenchmarkComparators({ engagementId, comparatorIds })));
      onChange();
    });

  if (!choice) return null;
  const period = (start: string | null, end: string | null) =>
    start || end
      ? `${start ? f.date(start, 'short') : '…'}–${end ? f.date(end, 'short') : '…'}`
      : t('benchmark.noDates');
  return (
    <details
      className="benchmark-picker"
      data-testid="benchmark-picker"
      // Escape folds it away, as it closes a dialog, and leaves the focus on its summary.
      onKeyDown={(e) => {
        const details = e.currentTarget;
        if (e.key !== 'Escape' || !details.open) return;
        e.stopPropagation();
        details.open = false;
        details.querySelector('summary')?.focus();
      }}
    >
      <summary>
        {t('benchmark.pick')}{' '}
        <span className="muted">({choice.picked ? t('benchmark.picked') : t('benchmark.byTime')})</span>
      </summary>
      <fieldset>
        <legend>{t('benchmark.pickTitle')}</legend>
        <p className="muted small">{t('benchmark.pickLead')}</p>
        {choice.candidates.length === 0 && <p className="muted">{t('benchmark.noCandidates')}</p>}
        <ul>
          {choice.candidates.map((c) => {
            const on = choice.selected.includes(c.engagementId);
            return (
              <li key={c.engagementId} data-engagement={c.engagementId}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() =>
                      void store(
                        on
                          ? choice.selected.filter((id) => id !== c.engagementId)
                          : [...choice.selected, c.engagementId],
                      )
                    }
                  />
                  <span>
                    <strong>{c.clientName}</strong> · {c.title}
                    <br />
                    <span className="muted small">
                      {period(c.start, c.end)} · {t('benchmark.n', { n: f.number(c.interviews) })}
                      {' · '}
                      {c.earlier ? t('benchmark.earlier') : t('benchmark.notEarlier')}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {choice.picked && (
          <button type="button" className="quiet" onClick={() => void store(null)}>
            {t('benchmark.pickDefault')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
