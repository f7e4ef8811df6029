import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import { ROLE_LEVELS, type RoleLevel, TIERS, type Tier } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import {
  type Guide,
  type GuideCoverage,
  guideQuestions,
  type QuestionAnswers,
} from '../../../shared/guide.ts';
import { scaleChart, scaleValueLabel } from '../../../shared/guideCharts.ts';
import { isSmallN, SMALL_NPS_N } from '../../../shared/sample.ts';
import { kuulo } from '../bridge.ts';
import { Chart } from '../components/Chart.tsx';
import { attempt, unwrap } from '../store/notify.ts';

/**
 * Answers per question: every interview's answer to one question side by side, filtered by tier and
 * role level, with the scale summed up over the filtered sample.
 */
export function AnswersView({ engagementId }: { engagementId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const f = formatter(lang);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [coverage, setCoverage] = useState<GuideCoverage | null>(null);
  const [questionId, setQuestionId] = useState('');
  const [tier, setTier] = useState<Tier | ''>('');
  const [roleLevel, setRoleLevel] = useState<RoleLevel | ''>('');
  const [answers, setAnswers] = useState<QuestionAnswers | null>(null);

  useEffect(() => {
    void attempt(async () => {
      const loaded = await unwrap(kuulo.getGuide({ engagementId }));
      setGuide(loaded);
      setCoverage(await unwrap(kuulo.guideCoverage({ engagementId })));
      setQuestionId((id) => id || (guideQuestions(loaded)[0]?.id ?? ''));
    });
  }, [engagementId]);

  useEffect(() => {
    if (!questionId) return;
    void attempt(async () =>
      setAnswers(
        await unwrap(kuulo.questionAnswers({ questionId, tier: tier || null, roleLevel: roleLevel || null })),
      ),
    );
  }, [questionId, tier, roleLevel]);

  const question = answers?.question;
  const chart = useMemo(
    () =>
      answers?.summary && question
        ? scaleChart(
            `answers-${question.number}`,
            `${t('guide.questionShort')}${question.number}`,
            answers.summary,
            lang,
          )
        : null,
    [answers, question, lang, t],
  );
  if (!guide || !coverage) return <p className="loading">{t('app.loading')}</p>;
  const questions = guideQuestions(guide);
  if (!questions.length)
    return (
      <p className="empty">
        {t('guide.noGuide')} <a href={`#/engagement/${engagementId}/guide`}>{t('guide.editGuide')}</a>
      </p>
    );
  const answeredOf = (id: string) => coverage.questions.find((q) => q.questionId === id)?.answered ?? 0;
  const summary = answers?.summary;

  return (
    <section className="answers-view">
      <div className="section-actions answers-filters">
        <label className="field inline answers-question">
          <span className="field-label">{t('guide.question')}</span>
          <select value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {t('guide.questionShort')}
                {q.number} {q.text.length > 90 ? `${q.text.slice(0, 88)}…` : q.text} (
                {t('guide.answeredOf', { answered: answeredOf(q.id), count: coverage.sampleSize })})
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">{t('guide.tier')}</span>
          <select value={tier} onChange={(e) => setTier(e.target.value as Tier | '')}>
            <option value="">{t('guide.all')}</option>
            {TIERS.map((x) => (
              <option key={x} value={x}>
                {t(`account.tiers.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">{t('guide.roleLevel')}</span>
          <select value={roleLevel} onChange={(e) => setRoleLevel(e.target.value as RoleLevel | '')}>
            <option value="">{t('guide.all')}</option>
            {ROLE_LEVELS.map((x) => (
              <option key={x} value={x}>
                {t(`person.roleLevels.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {answers && question && (
        <>
          <div className="panel answers-head">
            <h2>
              {t('guide.questionShort')}
              {question.number} {question.text}
            </h2>
            <p data-answers-summary="">
              {t('guide.answeredOf', { answered: answers.answered, count: answers.sampleSize })}
              {summary && summary.n > 0 && summary.nps !== null && (
                <>
                  {' · '}
                  {t('guide.npsSummary', {
                    nps: f.number(summary.nps),
                    promoters: summary.promoters,
                    passives: summary.passives,
                    detractors: summary.detractors,
                  })}
                  {summary.n < SMALL_NPS_N && ` · ${t('guide.smallN')}`}
                </>
              )}
              {summary && summary.n > 0 && summary.nps === null && summary.mean !== null && (
                <>
                  {' · '}
                  {summary.scale === 'yesno'
                    ? t('guide.yesShare', { share: f.number(Math.round(summary.mean * 100)) })
                    : t('guide.meanSummary', { mean: f.number(summary.mean, 1) })}
                  {isSmallN(summary.n) && ` · ${t('guide.smallN')}`}
                </>
              )}
            </p>
            {chart && summary && summary.n > 0 && <Chart spec={chart} />}
          </div>
          {answers.rows.length === 0 ? (
            <p className="empty">{t('guide.noAnswers')}</p>
          ) : (
            <table className="table answers-table">
              <thead>
                <tr>
                  <th scope="col">{t('interviews.account')}</th>
                  <th scope="col">{t('guide.tier')}</th>
                  <th scope="col">{t('guide.roleLevel')}</th>
                  {question.scale !== 'open' && <th scope="col">{t('guide.answer')}</th>}
                  <th scope="col">{t('guide.inNotes')}</th>
                </tr>
              </thead>
              <tbody>
                {answers.rows.map((row) => (
                  <tr key={row.interviewId}>
                    <td>
                      <a href={`#/interview/${row.interviewId}`}>{row.accountName}</a>
                      {row.date && <div className="muted small">{f.date(row.date)}</div>}
                      {!row.inSample && <div className="badge">{t('guide.notInSample')}</div>}
                      {row.inSample && !row.quotable && (
                        <div className="badge">{t('guide.consentPending')}</div>
                      )}
                    </td>
                    <td>{t(`account.tiers.${row.tier}`)}</td>
                    <td>{row.roleLevels.map((r) => t(`person.roleLevels.${r}`)).join(', ')}</td>
                    {question.scale !== 'open' && (
                      <td className="num">
                        {row.value === null ? '–' : scaleValueLabel(question.scale, row.value, lang)}
                      </td>
                    )}
                    <td>
                      {row.paragraphs.map((p, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in document order, never reordered
                        <p key={i} className="answer-text">
                          {p}
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
