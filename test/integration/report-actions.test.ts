import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import type { Language } from '../../shared/domain.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { Xlsx } from '../helpers/xlsx.ts';
import { unzipText } from '../helpers/zip.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

/** Two waves of one client; the later one has actions naming an interviewee in Finnish case forms. */
function waves(language: Language) {
  const make = (title: string) => {
    const engagement = ws.call('createEngagement', { clientName: 'Huolto Oy', title, language });
    const account = ws.call('createAccount', {
      engagementId: engagement.id,
      name: 'Satamarakenne Oy',
      tier: 'key',
    });
    const person = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Pirjo Mäkelä',
      roleLevel: 'strategic',
      consent: 'given',
    });
    ws.call('createInterview', {
      engagementId: engagement.id,
      accountId: account.id,
      intervieweeIds: [person.id],
      status: 'done',
      mode: 'onsite',
      date: '2025-03-04',
      nps: 8,
    });
    return { engagement, account };
  };
  const earlier = make('Kuuntelu 2024');
  const later = make('Kuuntelu 2025');
  const finding = ws.call('createFinding', {
    engagementId: later.engagement.id,
    title: 'Huoltoikkunat venyvät',
    priority: 'high',
    recommendation: 'Sopikaa huoltoikkunat kvartaaleittain.',
  });
  ws.call('actionFromRecommendation', { findingId: finding.id });
  const [fromRecommendation] = ws.call('actionRegister', { engagementId: later.engagement.id }).actions;
  ws.call('updateAction', {
    id: fromRecommendation!.id,
    patch: {
      owner: 'Pirjo Mäkelä',
      dueDate: '2026-03-31',
      status: 'in_progress',
      detail: 'Pirjon tiimi vastaa.',
    },
  });
  ws.call('createAction', {
    engagementId: later.engagement.id,
    title: 'Soitetaan Pirjolle hinnoista',
    owner: 'myyntijohtaja',
    accountId: later.account.id,
  });
  const old = ws.call('createAction', {
    engagementId: earlier.engagement.id,
    title: 'Nimetään yhteyshenkilö',
    owner: 'palvelujohtaja',
    status: 'open',
  });
  const copy = crypto.randomUUID();
  ws.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, title, owner, status, carried_from_id, sort_order, created_at, updated_at)
       VALUES (?, ?, 'recommendation', ?, ?, 'open', ?, 9, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    )
    .run(copy, later.engagement.id, old.title, old.owner, old.id);
  ws.call('reviewAction', { id: copy, status: 'done', note: 'Pirjo Mäkelä nimettiin keväällä.' });
  // Carried over and not reviewed yet: the report still lists it, as to review.
  const pending = ws.call('createAction', {
    engagementId: earlier.engagement.id,
    title: 'Kartoitetaan pienasiakkaat',
    owner: 'asiakkuuspäällikkö',
    status: 'in_progress',
  });
  ws.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, title, owner, status, carried_from_id, sort_order, created_at, updated_at)
       VALUES (?, ?, 'manual', ?, ?, 'in_progress', ?, 10, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    )
    .run(crypto.randomUUID(), later.engagement.id, pending.title, pending.owner, pending.id);
  return later.engagement.id;
}

async function exported(engagementId: string, format: 'docx' | 'xlsx', name: string) {
  const { path } = await writeReport(
    ws.ctx,
    { engagementId, format, anonymize: 'people' },
    join(ws.dir, name),
  );
  return path;
}

describe('the action register in the report', () => {
  test('Word: actions per recommendation and the previous wave reviewed, names masked, in Finnish', async () => {
    const id = waves('fi');
    const { readFileSync } = await import('node:fs');
    const parts = unzipText(readFileSync(await exported(id, 'docx', 'r.docx')));
    const text = visibleText(parts.get('word/document.xml')!);
    expect(text).toContain('Toimenpiteet suosituksittain');
    expect(text).toMatch(
      /Huoltoikkunat venyvät\s*Sopikaa huoltoikkunat kvartaaleittain\.\s*\[päättäjä, avainasiakas\]\s*31\.3\.2026\s*Käynnissä/,
    );
    expect(text).toMatch(
      /Muut toimenpiteet\s*Soitetaan \[päättäjä, avainasiakas\] hinnoista\s*myyntijohtaja\s*–\s*Avoin/,
    );
    expect(text).toContain('Edellisen kierroksen toimenpiteet');
    expect(text).toMatch(
      /Nimetään yhteyshenkilö\s*palvelujohtaja\s*Avoin\s*Tehty\s*\[päättäjä, avainasiakas\] nimettiin keväällä\./,
    );
    expect(text).toMatch(/Kartoitetaan pienasiakkaat\s*asiakkuuspäällikkö\s*Käynnissä\s*Arvioitava/);
    // The leak check passed (the export was written), and no form of the name is in the text.
    expect(text).not.toMatch(/Pirj|Mäkel/);
  });

  test('Word in English: the same tables with English words', async () => {
    const id = waves('en');
    const { readFileSync } = await import('node:fs');
    const text = visibleText(
      unzipText(readFileSync(await exported(id, 'docx', 'r.docx'))).get('word/document.xml')!,
    );
    expect(text).toContain('Actions per recommendation');
    expect(text).toMatch(/Actions from the previous wave/);
    expect(text).toMatch(/Nimetään yhteyshenkilö\s*palvelujohtaja\s*Open\s*Done/);
    expect(text).toMatch(/Kartoitetaan pienasiakkaat\s*asiakkuuspäällikkö\s*In progress\s*To review/);
    expect(text).not.toMatch(/Pirj|Mäkel/);
  });

  test('Excel: an Actions sheet with every action, names masked', async () => {
    const id = waves('fi');
    const { readFileSync } = await import('node:fs');
    const xlsx = new Xlsx(readFileSync(await exported(id, 'xlsx', 'r.xlsx')));
    expect(xlsx.sheets.map((s) => s.name)).toContain('Toimenpiteet');
    expect(xlsx.rowCount('Toimenpiteet')).toBe(5); // a header and four actions, the one still to review among them
    const sheet = visibleText(xlsx.sheet('Toimenpiteet')) + visibleText(xlsx.part('xl/sharedStrings.xml'));
    expect(sheet).toContain('Sopikaa huoltoikkunat kvartaaleittain.');
    expect(sheet).toContain('Kuuntelu 2024');
    expect(sheet).toContain('[päättäjä, avainasiakas] tiimi vastaa.');
    expect(sheet).not.toMatch(/Pirj|Mäkel/);
  });
});
