import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { AnswersContent } from './guideSection.ts';
import type { ReportBlock } from './types.ts';

/** "Answers per question" laid out for Word: the scales in one table, then each open question's answers. */
export function answersBlocks(answers: AnswersContent, lang: Language): ReportBlock[] {
  const g = resources[lang].translation.guide.report;
  return [
    { kind: 'paragraph', text: answers.lead },
    ...(answers.scales.length
      ? [
          {
            kind: 'table',
            caption: g.scalesTable,
            header: [resources[lang].translation.guide.question, 'n', g.result, g.distribution],
            numeric: [false, true, false, false],
            widths: [46, 6, 16, 32],
            rows: answers.scales.map((s) => [
              s.question,
              `${s.n}${s.smallN && s.n > 0 ? ' *' : ''}`,
              s.result,
              s.distribution,
            ]),
          } as ReportBlock,
        ]
      : []),
    ...(answers.smallNote
      ? [{ kind: 'paragraph', text: answers.smallNote, emphasis: 'muted' } as ReportBlock]
      : []),
    ...answers.open.flatMap((q): ReportBlock[] => [
      // Level 3: a question each would crowd the table of contents.
      { kind: 'heading', level: 3, text: q.question },
      { kind: 'paragraph', text: q.answered, emphasis: 'muted' },
      ...q.quotes.map(
        (quote): ReportBlock => ({ kind: 'quote', text: quote.text, attribution: quote.attribution }),
      ),
      ...(q.noQuotes ? [{ kind: 'paragraph', text: q.noQuotes, emphasis: 'muted' } as ReportBlock] : []),
    ]),
  ];
}
