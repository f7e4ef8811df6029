import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findLeaks, findTextLeaks } from '../../electron/report/leaks.ts';
import { reportAnonymizer } from '../../electron/report/load.ts';
import { matcherFor } from '../../electron/services/identities.ts';
import type { Engagement } from '../../shared/domain.ts';
import type { ExportJob, ReportFormat } from '../../shared/report.ts';
import { type Connection, connect } from '../helpers/workspace.ts';
import { unzip } from '../helpers/zip.ts';

/** Runs the CLI the way `npm run kuulo --` does. */
function kuulo(...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kuulo-formats-'));
const db = join(dir, 'demo.db');
let ws: Connection;
let fi: Engagement;

beforeAll(() => {
  expect(kuulo('demo', '--db', db).code).toBe(0);
  ws = connect(db);
  fi = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
});
afterAll(() => {
  ws?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an export through the contract, as the dialog does, and waits for its end event. */
/** `meanwhile` runs as the export starts, before its worker writes anything. */
async function exportThroughApp(
  format: ReportFormat,
  fileName: string,
  meanwhile: (path: string) => void = () => {},
): Promise<ExportJob> {
  const started = ws.call('startReportExport', {
    engagementId: fi.id,
    fileName,
    format,
    anonymize: 'people',
  });
  meanwhile(started.path);
  return new Promise<ExportJob>((resolve) => {
    const token = ws.events.subscribe('exportProgress', (job) => {
      if (job.id !== started.id || !job.done) return;
      ws.events.unsubscribe(token);
      resolve(job);
    });
  });
}

describe('the findings report in three formats', () => {
  test('kuulo export writes each format; the extension must match the format', () => {
    for (const format of ['docx', 'pptx', 'xlsx'] as const) {
      const out = join(dir, `cli.${format}`);
      const run = kuulo(
        'export',
        '--db',
        db,
        '--engagement',
        fi.id,
        '--format',
        format,
        '--out',
        out,
        '--json',
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ path: out, format });
      // A zip package of the format: Word's document, the deck's first slide, the workbook's first sheet.
      const parts = unzip(readFileSync(out));
      expect(
        parts.has(
          { docx: 'word/document.xml', pptx: 'ppt/slides/slide1.xml', xlsx: 'xl/worksheets/sheet1.xml' }[
            format
          ],
        ),
      ).toBe(true);
    }
    const wrong = kuulo(
      'export',
      '--db',
      db,
      '--engagement',
      fi.id,
      '--format',
      'pptx',
      '--out',
      join(dir, 'x.docx'),
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr.trim()).toMatch(/\.pptx/);
    // Without --format the extension says which.
    const inferred = kuulo(
      'export',
      '--db',
      db,
      '--engagement',
      fi.id,
      '--out',
      join(dir, 'inferred.xlsx'),
      '--json',
    );
    expect(inferred.code).toBe(0);
    expect(JSON.parse(inferred.stdout)).toMatchObject({ format: 'xlsx' });
    const unknown = kuulo(
      'export',
      '--db',
      db,
      '--engagement',
      fi.id,
      '--format',
      'pdf',
      '--out',
      join(dir, 'x.pdf'),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('the app’s export never writes over an earlier file, not even one saved while it ran or another export of the same name', async () => {
    const first = await exportThroughApp('xlsx', 'Raportti');
    // Two started together: each claims its name as it writes, so both files stay.
    const [second, third] = await Promise.all([
      exportThroughApp('xlsx', 'Raportti.xlsx'),
      exportThroughApp('xlsx', 'Raportti'),
    ]);
    // A file the consultant saved under the name while a deck was being written is kept as it is.
    let saved = '';
    const deck = await exportThroughApp('pptx', 'Hallitus', (path) => {
      saved = path;
      writeFileSync(path, 'my own edited deck');
    });
    for (const job of [first, second, third, deck]) expect(job.error).toBeNull();
    expect(first.path.endsWith('Raportti.xlsx')).toBe(true);
    expect(new Set([first.path, second.path, third.path]).size).toBe(3);
    expect([second.path, third.path].sort().map((p) => p.split('/').at(-1))).toEqual([
      'Raportti (2).xlsx',
      'Raportti (3).xlsx',
    ]);
    expect(readFileSync(saved, 'utf8')).toBe('my own edited deck');
    expect(deck.path.endsWith('Hallitus (2).pptx')).toBe(true);
    expect(unzip(readFileSync(deck.path)).has('ppt/slides/slide1.xml')).toBe(true);
    // No half-written file is left beside them.
    expect(readdirSync(dirname(deck.path)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  test('a file name that shows a masked name is refused, and nothing is written', async () => {
    const { anon, register } = reportAnonymizer(ws.ctx, fi.id, { anonymize: 'people', language: 'fi' });
    const person = register.find((e) => e.kind === 'person' && anon.hidden(e))!;
    const files = () => (existsSync(ws.ctx.exportDir) ? readdirSync(ws.ctx.exportDir) : []);
    const before = files();
    const job = await exportThroughApp('pptx', `Raportti ${person.name}`);
    expect(job.failure).toMatchObject({ key: 'fileNameLeak' });
    expect(files()).toEqual(before);
  });

  test('kuulo export keeps an existing --out file unless --force', () => {
    const out = join(dir, 'kept.pptx');
    writeFileSync(out, 'mine');
    const refused = kuulo('export', '--db', db, '--engagement', fi.id, '--format', 'pptx', '--out', out);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim()).toMatch(/kept\.pptx/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = kuulo(
      'export',
      '--db',
      db,
      '--engagement',
      fi.id,
      '--format',
      'pptx',
      '--out',
      out,
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(unzip(readFileSync(out)).has('ppt/slides/slide1.xml')).toBe(true);
  });

  test('the review of a workbook covers every coded passage, which the Word report’s does not', () => {
    const places = (format: ReportFormat) =>
      ws
        .call('reviewIdentifiers', { engagementId: fi.id, anonymize: 'people', format })
        .items.flatMap((item) => item.places.map((p) => p.where));
    const passages = (where: string) => where.startsWith('Koodatut kohdat');
    expect(places('docx').some(passages)).toBe(false);
    expect(places('xlsx').some(passages)).toBe(true);
  });

  test('the leak check reads workbook strings, chart points and a package inside a package', () => {
    const { anon, register } = reportAnonymizer(ws.ctx, fi.id, { anonymize: 'people', language: 'fi' });
    const person = register.find((e) => e.kind === 'person' && anon.hidden(e))!;
    const matcher = matcherFor(register);
    const sheet = zip({
      'xl/sharedStrings.xml': `<sst><si><t>Hinta</t></si><si><r><t>${person.name.slice(0, 2)}</t></r><r><t>${person.name.slice(2)}</t></r></si></sst>`,
    });
    expect(findLeaks('fi', sheet, anon, register, matcher).map((l) => l.part)).toEqual([
      'xl/sharedStrings.xml',
    ]);
    // Numbers stored as numbers name nobody: a share of 0.05 above a column of counts is no phone number.
    const figures = zip({
      'xl/worksheets/sheet3.xml': [0.05, 18, 3241, 3244, 408].map((n) => `<c><v>${n}</v></c>`).join(''),
      'xl/sharedStrings.xml': '<sst><si><t>040 123 4567</t></si></sst>',
    });
    expect(findLeaks('fi', figures, anon, register, matcher)).toEqual([
      { text: '040 123 4567', part: 'xl/sharedStrings.xml' },
    ]);
    const deck = zip({
      'ppt/charts/chart1.xml': '<c:chartSpace><c:pt idx="0"><c:v>Avainasiakas A</c:v></c:pt></c:chartSpace>',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx': sheet,
    });
    expect(findLeaks('fi', deck, anon, register, matcher).map((l) => l.part)).toEqual([
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx/xl/sharedStrings.xml',
    ]);
    expect(
      findTextLeaks('fi', `id;text\n1;"${person.name} sanoi"`, 'csv', anon, register, matcher),
    ).not.toEqual([]);
    expect(findTextLeaks('fi', 'id;text\n1;"Haastateltava 3 sanoi"', 'csv', anon, register, matcher)).toEqual(
      [],
    );
  });
});

/** A stored (uncompressed) zip of the given parts, enough for the leak check's reader. */
function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
