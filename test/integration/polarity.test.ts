import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { MIGRATIONS } from '../../electron/db/migrate.ts';
import { POLARITY_BY_KEY } from '../../electron/db/migrations/0009-code-polarity.ts';
import { renderReportDocx } from '../../electron/report/docx.ts';
import { buildReportModel } from '../../electron/report/model.ts';
import { defaultCodebook } from '../../electron/services/defaultCodebook.ts';
import { benchmarkFigures } from '../../shared/charts.ts';
import { changeColour } from '../../shared/polarity.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

let ws: TestWorkspace;
afterEach(() => ws?.close());

const NOW = '2026-01-01T00:00:00.000Z';

describe('code polarity', () => {
  test('migration 9 gives the default codes their polarity and leaves the consultants’ own codes neutral', () => {
    ws = openTestWorkspace();
    const path = join(ws.dir, 'version-8.db');
    const old = new BetterSqlite3(path);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 8)) migration.up(old, NOW);
    old.pragma('user_version = 8');
    const insertCode = old.prepare(
      `INSERT INTO codes (id, parent_id, engagement_id, name_fi, name_en, color, is_group, created_at, updated_at)
       VALUES (?, NULL, ?, ?, ?, '#000000', 0, ?, ?)`,
    );
    old
      .prepare(
        `INSERT INTO engagements (id, client_name, title, language, status, created_at, updated_at)
         VALUES ('e1', 'Vanha Oy', 'Ennen versiota 9', 'fi', 'active', ?, ?)`,
      )
      .run(NOW, NOW);
    insertCode.run('own-shared', null, 'Hinnoittelu', 'Pricing', NOW, NOW);
    insertCode.run('own-engagement', 'e1', 'Laskutus', 'Invoicing', NOW, NOW);
    old.close();

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
      const rows = db.prepare('SELECT id, key, is_group AS isGroup, polarity FROM codes').all() as {
        id: string;
        key: string | null;
        isGroup: number;
        polarity: string;
      }[];
      const byKey = new Map(rows.filter((r) => r.key).map((r) => [r.key, r]));
      expect(byKey.get('key-person-risk')?.polarity).toBe('problem');
      expect(byKey.get('handoff-failure')?.polarity).toBe('problem');
      expect(byKey.get('unvoiced-irritation')?.polarity).toBe('problem');
      expect(byKey.get('trust-and-delight')?.polarity).toBe('strength');
      expect(byKey.get('perceived-value')?.polarity).toBe('strength');
      expect(byKey.get('commitment-vs-lock-in')?.polarity).toBe('neutral');
      for (const [key, polarity] of Object.entries(POLARITY_BY_KEY))
        expect(byKey.get(key)?.polarity).toBe(polarity);
      expect(rows.filter((r) => r.isGroup).map((r) => r.polarity)).toEqual(
        rows.filter((r) => r.isGroup).map(() => 'neutral'),
      );
      expect(rows.filter((r) => r.id.startsWith('own-')).map((r) => r.polarity)).toEqual([
        'neutral',
        'neutral',
      ]);
      // The column keeps its values to the three polarities.
      expect(() => db.prepare("UPDATE codes SET polarity = 'bad' WHERE id = 'own-shared'").run()).toThrow(
        /CHECK constraint/,
      );
    } finally {
      db.close();
    }
  });

  test('a new workspace starts with the polarities of the default codebook', () => {
    ws = openTestWorkspace();
    const codebook = ws.call('getCodebook', {});
    const expected = defaultCodebook().map((c) => [c.key, c.polarity]);
    expect(codebook.filter((c) => c.key).map((c) => [c.key, c.polarity])).toEqual(expected);
    expect(expected.filter(([, p]) => p === 'problem').length).toBeGreaterThan(5);
    expect(expected.filter(([, p]) => p === 'strength').length).toBeGreaterThan(0);
  });

  test('a new code is neutral unless told otherwise; create and update round-trip its polarity', () => {
    ws = openTestWorkspace();
    const plain = ws.call('createCode', { name: { fi: 'Hinnoittelu', en: 'Pricing' } });
    expect(plain.polarity).toBe('neutral');
    const problem = ws.call('createCode', { name: { fi: 'Laskutus', en: 'Invoicing' }, polarity: 'problem' });
    expect(problem.polarity).toBe('problem');
    expect(ws.call('getCodebook', {}).find((c) => c.id === problem.id)?.polarity).toBe('problem');

    const updated = ws.call('updateCode', { id: plain.id, patch: { polarity: 'strength' } });
    expect(updated).toEqual({ ...plain, polarity: 'strength' });
    // A patch without it leaves it alone.
    const renamed = ws.call('updateCode', { id: plain.id, patch: { name: { fi: 'Hinnat', en: 'Prices' } } });
    expect(renamed.polarity).toBe('strength');

    const refused = ws.raw('updateCode', { id: plain.id, patch: { polarity: 'good' } });
    expect(refused.ok).toBe(false);
    expect(ws.call('getCodebook', {}).find((c) => c.id === plain.id)?.polarity).toBe('strength');
  });

  test('benchmark figures carry the polarity, and the report colours each difference by it', async () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const polarity = new Map(ws.call('getCodebook', {}).map((c) => [c.id, c.polarity]));
    const colours = new Set<string>();
    for (const engagement of ws.call('listEngagements', {})) {
      const stats = ws.call('engagementStats', { engagementId: engagement.id });
      for (const row of stats.benchmark.rows) expect(row.polarity).toBe(polarity.get(row.codeId));
      if (stats.benchmark.others === 0) continue;

      const model = buildReportModel(ws.ctx, engagement.id, {
        anonymize: 'none',
        sections: ['benchmark'],
      });
      const table = model.sections.find((s) => s.id === 'benchmark')?.blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error('no benchmark table');
      const compared = stats.benchmark.rows.filter(
        (b) => b.othersPct !== null && (b.thisPct > 0 || (b.othersPct ?? 0) > 0),
      );
      expect(table.rows.map((r) => r[0])).toEqual(compared.map((b) => b.code[engagement.language]));
      expect(table.colors).toEqual(
        compared.map((b) => [
          null,
          null,
          null,
          changeColour(b.polarity, benchmarkFigures(b, stats.prevalence).diff),
        ]),
      );
      for (const row of table.colors ?? []) colours.add(row[3]!);

      // In Word each difference is printed in its colour.
      const document = unzipText(await renderReportDocx(model)).get('word/document.xml')!;
      const xml = /<w:tbl>.*?<\/w:tbl>/s.exec(document)?.[0] ?? '';
      const coloured = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
        .map(([run]) => [/<w:color w:val="(\w+)"/.exec(run)?.[1], /<w:t[^>]*>([^<]*)<\/w:t>/.exec(run)?.[1]])
        .filter(([colour]) => colour && colour !== 'FFFFFF');
      expect(coloured).toEqual(table.rows.map((r, i) => [table.colors![i]![3]!.slice(1), r[3]]));
    }
    // The demo has differences of both kinds.
    expect(colours).toContain('#C23B00');
    expect(colours).toContain('#00785A');
  });
});
