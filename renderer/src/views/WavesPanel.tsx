import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Polarity } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { changeMeaning } from '../../../shared/polarity.ts';
import { waveChart } from '../../../shared/waveChart.ts';
import type { ChangeMark, WaveComparison, WaveFigures } from '../../../shared/waves.ts';
import { markText, scoreText, shareText, wavePeriod } from '../../../shared/waveText.ts';
import { Chart } from '../components/Chart.tsx';
import { ChoiceChips } from '../components/ChoiceChips.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { attempt, useNotify } from '../store/notify.ts';
import { useRouter } from '../store/router.ts';
import { useWaves } from '../store/waves.ts';
import { useWorkspace } from '../store/workspace.ts';

type Scope = 'panel' | 'all';

/**
 * The Waves tab of an engagement: the chain of waves it belongs to, starting the next one, choosing
 * the one it follows, and the comparison with that one — the same accounts first when enough were
 * interviewed in both waves, then all; changes marked only as shared/waves.ts allows.
 */
export function WavesPanel({ engagementId }: { engagementId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { comparison, carryOver, candidates } = useWaves();
  const navigate = useRouter((s) => s.navigate);
  const [dialog, setDialog] = useState<'start' | 'link' | null>(null);
  const [scope, setScope] = useState<Scope | null>(null);
  const engagement = useWorkspace((s) => s.current?.engagement);

  useEffect(() => {
    void attempt(() => useWaves.getState().load(engagementId));
  }, [engagementId]);

  if (!comparison || comparison.current.id !== engagementId || !carryOver)
    return <p className="loading">{t('app.loading')}</p>;
  const shownScope: Scope = scope ?? (comparison.panelFirst ? 'panel' : 'all');
  const figures = shownScope === 'panel' ? comparison.panel : comparison.all;
  const previous = comparison.previous;

  return (
    <div className="waves">
      <section className="waves-chain" aria-labelledby="waves-chain-heading">
        <h2 id="waves-chain-heading">{t('waves.chain')}</h2>
        <ol className="waves-list">
          {comparison.chain.map((wave, i) => (
            <li key={wave.id} aria-current={wave.id === engagementId ? 'step' : undefined}>
              <span className="badge">{t('waves.waveN', { n: i + 1 })}</span>{' '}
              {wave.id === engagementId ? (
                <strong>{wave.title}</strong>
              ) : (
                <a href={`#/engagement/${wave.id}/waves`}>{wave.title}</a>
              )}{' '}
              <span className="muted">{wavePeriod(wave, lang)}</span>
            </li>
          ))}
        </ol>
        <div className="section-actions">
          {carryOver.followedBy ? (
            <p className="muted">
              {t('waves.followedBy', { title: carryOver.followedBy.title })}{' '}
              <a href={`#/engagement/${carryOver.followedBy.id}/waves`}>{t('waves.openNext')}</a>
            </p>
          ) : (
            <button type="button" className="primary" onClick={() => setDialog('start')}>
              {t('waves.startNext')}
            </button>
          )}
          <button type="button" onClick={() => setDialog('link')}>
            {t('waves.changeLink')}
          </button>
        </div>
      </section>

      {!previous || !figures || !comparison.panel ? (
        <section className="waves-empty">
          <p className="empty">{t('waves.noPrevious')}</p>
          <p className="muted">{t('waves.noPreviousHint')}</p>
        </section>
      ) : (
        <section className="waves-comparison" aria-labelledby="waves-compared-heading">
          <h2 id="waves-compared-heading">{t('waves.compared', { title: previous.title })}</h2>
          <p className="muted">
            {t('waves.bases', {
              beforeInterviews: figures.base.before.interviews,
              afterInterviews: figures.base.after.interviews,
              beforeAccounts: figures.base.before.accounts,
              afterAccounts: figures.base.after.accounts,
            })}
          </p>
          <div className="panel-head">
            <span className="field-label" id="waves-scope-label">
              {t('waves.scopeLabel')}
            </span>
            {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
            <div role="group" aria-labelledby="waves-scope-label">
              <ChoiceChips
                values={comparison.panelFirst ? (['panel', 'all'] as const) : (['all', 'panel'] as const)}
                chosen={shownScope}
                label={(value) =>
                  value === 'panel'
                    ? t('waves.scopePanel', { count: comparison.panelAccounts })
                    : t('waves.scopeAll')
                }
                onChoose={setScope}
              />
            </div>
          </div>
          {shownScope === 'panel' && !comparison.panelFirst && (
            <p className="interim-mark">{t('waves.panelSmall')}</p>
          )}
          <p className="muted small" data-testid="wave-rule">
            {t('waves.rule')}
          </p>
          <Figures
            figures={figures}
            comparison={comparison}
            currentTitle={engagement?.title ?? comparison.current.title}
          />
          <AccountsTable comparison={comparison} />
        </section>
      )}

      {dialog === 'start' && engagement && (
        <FormDialog
          title={t('waves.startTitle', { title: engagement.title })}
          intro={
            <div className="waves-carry">
              <h3>{t('waves.carriedHeading')}</h3>
              <ul>
                {/* What there is none of is not listed: "0 questions" would read as a loss. */}
                {(
                  [
                    ['carriedAccounts', carryOver.accounts],
                    ['carriedPeople', carryOver.interviewees],
                    ['carriedGuide', carryOver.guideQuestions],
                    ['carriedCodes', carryOver.codes],
                    ['carriedActions', carryOver.actions],
                  ] as const
                )
                  .filter(([, count]) => count > 0)
                  .map(([key, count]) => (
                    <li key={key}>{t(`waves.${key}`, { count })}</li>
                  ))}
              </ul>
              <h3>{t('waves.notCarriedHeading')}</h3>
              <p>
                {t('waves.notCarried', { interviews: carryOver.interviews, findings: carryOver.findings })}
              </p>
            </div>
          }
          fields={[
            { name: 'title', label: t('engagement.title'), kind: 'text', required: true },
            { name: 'periodStart', label: t('engagement.periodStart'), kind: 'date' },
            { name: 'periodEnd', label: t('engagement.periodEnd'), kind: 'date' },
            {
              name: 'language',
              label: t('engagement.language'),
              kind: 'select',
              required: true,
              options: [
                { value: 'fi', label: 'Suomi' },
                { value: 'en', label: 'English' },
              ],
            },
          ]}
          initial={{ title: '', periodStart: '', periodEnd: '', language: engagement.language }}
          submitLabel={t('waves.startNext')}
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
            const id = await useWaves.getState().startNext({
              title: text('title'),
              periodStart: text('periodStart') || null,
              periodEnd: text('periodEnd') || null,
              language: text('language') === 'en' ? 'en' : 'fi',
            });
            await useWorkspace.getState().loadEngagements();
            navigate({ name: 'engagement', id, tab: 'waves' });
          }}
        />
      )}
      {dialog === 'link' && (
        <FormDialog
          title={t('waves.linkTitle')}
          fields={[
            {
              name: 'previous',
              label: t('waves.link'),
              kind: 'select',
              required: true,
              hint: t('waves.linkHint'),
              options: [
                { value: '', label: t('waves.linkNone') },
                ...candidates.map((c) => ({
                  value: c.id,
                  label: [c.title, wavePeriod(c, lang)].filter(Boolean).join(' · '),
                })),
              ],
            },
          ]}
          initial={{ previous: previous?.id ?? '' }}
          submitLabel={t('waves.linkSave')}
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            const chosen = typeof values.previous === 'string' && values.previous ? values.previous : null;
            const result = await useWaves.getState().link(chosen);
            await useWorkspace.getState().loadEngagement(engagementId);
            useNotify.getState().push(
              'info',
              chosen
                ? t('waves.linked', {
                    accounts: result.accounts.matched,
                    accountsOf: result.accounts.of,
                    people: result.people.matched,
                    peopleOf: result.people.of,
                    codes: result.codes.matched,
                    codesOf: result.codes.of,
                    questions: result.questions.matched,
                    questionsOf: result.questions.of,
                  })
                : t('waves.unlinked'),
            );
          }}
        />
      )}
    </div>
  );
}

/** A change in words; a marked one in the colour of what it means (more of a problem is bad news). */
function Mark({ mark, polarity = 'strength' }: { mark: ChangeMark; polarity?: Polarity }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Language;
  const meaning = mark === 'up' || mark === 'down' ? changeMeaning(polarity, mark === 'up' ? 1 : -1) : 'none';
  // An arrow only with a marked change; the words say it too, for a screen reader and in print.
  const arrow = mark === 'up' ? '▲ ' : mark === 'down' ? '▼ ' : '';
  return (
    <span className={`wave-mark wave-mark-${meaning}`}>
      {arrow && <span aria-hidden="true">{arrow}</span>}
      {markText(mark, lang)}
    </span>
  );
}

function Figures({
  figures,
  comparison,
  currentTitle,
}: {
  figures: WaveFigures;
  comparison: WaveComparison;
  currentTitle: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const spec = useMemo(
    () =>
      waveChart(figures, lang, {
        before: comparison.previous?.title ?? '',
        after: currentTitle,
      }),
    [figures, lang, comparison.previous, currentTitle],
  );
  const { before, after } = figures.base;
  return (
    <>
      <h3>{t('waves.scoresHeading')}</h3>
      <table className="table compact waves-table">
        <thead>
          <tr>
            <th scope="col">{t('waves.score')}</th>
            <th scope="col">{t('waves.before')}</th>
            <th scope="col">{t('waves.after')}</th>
            <th scope="col">{t('waves.change')}</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['nps', figures.nps],
              ['satisfaction', figures.satisfaction],
            ] as const
          ).map(([key, score]) => (
            <tr key={key}>
              <th scope="row" className="row-head">
                {t(`waves.${key}`)}
              </th>
              <td>{scoreText(score.before, lang)}</td>
              <td>{scoreText(score.after, lang)}</td>
              <td>
                <Mark mark={score.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('waves.codesHeading')}</h3>
      {figures.codes.length === 0 ? (
        <p className="empty">{t('waves.noCodes')}</p>
      ) : (
        <>
          <Chart spec={spec} />
          <table className="table compact waves-table">
            <thead>
              <tr>
                <th scope="col">{t('waves.theme')}</th>
                <th scope="col" className="num">
                  {t('waves.before')}
                </th>
                <th scope="col" className="num">
                  {t('waves.after')}
                </th>
                <th scope="col">{t('waves.change')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.codes.map((row) => (
                <tr key={row.codeId}>
                  <th scope="row" className="row-head">
                    <span className="swatch" style={{ background: row.color }} /> {row.code[lang]}
                  </th>
                  <td className="num">{shareText(row.before, before.interviews, lang)}</td>
                  <td className="num">{shareText(row.after, after.interviews, lang)}</td>
                  <td>
                    <Mark mark={row.change} polarity={row.polarity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {figures.questions.length > 0 && (
        <>
          <h3>{t('waves.questionsHeading')}</h3>
          <table className="table compact waves-table">
            <thead>
              <tr>
                <th scope="col">{t('waves.question')}</th>
                <th scope="col">{t('waves.before')}</th>
                <th scope="col">{t('waves.after')}</th>
                <th scope="col">{t('waves.change')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.questions.map((q) => (
                <tr key={q.questionId}>
                  <th scope="row" className="row-head">
                    {q.text}
                  </th>
                  <td>{scoreText(q.before, lang)}</td>
                  <td>{scoreText(q.after, lang)}</td>
                  <td>
                    <Mark mark={q.change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function AccountsTable({ comparison }: { comparison: WaveComparison }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  if (!comparison.accounts.length) return null;
  const score = (mean: number | null, n: number) =>
    mean === null ? t('app.none') : t('waves.accountScore', { mean: formatter(lang).number(mean, 1), n });
  return (
    <>
      <h3>{t('waves.accountsHeading')}</h3>
      <table className="table compact waves-table">
        <thead>
          <tr>
            <th scope="col">{t('waves.account')}</th>
            <th scope="col">{t('waves.interviewed')}</th>
            <th scope="col">{t('waves.npsThen')}</th>
            <th scope="col">{t('waves.npsNow')}</th>
            <th scope="col">{t('waves.appeared')}</th>
            <th scope="col">{t('waves.disappeared')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.accounts.map((a) => (
            <tr key={a.accountId}>
              <th scope="row" className="row-head">
                {a.name}
              </th>
              <td>
                {t(a.panel ? 'waves.inBoth' : a.before.interviews ? 'waves.onlyThen' : 'waves.onlyNow')}
              </td>
              <td>{score(a.before.npsMean, a.before.npsN)}</td>
              <td>{score(a.after.npsMean, a.after.npsN)}</td>
              <td>{a.appeared.map((c) => c.code[lang]).join(', ') || t('app.none')}</td>
              <td>{a.disappeared.map((c) => c.code[lang]).join(', ') || t('app.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
