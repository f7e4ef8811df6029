/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { type AxeViolation, auditPage, blocking, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp } from './harness.ts';

const chromium = chromiumPerFile();

type Words = typeof en;

/** Where a state is reached from: the demo's ids, the UI's words in the language under test. */
interface Ctx {
  page: Page;
  ws: TestWorkspace;
  words: Words;
  url: string;
  engagementId: string;
  interviewId: string;
  /** An interview a state may spoil (its notes made unreadable). */
  spareInterviewId: string;
}

/** An app state to audit: how to reach it from a fresh load of the page. */
interface State {
  name: string;
  open: (ctx: Ctx) => Promise<void>;
}

const go = async ({ page, url }: Ctx, hash: string, ready: string) => {
  // The same address again reloads, so that the screen shows the workspace as it is now.
  if (page.url() === `${url}${hash}`) await page.reload();
  else await page.goto(`${url}${hash}`);
  await page.locator(ready).first().waitFor();
};
const dialog = (page: Page) => page.locator('dialog[open], [role="dialog"]').last();
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).first();
/** A dialog opened from a screen: by a key press, or by clicking a button with this name. */
const dialogOn = (name: string, screen: string, opener: (c: Ctx) => Promise<void>): State => ({
  name,
  open: async (c) => {
    await SCREENS.find((s) => s.name === screen)!.open(c);
    await opener(c);
    await dialog(c.page).waitFor();
    // Dialogs that load their content (the export's identity review, the backups) settle first.
    await c.page.waitForTimeout(300);
  },
});
/** Escape closes every dialog; a page that still shows one (or the search panel) is reloaded, so states stay apart. */
const closeDialogs = async (page: Page) => {
  for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()); i++)
    await page.keyboard.press('Escape');
  if (await page.locator('dialog[open], [role="dialog"], .search-panel').count()) await page.reload();
};
const press = (key: string) => (c: Ctx) => c.page.keyboard.press(key);
/** The first button showing exactly this text (its accessible name may say more, e.g. which item). */
const byText =
  (text: (w: Words) => string, within = 'body') =>
  (c: Ctx) =>
    c.page
      .locator(within)
      .locator('button', { hasText: new RegExp(`^\\s*${escapeRegExp(text(c.words))}\\s*$`) })
      .first()
      .click();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const click = (name: (w: Words) => string | RegExp) => (c: Ctx) => button(c.page, name(c.words)).click();

const SCREENS: State[] = [
  { name: 'engagement list', open: (c) => go(c, '#/', '.engagement-list, main h1') },
  { name: 'engagement: interviews', open: (c) => go(c, `#/engagement/${c.engagementId}/interviews`, 'h1') },
  { name: 'engagement: accounts', open: (c) => go(c, `#/engagement/${c.engagementId}/accounts`, 'h1') },
  {
    name: 'interview: notes',
    open: async (c) => {
      await go(c, `#/interview/${c.interviewId}`, '.notes-editor');
      await c.page
        .locator('.notes-editor [data-coding-ids], .notes-editor mark, .notes-editor span[class*="cod"]')
        .first()
        .waitFor();
    },
  },
  {
    name: 'interview: details tab',
    open: async (c) => {
      await go(c, `#/interview/${c.interviewId}`, '.notes-editor');
      await c.page.getByRole('tab', { name: c.words.coding.interviewTab }).click();
      await c.page.getByRole('group', { name: /recommend|suosittel/i }).waitFor();
    },
  },
  {
    name: 'search with hits',
    open: async (c) => {
      await go(c, `#/engagement/${c.engagementId}/interviews`, 'h1');
      const word = c.ws.call('getInterview', { id: c.interviewId }).notes.text.match(/\p{L}{6,}/u)![0];
      await c.page.keyboard.press('Control+Shift+F');
      await c.page.locator('#search-field').fill(word);
      await c.page.getByTestId('search-hit').first().waitFor();
    },
  },
  { name: 'codebook', open: (c) => go(c, `#/codebook/${c.engagementId}`, 'h1') },
  { name: 'quotes', open: (c) => go(c, `#/quotes/${c.engagementId}`, 'h1') },
  {
    name: 'quotes: a code chosen',
    open: async (c) => {
      await go(c, `#/quotes/${c.engagementId}`, 'h1');
      const lang = c.words === en ? 'en' : 'fi';
      const [code] = c.ws
        .call('getCodebook', { engagementId: c.engagementId })
        .filter((k) => !k.isGroup)
        .sort((a, b) => b.usage - a.usage);
      await c.page.getByRole('checkbox', { name: new RegExp(`^${code!.name[lang]} \\d+$`) }).check();
      await c.page.locator('.quote-card').first().waitFor();
    },
  },
  {
    name: 'analysis',
    open: async (c) => {
      await go(c, `#/analysis/${c.engagementId}`, 'h1');
      await expect.poll(() => c.page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(4);
    },
  },
  { name: 'findings', open: (c) => go(c, `#/findings/${c.engagementId}`, 'h1') },
  {
    name: 'portfolio',
    open: async (c) => {
      await go(c, '#/portfolio', 'h1');
      await c.page.locator('table').first().waitFor();
    },
  },
  { name: 'trash', open: (c) => go(c, '#/trash', 'h1') },
];

const DIALOGS: State[] = [
  dialogOn('settings', 'engagement list', press('Control+,')),
  dialogOn('shortcuts', 'engagement list', press('Control+/')),
  dialogOn('new engagement', 'engagement list', press('Control+n')),
  dialogOn('new interview', 'engagement: interviews', press('Control+n')),
  dialogOn(
    'new account',
    'engagement: accounts',
    click((w) => `+ ${w.account.new}`),
  ),
  dialogOn(
    'new interviewee',
    'engagement: accounts',
    click((w) => `+ ${w.person.new}`),
  ),
  dialogOn(
    'account import',
    'engagement: accounts',
    click((w) => w.accountImport.button),
  ),
  dialogOn('confirm delete', 'engagement: accounts', async (c) => {
    await c.page.locator('.people .row-actions button.danger-quiet').first().click();
  }),
  dialogOn('GDPR erasure', 'engagement: accounts', async (c) => {
    await button(c.page, c.words.person.more).click();
    await c.page.getByRole('menuitem', { name: c.words.privacy.eraseMenu }).click();
  }),
  dialogOn('code picker', 'interview: notes', async (c) => {
    await c.page.locator('.notes-editor').click();
    await c.page.keyboard.press('Control+End');
    await c.page.keyboard.press('Shift+Home');
    await c.page.keyboard.press('Control+k');
  }),
  dialogOn('mention list while typing', 'interview: notes', async (c) => {
    await c.page.locator('.notes-editor').click();
    await c.page.keyboard.press('Control+End');
    await c.page.keyboard.press('Enter');
    await c.page.keyboard.type('Asked @a');
  }),
  dialogOn('mention dialog', 'interview: notes', async (c) => {
    await c.page.locator('.notes-editor').click();
    await c.page.keyboard.press('Control+End');
    await c.page.keyboard.press('Control+Shift+ArrowLeft');
    await c.page.keyboard.press('Control+Shift+m');
  }),
  dialogOn('transcript import', 'interview: notes', async (c) => {
    await c.page.locator('[data-testid="transcript-file"]').setInputFiles({
      name: 'call.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(
        'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna>We waited two weeks.\n\n00:00:05.000 --> 00:00:08.000\n<v Consultant>Why?\n',
      ),
    });
  }),
  dialogOn('stop the clock', 'interview: notes', async (c) => {
    await button(c.page, c.words.editor.startClock).click();
    await button(c.page, c.words.editor.stopClock).click();
  }),
  dialogOn(
    'new code',
    'codebook',
    click((w) => w.codebook.newCode),
  ),
  dialogOn(
    'new finding',
    'findings',
    click((w) => w.findings.new),
  ),
  dialogOn(
    'report export',
    'findings',
    click((w) => w.findings.export),
  ),
  {
    name: 'analysis: benchmark studies open',
    open: async (c) => {
      await SCREENS.find((s) => s.name === 'analysis')!.open(c);
      await c.page.locator('[data-testid="benchmark-picker"] summary').click();
      await c.page.locator('[data-testid="benchmark-picker"] fieldset').waitFor();
    },
  },
  dialogOn(
    'quote export',
    'quotes: a code chosen',
    click((w) => w.quoteExport.action),
  ),
  dialogOn(
    'merge code',
    'codebook',
    byText((w) => w.codebook.merge),
  ),
  dialogOn(
    'delete code',
    'codebook',
    byText((w) => w.app.delete, 'main'),
  ),
  dialogOn(
    'edit finding',
    'findings',
    byText((w) => w.app.edit, 'main'),
  ),
  dialogOn(
    'delete finding',
    'findings',
    byText((w) => w.app.delete, 'main'),
  ),
  dialogOn(
    'edit account',
    'engagement: accounts',
    byText((w) => w.app.edit, '.account-actions'),
  ),
  dialogOn(
    'erase from the trash',
    'trash',
    byText((w) => w.privacy.erase),
  ),
  dialogOn(
    'delete one for good',
    'trash',
    byText((w) => w.trash.deleteForGood),
  ),
  {
    name: 'notes changed elsewhere',
    open: async (c) => {
      await go(c, `#/interview/${c.spareInterviewId}`, '.notes-editor');
      c.ws.saveNotes({
        interviewId: c.spareInterviewId,
        doc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Elsewhere.' }] }],
        },
      });
      await c.page.locator('.notes-editor').click();
      await c.page.keyboard.press('Control+End');
      await c.page.keyboard.type(' More.');
      await dialog(c.page).waitFor();
    },
  },
  {
    name: 'notes that cannot be opened',
    open: async (c) => {
      c.ws.db
        .prepare('UPDATE notes SET doc = ? WHERE interview_id = ?')
        .run(JSON.stringify({ type: 'doc', content: [{ type: 'codeBlock' }] }), c.spareInterviewId);
      await go(c, `#/interview/${c.spareInterviewId}`, '[data-testid="notes-unreadable"]');
    },
  },
  {
    name: 'workspace damaged',
    open: async (c) => {
      await go(c, `#/engagement/${c.engagementId}/interviews`, 'h1');
      c.ws.ctx.emit('workspaceDamaged', { detail: 'Page 12: 2nd reference to page 40' });
      await c.page.locator('.workspace-damaged').waitFor();
    },
  },
  {
    name: 'row menu open',
    open: async (c) => {
      await SCREENS.find((s) => s.name === 'engagement: accounts')!.open(c);
      await button(c.page, c.words.person.more).click();
      await c.page.getByRole('menu').waitFor();
    },
  },
  dialogOn('account import: a list read', 'engagement: accounts', async (c) => {
    await button(c.page, c.words.accountImport.button).click();
    await dialog(c.page)
      .locator('input[type=file]')
      .setInputFiles({
        name: 'accounts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Company;Name;Email\nAcme Oy;Anna Aalto;anna@acme.example\n'),
      });
    await dialog(c.page).getByRole('combobox').first().waitFor();
  }),
  dialogOn('report export finished', 'findings', async (c) => {
    await button(c.page, c.words.findings.export).click();
    await dialog(c.page).getByRole('button', { name: c.words.export.start, exact: true }).click();
    await dialog(c.page).locator('.export-done').waitFor({ timeout: 60_000 });
  }),
  dialogOn('settings: backups and a restore to confirm', 'engagement list', async (c) => {
    c.ws.call('createBackup', {});
    await c.page.keyboard.press('Control+,');
    await dialog(c.page).locator('.backup-list li').first().waitFor();
    await dialog(c.page)
      .locator('.backup-list li')
      .first()
      .getByRole('button', { name: c.words.backups.restore })
      .click();
    await dialog(c.page).locator('.confirm-restore').waitFor();
  }),
  dialogOn(
    'edit code',
    'codebook',
    byText((w) => w.app.edit, 'main'),
  ),
  {
    name: 'search without hits',
    open: async (c) => {
      await go(c, `#/engagement/${c.engagementId}/interviews`, 'h1');
      await c.page.keyboard.press('Control+Shift+F');
      await c.page.locator('#search-field').fill('zzqxv');
      await c.page.locator('.search-empty').waitFor();
    },
  },
  dialogOn('empty the trash', 'trash', async (c) => {
    await button(c.page, c.words.trash.emptyAll).click();
  }),
];

describe.each([
  ['en-GB', en],
  ['fi-FI', fi],
] as const)('accessibility in %s', (locale, words) => {
  test('every screen and dialog passes the WCAG 2.1 A and AA rules of axe-core', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale });
    const { page, ws } = app;
    const found: { state: string; violations: AxeViolation[] }[] = [];
    try {
      // The first run: an empty workspace.
      await page.locator('main h1, h1').first().waitFor();
      found.push({ state: 'first run', violations: await auditPage(page) });
      ws.call('createDemo', {});
      const language = locale.slice(0, 2);
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
      const interviews = ws.call('listInterviews', { engagementId: engagement.id });
      const interview = interviews.find((i) => ws.call('listCodings', { interviewId: i.id }).length > 2)!;
      const ctx: Ctx = {
        page,
        ws,
        words: words as Words,
        url: chromium.url(),
        engagementId: engagement.id,
        interviewId: interview.id,
        spareInterviewId: interviews.find((i) => i.id !== interview.id)!.id,
      };
      // Something in the trash, so that its list and its dialog have content.
      const account = ws.call('listAccounts', { engagementId: engagement.id }).at(-1)!;
      ws.call('deleteInterviewee', { id: account.interviewees.at(-1)!.id });
      for (const state of [...SCREENS, ...DIALOGS]) {
        await state.open(ctx).catch((error: Error) => {
          throw new Error(`Could not reach "${state.name}": ${error.message}`);
        });
        found.push({ state: state.name, violations: await auditPage(page) });
        await closeDialogs(page);
      }
    } finally {
      await app.close();
    }
    const table = found.map(
      ({ state, violations }) =>
        `${state}: ${violations.length} rules, ${violations.reduce((n, v) => n + v.nodes.length, 0)} nodes, ${blocking(violations).length} serious/critical`,
    );
    console.log(`${locale}\n${table.join('\n')}`);
    const failures = found
      .filter((f) => blocking(f.violations).length)
      .map((f) => `[${f.state}]\n${describeViolations(blocking(f.violations))}`);
    expect(failures.join('\n\n')).toBe('');
    // About 50 states, each loaded afresh: minutes on a busy two-core machine.
  }, 480_000);
});
