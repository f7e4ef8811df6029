import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimSentence } from '../../shared/claims.ts';
import type { Engagement } from '../../shared/domain.ts';
import { percentOf } from '../../shared/format.ts';
import { type Connection, connect } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

/** Runs the CLI the way `npm run kuulo --` does. */
function kuulo(...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const dir = mkdtempSync(join(tmpdir(), 'kuulo-report-'));
const db = join(dir, 'demo.db');
let ws: Connection;
let fi: Engagement;
let en: Engagement;

beforeAll(() => {
  expect(kuulo('demo', '--db', db).code).toBe(0);
  ws = connect(db);
  const engagements = ws.call('listEngagements', {});
  fi = engagements.find((e) => e.language === 'fi')!;
  en = engagements.find((e) => e.clientName.startsWith('Northbeam'))!;
});
afterAll(() => {
  ws?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function exportReport(engagement: Engagement, name: string, ...args: string[]): Map<string, string> {
  const out = join(dir, name);
  const run = kuulo('report', '--db', db, '--engagement', engagement.id, '--out', out, ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return unzipText(readFileSync(out));
}

/** Every text part of the package: XML, relationships and the chart SVGs. */
const allXml = (parts: Map<string, string>) =>
  [...parts]
    .filter(([name]) => /\.(xml|rels|svg)$/.test(name))
    .map(([, xml]) => xml)
    .join('\n'); /** Text as Word shows it: runs joined, XML entities decoded. */
const visibleText = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe('Word report of the demo engagement', () => {
  test('has the styles, TOC field, every section, images and quotes', () => {
    const parts = exportReport(en, 'en.docx', '--anonymize', 'people');
    const document = parts.get('word/document.xml')!;
    const styles = parts.get('word/styles.xml')!;
    for (const style of ['Title', 'Heading1', 'Heading2', 'Caption', 'Quote']) {
      expect(styles).toContain(`w:styleId="${style}"`);
      expect(document).toContain(`w:val="${style}"`);
    }
    expect(document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o/);
    const text = visibleText(document);
    for (const section of [
      'Executive summary',
      'Method and sample',
      'Findings',
      'Customer scores',
      'Key-person risk',
      'Benchmark',
      'Recommendations',
      'Appendix A: Interviews',
      'Appendix B: Codebook',
    ]) {
      expect(text).toContain(section);
    }
    const findings = ws.call('listFindings', { engagementId: en.id });
    for (const finding of findings) expect(text).toContain(finding.title);
    // The first evidence quote of each finding is in the report (names in it may be masked).
    const quote = findings[0]!.quotes[0]!.quote;
    expect(text).toContain(quote.slice(-25));
    const images = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    expect(images.some((n) => n.endsWith('.png'))).toBe(true);
    expect(images.some((n) => n.endsWith('.svg'))).toBe(true);
    expect(parts.get('docProps/core.xml')).toContain(en.title);
  });

  test('--anonymize people leaves no interviewee name in any part of the package', () => {
    const xml = allXml(exportReport(fi, 'people.docx', '--anonymize', 'people'));
    const accounts = ws.call('listAccounts', { engagementId: fi.id });
    const names = accounts.flatMap((a) => a.interviewees.map((p) => p.name));
    expect(names.length).toBeGreaterThan(5);
    // A surname that is also part of a company name (Ulla Koskela, Teräsvalimo Koskela Oy) may
    // appear through the company, which this level still names.
    const inAccountNames = (part: string) => accounts.some((a) => a.name.includes(part));
    for (const name of names) {
      expect(xml).not.toContain(name);
      for (const part of name.split(' ').filter((p) => p.length >= 3 && !inAccountNames(p))) {
        expect(xml, part).not.toMatch(new RegExp(`(?<![\\p{L}])${part}(?![\\p{L}])`, 'u'));
      }
    }
    // Accounts are still named at this level.
    expect(xml).toContain(accounts[0]!.name);
  });

  test('--anonymize accounts leaves no account name either, not even in finding titles or own codes', () => {
    const accounts = ws.call('listAccounts', { engagementId: en.id });
    const named = accounts[0]!;
    ws.call('createFinding', {
      engagementId: en.id,
      title: `${named.name} and ${named.interviewees[0]!.name} disagree`,
      keyMessage: 'A finding whose title names a customer and a person.',
      codeIds: [ws.call('getCodebook', {}).find((c) => c.key === 'silos')!.id],
    });
    ws.call('createCode', {
      engagementId: en.id,
      name: { fi: `${named.name} -hinnoittelu`, en: `${named.name} pricing` },
    });
    const xml = allXml(exportReport(en, 'accounts.docx', '--anonymize', 'accounts'));
    expect(xml).toContain('<svg');
    for (const account of accounts) {
      expect(xml).not.toContain(account.name);
      for (const person of account.interviewees) expect(xml).not.toContain(person.name);
    }
    expect(visibleText(xml)).toMatch(/Key account A/);
  });

  test('client staff named only in note text are masked; --keep prints a name as it is', () => {
    const kvarnholm = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
    const masked = allXml(exportReport(kvarnholm, 'masked.docx', '--anonymize', 'people'));
    expect(masked).not.toContain('Wikström');
    const kept = allXml(
      exportReport(kvarnholm, 'kept.docx', '--anonymize', 'people', '--keep', 'Stefan Wikström'),
    );
    expect(kept).toContain('Stefan Wikström');
  });

  test('the report comes out in the engagement language, or the one asked for', () => {
    expect(visibleText(exportReport(fi, 'fi.docx').get('word/document.xml')!)).toContain('Tiivistelmä');
    expect(visibleText(exportReport(fi, 'fi-en.docx', '--lang', 'en').get('word/document.xml')!)).toContain(
      'Executive summary',
    );
  });

  /** The method section's text: from its heading (the last one; the first is in the contents) to the findings'. */
  const methodText = (engagement: Engagement, file: string, ...args: string[]) => {
    const text = visibleText(exportReport(engagement, file, ...args).get('word/document.xml')!);
    const english = text.includes('Executive summary');
    const from = text.lastIndexOf(english ? 'Method and sample' : 'Menetelmä ja otos');
    const to = text.indexOf(english ? 'Findings' : 'Löydökset', from);
    expect(from, file).toBeGreaterThan(0);
    expect(to, file).toBeGreaterThan(from);
    return text.slice(from, to);
  };

  test('a report in another language than the engagement’s says so in its method section', () => {
    expect(methodText(fi, 'note-fi-en.docx', '--lang', 'en')).toContain(
      'This report is an English version: the interviews were held and noted in Finnish',
    );
    expect(methodText(en, 'note-en-fi.docx', '--lang', 'fi')).toContain(
      'Tämä raportti on suomenkielinen versio: haastattelut tehtiin ja kirjattiin englanniksi',
    );
  }, 120_000);

  test('a report in the engagement’s own language says nothing of versions', () => {
    for (const [engagement, file] of [
      [fi, 'note-fi.docx'],
      [en, 'note-en.docx'],
    ] as const) {
      const text = methodText(engagement, file);
      expect(text, file).not.toContain('English version');
      expect(text, file).not.toContain('suomenkielinen versio');
      // The method text itself is there, so the absence above means something.
      expect(text, file).toMatch(/The interviews lasted|Haastattelut tehtiin/);
    }
  }, 120_000);

  test('figures are rounded once from their counts, in the language’s form, with plurals that agree', () => {
    // Findings' figures are claims ("5 of 12 interviews raised … (42%)"); other figures "42% of interviews (5 of 12)".
    const cases = [
      {
        engagement: en,
        file: 'en-figures.docx',
        figure: /(\d+)% of interviews \((\d+) of (\d+)\)/g,
        claim: /(\d+) of (\d+) interviews? raised [^()]* \((\d+)%\)/g,
      },
      {
        engagement: fi,
        file: 'fi-figures.docx',
        figure: /(\d+)\u00a0% haastatteluista \((\d+)\/(\d+)\)/g,
        claim: /(\d+)\/(\d+) haastattelussa nousi esiin [^()]* \((\d+)\u00a0%\)/g,
      },
    ];
    for (const { engagement, file, figure, claim } of cases) {
      const text = visibleText(exportReport(engagement, file).get('word/document.xml')!);
      const figures = [
        ...[...text.matchAll(figure)].map(([, shown, part, whole]) => [shown, part, whole]),
        ...[...text.matchAll(claim)].map(([, part, whole, shown]) => [shown, part, whole]),
      ];
      expect(figures.length, file).toBeGreaterThan(0);
      for (const [shown, part, whole] of figures)
        expect(Number(shown), `${shown} of ${part}/${whole}`).toBe(percentOf(Number(part), Number(whole)));
      expect(text).not.toMatch(/\b1 (interviews|people|accounts)\b|\b1 haastattelua\b/);
      // Finnish: a decimal comma and a space before %; English: a decimal point and no space.
      expect(text).not.toMatch(engagement.language === 'fi' ? /\d\.\d\s?%/ : /\d\s%/);
    }
  });

  test('a finding’s figure names its claim and n, in the summary and in its evidence, with the breakdown by tier', () => {
    for (const engagement of [en, fi]) {
      const text = visibleText(
        exportReport(engagement, `claims-${engagement.language}.docx`).get('word/document.xml')!,
      );
      const findings = ws.call('listFindings', { engagementId: engagement.id });
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const sentence = claimSentence(finding.claim, engagement.language);
        // It names the claim's code and its n of base.
        expect(sentence).toContain(finding.claim.codes[0]!.name[engagement.language].slice(1));
        expect(sentence).toMatch(
          engagement.language === 'fi'
            ? new RegExp(
                `\\b${finding.claim.accounts}/${finding.claim.baseAccounts}\\b|\\b${finding.claim.interviews}/${finding.claim.baseInterviews}\\b`,
              )
            : new RegExp(
                `\\b(${finding.claim.accounts} of ${finding.claim.baseAccounts}|${finding.claim.interviews} of ${finding.claim.baseInterviews})\\b`,
              ),
        );
        // Once as the key finding's figure, once in its evidence callout.
        expect(text.split(sentence).length - 1, sentence).toBeGreaterThanOrEqual(2);
        expect(text).toContain(
          `${sentence}. ${engagement.language === 'fi' ? 'Asiakasryhmittäin' : 'By tier'}: `,
        );
      }
    }
    // The demo's Northbeam growth finding is measured in revenue and says so.
    const growth = ws.call('listFindings', { engagementId: en.id }).find((f) => f.claim.unit === 'revenue')!;
    expect(claimSentence(growth.claim, 'en')).toMatch(/of the known revenue \(€[\d,]+ of €[\d,]+\)/);
  });

  test('an engagement with no codings and no scores says so instead of failing', () => {
    const empty = ws.call('createEngagement', {
      clientName: 'Tyhjä Oy',
      title: 'Empty study',
      language: 'en',
    });
    const account = ws.call('createAccount', { engagementId: empty.id, name: 'Only Account', tier: 'named' });
    ws.call('createInterview', { engagementId: empty.id, accountId: account.id, status: 'done' });
    const text = visibleText(exportReport(empty, 'empty.docx').get('word/document.xml')!);
    expect(text).toContain('have not been coded yet');
    expect(text).toContain('No scores were recorded');
  });

  test('bad options get a one-line message', () => {
    const run = kuulo(
      'report',
      '--db',
      db,
      '--engagement',
      en.id,
      '--out',
      join(dir, 'x.docx'),
      '--anonymize',
      'nobody',
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(kuulo('report', '--db', db, '--engagement', en.id, '--out', join(dir, 'x.pdf')).stderr).toMatch(
      /\.docx/,
    );
  });

  test.skipIf(!soffice)('converts to PDF; a reader sees the summary, findings and chart captions', () => {
    const docx = join(dir, 'pdf.docx');
    exportReport(en, 'pdf.docx', '--anonymize', 'people');
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, docx],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'pdf.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Executive summary');
    expect(text).toContain(ws.call('listFindings', { engagementId: en.id })[0]!.title);
    expect(text).toContain('Share of interviews where each theme comes up');
    expect(text).toContain('Net Promoter Score by customer tier');
  });
});
