import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReportModel } from '../../electron/report/model.ts';
import type { ReportBlock, ReportModel } from '../../electron/report/types.ts';
import type { Consent, InterviewStatus, Tier } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { sampleOf } from '../../shared/sample.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * One sample definition, on a workspace built by hand; every expected figure was worked out on paper.
 *
 *   account  tier       revenue     people (consent)
 *   KA       key        1,000,000   a1 given, a2 given
 *   KB       key        —           b1 pending
 *   NA       named        500,000   c1 given, d1 declined
 *   UA       unmanaged  —           e1 given
 *
 *   interview account people  status       nps  coded KPR   relationship map
 *   S1        KA      a1      coded          9   yes         Jari S
 *   S2        KA      a2      done          10   yes         Jari S, Sanna O
 *   S3        KB      b1      done           3   yes         —   (consent pending: counted, not quoted)
 *   S4        NA      c1 d1   coded          0   yes         Olli S (declined: in no figure, no quote)
 *   S5        NA      c1      in_progress   10   yes         —   (not yet held)
 *   S6        UA      e1      planned        —   no          —
 *
 * Held: S1 S2 S3 (3 of the 5 nobody declined); KPR 3 of 3; accounts KA KB; known revenue 1,000,000,
 * KB's unknown. NPS: promoters 2 (9, 10), detractors 1 (3), n 3 → (2 − 1) / 3 = 33.
 * Key-person: KB knows nobody recorded (no contacts, not one person), KA knows Jari and Sanna.
 * Coverage revenue: key 1,000,000 (1 unknown), named 500,000, unmanaged — (1 unknown): of the known
 * 1,500,000, 66.7 / 33.3 / 0.
 */

let ws: TestWorkspace;
const ids = new Map<string, string>();
let engagementId: string;
let kpr: string;

function account(name: string, tier: Tier, revenue: number | null, people: [string, Consent][]): void {
  const accountId = ws.call('createAccount', { engagementId, name, tier, revenue }).id;
  ids.set(name, accountId);
  for (const [person, consent] of people)
    ids.set(
      person,
      ws.call('createInterviewee', { accountId, name: person, roleLevel: 'operational', consent }).id,
    );
}

function interview(
  name: string,
  accountName: string,
  people: string[],
  status: InterviewStatus,
  nps: number | null,
  coded: boolean,
  knows: [string, 'strategic' | 'operational'][] = [],
): void {
  const id = ws.call('createInterview', {
    engagementId,
    accountId: ids.get(accountName)!,
    intervieweeIds: people.map((p) => ids.get(p)!),
    status,
    nps,
  }).id;
  ids.set(name, id);
  for (const [clientPerson, level] of knows)
    ws.call('addRelationship', { interviewId: id, intervieweeId: ids.get(people[0]!)!, clientPerson, level });
  if (!coded) return;
  const codingId = crypto.randomUUID();
  ids.set(`${name}:coding`, codingId);
  ws.saveNotes({
    interviewId: id,
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: `Only one contact at ${name}`,
              marks: [{ type: CODING_MARK, attrs: { id: codingId } }],
            },
          ],
        },
      ],
    },
    codings: [{ id: codingId, codeId: kpr, sentiment: 'negative' }],
  });
  // Typing notes starts a planned interview; keep the status the fixture says.
  ws.call('updateInterview', { id, patch: { status } });
}

const stats = () => ws.call('engagementStats', { engagementId });
const report = (): ReportModel => buildReportModel(ws.ctx, engagementId, { anonymize: 'none' });
const textOf = (blocks: ReportBlock[]): string =>
  blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
        case 'quote':
          return b.text;
        case 'callout':
          return `${b.label}: ${b.text}`;
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
const section = (model: ReportModel, id: string) => textOf(model.sections.find((s) => s.id === id)!.blocks);
const stats_cli = () =>
  spawnSync(
    process.execPath,
    ['electron/cli/index.ts', 'stats', '--engagement', engagementId, '--db', ws.path],
    {
      encoding: 'utf8',
    },
  );

beforeAll(() => {
  ws = openTestWorkspace();
  kpr = ws.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!.id;
  engagementId = ws.call('createEngagement', {
    clientName: 'Sample Oy',
    title: 'Listening',
    language: 'en',
  }).id;
  account('KA', 'key', 1_000_000, [
    ['a1', 'given'],
    ['a2', 'given'],
  ]);
  account('KB', 'key', null, [['b1', 'pending']]);
  account('NA', 'named', 500_000, [
    ['c1', 'given'],
    ['d1', 'declined'],
  ]);
  account('UA', 'unmanaged', null, [['e1', 'given']]);
  interview('S1', 'KA', ['a1'], 'coded', 9, true, [['Jari', 'strategic']]);
  interview('S2', 'KA', ['a2'], 'done', 10, true, [
    ['Jari', 'strategic'],
    ['Sanna', 'operational'],
  ]);
  interview('S3', 'KB', ['b1'], 'done', 3, true);
  interview('S4', 'NA', ['c1', 'd1'], 'coded', 0, true, [['Olli', 'strategic']]);
  interview('S5', 'NA', ['c1'], 'in_progress', 10, true);
  interview('S6', 'UA', ['e1'], 'planned', null, false);
  ws.call('createFinding', {
    engagementId,
    title: 'Relationships rest on few people',
    codeIds: [kpr],
    quoteIds: [ids.get('S1:coding')!, ids.get('S3:coding')!, ids.get('S4:coding')!],
    claim: { codeIds: [kpr], sentiment: 'any', segment: null, unit: 'interviews' },
  });
});
afterAll(() => ws.close());

describe('one sample while interviews remain to be held', () => {
  test('the sample: in-progress and planned not held, declined left out, pending counted', () => {
    const sample = { total: 5, held: 3, notYetHeld: 2, declined: 1, consentPending: 1 };
    expect(stats().sample).toEqual(sample);
    // The pure definition agrees with the SQL one on the same interviews.
    expect(sampleOf(ws.call('listInterviews', { engagementId }))).toEqual(sample);
  });

  test('figures count S1 S2 S3 only: not the in-progress S5, not the declined S4', () => {
    const { base, prevalence, scores, crosstabs } = stats();
    expect(base).toEqual({ interviews: 3, accounts: 2, revenue: 1_000_000, revenueUnknown: 1 });
    expect(prevalence.find((r) => r.codeId === kpr)).toMatchObject({
      interviews: 3,
      accounts: 2,
      revenuePct: 100,
    });
    expect(scores[0]).toMatchObject({
      group: 'all',
      n: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      nps: 33,
    });
    // Only the key column has held interviews (NA's are declined or in progress); n = 3 < 5 is marked.
    expect(crosstabs.tier.columns).toEqual([{ value: 'key', n: 3, smallN: true }]);
    expect(crosstabs.tier.rows.find((r) => r.codeId === kpr)!.cells).toEqual([
      { interviews: 3, pct: 100, n: 3, smallN: true },
    ]);
    const [finding] = ws.call('listFindings', { engagementId });
    expect(finding!.claim).toMatchObject({ interviews: 3, baseInterviews: 3, accounts: 2, baseAccounts: 2 });
  });

  test('an account with no contacts recorded is not "one person"; unknown revenue is not 0', () => {
    const { keyPersonRisk, coverage } = stats();
    expect(keyPersonRisk.map((k) => [k.account, k.people, k.singlePerson, k.noContacts])).toEqual([
      ['KB', 0, false, true],
      ['KA', 2, false, false],
    ]);
    expect(
      coverage.map((c) => [c.tier, c.interviews, c.accounts, c.revenue, c.revenueUnknown, c.revenuePct]),
    ).toEqual([
      ['key', 3, 2, 1_000_000, 1, 66.7],
      ['named', 0, 1, 500_000, 0, 33.3],
      ['unmanaged', 0, 1, 0, 1, 0],
    ]);
  });

  test('quotes: the declined and the in-progress interview give none; pending ones are marked', () => {
    const quotes = ws.call('findQuotes', { codeIds: [kpr], engagementId, limit: 100 });
    expect(quotes.map((q) => [q.interviewId, q.quotable]).sort()).toEqual(
      [
        [ids.get('S1'), true],
        [ids.get('S2'), true],
        [ids.get('S3'), false],
      ].sort(),
    );
  });

  test('the report: interim on the cover and in the method, the definition in words, only consented quotes', () => {
    const model = report();
    expect(model.meta.subtitle).toBe(
      'Findings from 3 customer interviews · Interim report: 3 of 5 interviews held',
    );
    const method = section(model, 'method');
    expect(method).toContain('An interview counts in the figures once it has been held and none');
    expect(method).toContain('These are interim figures: 3 of 5 interviews have been held so far');
    expect(method).toContain('1 interview was left out because an interviewee declined consent.');
    expect(method).toContain('In 1 interview the interviewee’s consent is still pending');
    // Key: 1,000,000 of 1,500,000 known; unmanaged has no known revenue: no share rather than 0 %.
    // The sample beside the register: accounts interviewed, accounts in the register, interviews, share.
    expect(method).toContain(
      'Tier | Accounts interviewed | Accounts in the register | Interviews | Share of the register’s revenue *',
    );
    expect(method).toContain('Key account | 2 | 2 | 3 | 66.7%');
    expect(method).toContain('Named account | 0 | 1 | 0 | 33.3%');
    expect(method).toMatch(/Unmanaged account \| 0 \| 1 \| 0 \| –$/m);
    // The table's interviewed accounts are the summary's accounts; the chart says which is which.
    expect(section(model, 'summary')).toContain('in 2 customer accounts of Sample Oy');
    const coverageNote = model.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'chart' && b.chart.id === 'coverage');
    expect(coverageNote?.kind === 'chart' && coverageNote.chart.note).toContain(
      '4 accounts in the register (2 interviewed)',
    );
    expect(method).toContain('* Revenue is not known for 2 accounts');
    // The finding links quotes of S1 (given), S3 (pending) and S4 (declined): only S1's is printed.
    const findings = model.sections.find((s) => s.id === 'findings')!.blocks;
    expect(findings.filter((b) => b.kind === 'quote').map((b) => (b.kind === 'quote' ? b.text : ''))).toEqual(
      ['Only one contact at S1'],
    );
    const keyPerson = section(model, 'keyPerson');
    expect(keyPerson).toContain('0 of 1 accounts know only one person at Sample Oy.');
    expect(keyPerson).toContain('1 account has no contacts recorded');
    expect(keyPerson).toMatch(/KB \| Key account \| 0 \| 0 \| 0 \| No contacts recorded/);
    expect(keyPerson).not.toMatch(/KB[^\n]*Rests on one person/);
    expect(section(model, 'scores')).toContain('With fewer than 10 answers');
  });

  test('the Finnish report says the same', () => {
    const model = buildReportModel(ws.ctx, engagementId, { anonymize: 'none', language: 'fi' });
    expect(model.meta.subtitle).toBe(
      'Löydökset 3 asiakashaastattelusta · Väliraportti: 3/5 haastattelusta tehty',
    );
    const method = section(model, 'method');
    expect(method).toContain('Haastattelu lasketaan lukuihin, kun se on tehty eikä kukaan');
    expect(method).toContain('Luvut ovat välituloksia: 5 haastattelusta on toistaiseksi tehty 3');
    expect(method).toContain('1 haastattelun suostumus on vielä kysymättä');
  });

  test('the engagement list and `kuulo engagements` count the same sample: 3 of the 5 nobody declined', () => {
    // Not 4 of 6: the declined S4 is coded, but it is in no figure, so it is in no count either.
    const listed = ws.call('listEngagements', {}).find((e) => e.id === engagementId)!;
    expect([listed.interviewsDone, listed.interviewCount]).toEqual([
      stats().sample.held,
      stats().sample.total,
    ]);
    expect([listed.interviewsDone, listed.interviewCount]).toEqual([3, 5]);
    const run = spawnSync(process.execPath, ['electron/cli/index.ts', 'engagements', '--db', ws.path], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${engagementId}\\s.*\\s3/5\\s*$`, 'm'));
  });

  test('kuulo stats prints the interim mark and what is left out', () => {
    const run = stats_cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Interim figures: 3 of 5 interviews held so far.');
    expect(run.stdout).toContain('1 interview is left out: an interviewee declined consent.');
    expect(run.stdout).toMatch(/\? KB/);
  });
});

describe('the same sample once every interview is held', () => {
  beforeAll(() => {
    ws.call('updateInterview', { id: ids.get('S5')!, patch: { status: 'done' } });
    ws.call('updateInterview', { id: ids.get('S6')!, patch: { status: 'done' } });
    // Two more key interviews: the key column reaches n = 5 and is no longer marked.
    interview('S7', 'KA', ['a1'], 'done', null, false);
    interview('S8', 'KA', ['a2'], 'done', null, false);
  });

  test('no interim mark anywhere; the declined interview stays out', () => {
    // S1 S2 S3 S5 S6 S7 S8 held; S4 still declined.
    expect(stats().sample).toEqual({ total: 7, held: 7, notYetHeld: 0, declined: 1, consentPending: 1 });
    const model = report();
    expect(model.meta.subtitle).toBe('Findings from 7 customer interviews');
    expect(section(model, 'method')).not.toContain('interim');
    expect(stats_cli().stdout).not.toContain('Interim');
    const listed = ws.call('listEngagements', {}).find((e) => e.id === engagementId)!;
    expect([listed.interviewsDone, listed.interviewCount]).toEqual([7, 7]);
  });

  test('a column with 5 interviews is no longer small', () => {
    const { crosstabs } = stats();
    // key: S1 S2 S3 S7 S8 = 5; named: S5 = 1; unmanaged: S6 = 1.
    expect(crosstabs.tier.columns).toEqual([
      { value: 'key', n: 5, smallN: false },
      { value: 'named', n: 1, smallN: true },
      { value: 'unmanaged', n: 1, smallN: true },
    ]);
  });
});
