import { type ChartSpec, COVERAGE_DECIMALS, chartNote } from '../../shared/charts.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { ReportSectionId } from '../../shared/report.ts';
import { actionBlocks } from './actionsSection.ts';
import type { ReportContent } from './content.ts';
import { answersBlocks } from './guideWord.ts';
import type { ReportBlock, ReportChart, ReportModel, ReportSection } from './types.ts';
import { wavesBlocks } from './wavesSection.ts';

export interface WordOptions {
  /**
   * Draws the charts (the export passes rasterizeChart); without it they are left unrendered, for
   * when only the text matters (the review). Passed in so that reading a report's text loads no
   * chart library.
   */
  rasterize?: ((spec: ChartSpec) => ReportChart) | undefined;
}

const paragraph = (text: string, emphasis?: 'lead' | 'muted' | 'strong'): ReportBlock =>
  emphasis ? { kind: 'paragraph', text, emphasis } : { kind: 'paragraph', text };

/**
 * Report content → the Word document's layout: sections of headings, paragraphs, tables with their
 * numbers formatted for the language, and charts drawn as pictures. docx.ts turns it into a file.
 */
export function wordLayout(content: ReportContent, options: WordOptions = {}): ReportModel {
  const lang = content.language;
  const t = resources[lang].translation;
  const r = t.report;
  const f = formatter(lang);
  const chart = (spec: ChartSpec): ReportBlock => ({
    kind: 'chart',
    chart: {
      ...(options.rasterize
        ? options.rasterize(spec)
        : { id: spec.id, caption: spec.title, svg: '', png: new Uint8Array(), width: 0, height: 0 }),
      note: chartNote(spec, lang, content.period),
    },
  });
  const sections: ReportSection[] = [];
  const add = (id: ReportSectionId, blocks: ReportBlock[] | null, pageBreakBefore = false) => {
    if (blocks) sections.push({ id, title: r.sections[id], blocks, pageBreakBefore });
  };
  const { summary, method, findings, scores, keyPerson, benchmark, recommendations } = content;

  add(
    'summary',
    summary && [
      paragraph(summary.lead),
      ...(summary.noFindings
        ? [
            paragraph(summary.noFindings.text),
            ...(summary.noFindings.themes.length
              ? [
                  {
                    kind: 'bullets',
                    items: summary.noFindings.themes.map(
                      (p) =>
                        `${p.code}: ${f.fill(r.figure, { pct: f.percent(p.count, p.base), n: p.count, base: p.base })}`,
                    ),
                  } as ReportBlock,
                ]
              : []),
          ]
        : summary.keyFindings.map(
            (k): ReportBlock => ({
              kind: 'keyFinding',
              title: k.title,
              message: k.message,
              figure: k.claim?.sentence ?? null,
            }),
          )),
      {
        kind: 'callout',
        label: summary.headlines.label,
        text: [summary.headlines.nps, summary.headlines.keyPerson].join('\n'),
      },
      summary.recommendations.length
        ? {
            kind: 'table',
            caption: r.summaryRecommendations,
            header: [r.priority, r.recommendation],
            widths: [16, 84],
            rows: summary.recommendations.map((rec) => [t.findings.priorities[rec.priority], rec.text]),
          }
        : paragraph(summary.noRecommendations),
    ],
  );

  add(
    'method',
    method && [
      ...(method.purpose.length
        ? [
            { kind: 'heading', level: 2, text: r.purpose } as ReportBlock,
            ...method.purpose.map((p) => paragraph(p)),
          ]
        : []),
      paragraph(method.text),
      ...(method.languageNote ? [paragraph(method.languageNote)] : []),
      paragraph(method.sample),
      {
        kind: 'table',
        caption: r.sampleTable,
        // The sample (accounts interviewed, interviews) beside the register it was drawn from, so the
        // summary's "4 customer accounts" and this table agree and an unreached account still shows.
        header: [
          r.tier,
          r.accountsInterviewed,
          r.accountsRegister,
          r.interviews,
          method.revenueUnknown ? `${r.revenueShareRegister} *` : r.revenueShareRegister,
        ],
        numeric: [false, true, true, true, true],
        rows: method.coverage.map((c) => [
          t.account.tiers[c.tier],
          f.number(c.accountsInterviewed),
          f.number(c.accounts),
          f.number(c.interviews),
          c.revenueShare === null ? '–' : f.percentValue(c.revenueShare, COVERAGE_DECIMALS),
        ]),
      },
      ...(method.revenueUnknown ? [paragraph(method.revenueUnknown, 'muted')] : []),
      {
        kind: 'table',
        caption: r.roleTable,
        header: [r.roleLevel, r.people],
        numeric: [false, true],
        rows: method.roles.map((role) => [t.person.roleLevels[role.level], String(role.people)]),
      },
      chart(method.coverageChart),
      { kind: 'callout', label: method.privacy.label, text: method.privacy.text },
    ],
  );

  add(
    'findings',
    findings && [
      paragraph(findings.lead),
      ...(findings.prevalenceChart ? [chart(findings.prevalenceChart)] : []),
      ...findings.items.flatMap((item): ReportBlock[] => [
        { kind: 'heading', level: 2, text: `${item.number}. ${item.title}` },
        ...(item.keyMessage ? [paragraph(item.keyMessage, 'lead')] : []),
        // A finding with no codes has nothing measured: no evidence to call out.
        ...(item.claim
          ? [
              {
                kind: 'callout',
                label: r.evidenceLabel,
                text: item.claim.tiers
                  ? `${item.claim.sentence}. ${f.fill(r.evidenceTiers, { tiers: item.claim.tiers })}`
                  : `${item.claim.sentence}.`,
              } as ReportBlock,
            ]
          : []),
        ...item.body.map((p) => paragraph(p)),
        ...(item.chart ? [chart(item.chart)] : []),
        ...item.quotes.map((q): ReportBlock => ({ kind: 'quote', text: q.text, attribution: q.attribution })),
        ...(item.recommendation
          ? [{ kind: 'callout', label: r.recommendationLabel, text: item.recommendation } as ReportBlock]
          : []),
      ]),
    ],
    true,
  );

  add(
    'scores',
    scores &&
      (scores.empty !== null
        ? [paragraph(scores.empty)]
        : [
            paragraph(scores.lead),
            ...(scores.chart ? [chart(scores.chart)] : []),
            {
              kind: 'table',
              caption: r.scoresTable,
              header: [
                r.group,
                'n',
                t.analysis.promoters,
                t.analysis.passives,
                t.analysis.detractors,
                'NPS',
                r.satisfaction,
              ],
              numeric: [false, true, true, true, true, true, true],
              // Room for "NPS" on one line beside the long Finnish headers.
              widths: [22, 6, 15, 13, 14, 8, 22],
              rows: scores.rows.map((s) => [
                `${s.label}${s.smallN ? ' *' : ''}`,
                f.number(s.n),
                f.number(s.promoters),
                f.number(s.passives),
                f.number(s.detractors),
                s.nps === null ? '–' : f.number(s.nps),
                s.satisfactionMean === null
                  ? '–'
                  : `${f.number(s.satisfactionMean, 1)} (n = ${f.number(s.satisfactionN)})`,
              ]),
            },
            ...scores.notes.map((note) => paragraph(note, 'muted')),
          ]),
  );

  add('answers', content.answers && answersBlocks(content.answers, lang));

  add(
    'keyPerson',
    keyPerson &&
      (keyPerson.empty !== null
        ? [paragraph(keyPerson.empty)]
        : [
            paragraph(keyPerson.lead),
            paragraph(keyPerson.summary, 'strong'),
            ...(keyPerson.noContacts ? [paragraph(keyPerson.noContacts, 'muted')] : []),
            {
              kind: 'table',
              caption: r.keyPersonTable,
              header: [r.account, r.tier, r.known, r.strategic, r.operational, r.risk],
              numeric: [false, false, true, true, true, false],
              rows: keyPerson.rows.map((k) => [
                k.account,
                t.account.tiers[k.tier],
                String(k.people),
                String(k.strategic),
                String(k.operational),
                k.risk === 'noContact' ? r.noContact : k.risk === 'singlePerson' ? r.singlePerson : '',
              ]),
            },
          ]),
  );

  add(
    'benchmark',
    benchmark &&
      (benchmark.compared
        ? [
            paragraph(benchmark.said, 'strong'),
            paragraph(benchmark.lead),
            ...(benchmark.chart ? [chart(benchmark.chart)] : []),
            {
              kind: 'table',
              caption: benchmark.caption,
              header: benchmark.header,
              numeric: [false, true, true, true],
              rows: benchmark.rows.map((b) => [
                b.code,
                f.percentValue(b.thisPct),
                b.othersPct === null ? '–' : f.percentValue(b.othersPct),
                b.diff === null ? '–' : f.signed(b.diff),
              ]),
              colors: benchmark.rows.map((b) => [null, null, null, b.colour]),
            },
          ]
        : [paragraph(benchmark.said), ...(benchmark.noCodings ? [paragraph(benchmark.noCodings)] : [])]),
  );

  add('waves', content.waves && wavesBlocks(content.waves, chart));

  add(
    'recommendations',
    recommendations && [
      ...(recommendations.empty !== null
        ? [paragraph(recommendations.empty)]
        : [
            paragraph(recommendations.lead),
            {
              kind: 'table' as const,
              caption: r.recommendationsTable,
              header: [r.priority, r.finding, r.recommendation],
              widths: [15, 30, 55],
              rows: recommendations.rows.map((rec) => [
                t.findings.priorities[rec.priority],
                rec.finding,
                rec.recommendation,
              ]),
            },
          ]),
      ...actionBlocks(content.actions, lang),
    ],
    true,
  );

  add(
    'appendixInterviews',
    content.appendixInterviews && [
      {
        kind: 'table',
        caption: r.interviewsTable,
        header: [r.date, r.account, r.tier, r.interviewee, r.mode, r.minutes],
        numeric: [false, false, false, false, false, true],
        rows: content.appendixInterviews.map((i) => [
          i.date ? f.date(i.date, 'short') : '—',
          i.account,
          t.account.tiers[i.tier],
          i.interviewees,
          t.interview.modes[i.mode],
          i.minutes === null ? '–' : f.number(i.minutes),
        ]),
      },
    ],
    true,
  );

  add(
    'appendixCodebook',
    content.appendixCodebook && [
      paragraph(r.codebookLead),
      ...content.appendixCodebook.flatMap((g): ReportBlock[] => [
        ...(g.name ? [{ kind: 'heading', level: 3, text: g.name } as ReportBlock] : []),
        ...g.codes.flatMap((c): ReportBlock[] => [
          paragraph(c.name, 'strong'),
          paragraph(c.description || '—'),
        ]),
      ]),
    ],
  );

  return {
    language: lang,
    meta: {
      clientName: content.cover.clientName,
      title: content.cover.title,
      subtitle: content.cover.subtitle,
      date: content.cover.date,
      confidential: r.confidential,
      pageLabel: r.page,
      tocTitle: r.toc,
      author: 'Kuulo',
      description: content.cover.subtitle,
      keywords: content.cover.keywords,
    },
    sections,
  };
}
