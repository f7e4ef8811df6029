import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import { unzipText } from '../../electron/report/unzip.ts';
import { guideQuestions } from '../../shared/guide.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * The report's "Answers per question" on a hand-built engagement: two given-consent interviews (NPS 9
 * and 10, key accounts), one with consent pending (NPS 3): NPS 33 on n 3, marked as few; the pending
 * interview's text is counted, never printed; an interviewee's name in an answer is masked.
 */
let ws: TestWorkspace;
let engagementId: string;
beforeAll(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Kuuntelu',
    language: 'en',
  }).id;
  const guide = ws.call('applyGuideTemplate', { engagementId, templateId: 'builtin:en' });
  const first = guideQuestions(guide)[0]!.id;
  const third = guideQuestions(guide)[2]!.id;
  const nps = guideQuestions(guide).find((q) => q.feeds === 'nps')!.id;
  for (const [account, person, consent, value, text] of [
    [
      'Konepaja Oy',
      'Maija Virtanen',
      'given',
      9,
      'Maija Virtanen chose you at a trade fair in Tampere, and the work grew from there.',
    ],
    ['Valimo Oy', 'Pekka Nieminen', 'given', 10, 'Through a colleague who had worked with you before.'],
    ['Kauppa Oy', 'Liisa Korhonen', 'pending', 3, 'PENDING-ANSWER-TEXT from a tender in 2019.'],
  ] as const) {
    const accountId = ws.call('createAccount', { engagementId, name: account, tier: 'key' }).id;
    const personId = ws.call('createInterviewee', {
      accountId,
      name: person,
      roleLevel: 'strategic',
      consent,
    }).id;
    const interviewId = ws.call('createInterview', {
      engagementId,
      accountId,
      intervieweeIds: [personId],
      status: 'done',
    }).id;
    ws.saveNotes({
      interviewId,
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', attrs: { question: first }, content: [{ type: 'text', text }] },
          // Only the interview whose consent is pending answers the third question.
          ...(consent === 'pending'
            ? [
                {
                  type: 'paragraph',
                  attrs: { question: third },
                  content: [{ type: 'text', text: 'PENDING-ONLY' }],
                },
              ]
            : []),
        ],
      },
    });
    ws.call('updateInterview', { id: interviewId, patch: { status: 'done' } });
    ws.call('setAnswer', { interviewId, questionId: nps, value });
  }
});
afterAll(() => ws.close());

const documentText = async (format: 'docx' | 'xlsx', language?: 'fi' | 'en') => {
  const out = join(ws.dir, `report-${format}-${language ?? 'x'}.${format}`);
  await writeReport(
    ws.ctx,
    { engagementId, anonymize: 'people', format, ...(language ? { language } : {}) },
    out,
    () => {},
    'replace',
  );
  const parts = unzipText(readFileSync(out));
  return [...parts.entries()]
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, xml]) => visibleText(xml))
    .join('\n');
};

describe('the report’s answers per question', () => {
  test('Word: the scales with n, NPS and the few-answers mark; open answers anonymised, consent pending never printed', async () => {
    const text = await documentText('docx');
    expect(text).toContain(en.report.sections.answers);
    expect(text).toContain('NPS 33');
    expect(text).toContain('3 *');
    expect(text).toContain('detractors 1 · passives 0 · promoters 2');
    expect(text).toContain('Answered in 3 of 3 interviews.');
    expect(text).toContain('Through a colleague who had worked with you before.');
    // The interviewee's name is their label; a capitalised word nobody reviewed is masked too.
    expect(text).toContain(
      '“[decision-maker, key account] chose you at a trade fair in [person], and the work grew',
    );
    expect(text).not.toContain('Maija Virtanen');
    expect(text).not.toContain('PENDING-ANSWER-TEXT');
    // An open question nobody answered is left out; one answered only where consent is pending says so.
    expect(text).not.toContain('Q2 What has changed in the cooperation over the past year?');
    expect(text).toContain('Q3 Whom do you know at our company');
    expect(text).toContain('Answered in 1 of 3 interviews.');
    expect(text).toContain(en.guide.report.noQuotes);
    expect(text).not.toContain('PENDING-ONLY');
  });

  test('in Finnish when asked, and the workbook has the sheet of answers, anonymised the same way', async () => {
    const fiText = await documentText('docx', 'fi');
    expect(fiText).toContain(fi.report.sections.answers);
    expect(fiText).toContain('Vastattu 3/3 haastattelussa.');
    const sheet = await documentText('xlsx');
    expect(sheet).toContain(en.guide.report.sheet);
    expect(sheet).toContain('Through a colleague who had worked with you before.');
    expect(sheet).not.toContain('Maija Virtanen');
    expect(sheet).not.toContain('PENDING-ANSWER-TEXT');
  });

  test('an engagement without a guide has no such section', async () => {
    const other = ws.call('createEngagement', {
      clientName: 'Toinen Oy',
      title: 'Ilman runkoa',
      language: 'en',
    }).id;
    const out = join(ws.dir, 'no-guide.docx');
    await writeReport(ws.ctx, { engagementId: other, anonymize: 'people' }, out);
    const text = [...unzipText(readFileSync(out)).values()].map(visibleText).join('\n');
    expect(text).not.toContain(en.report.sections.answers);
  });
});
