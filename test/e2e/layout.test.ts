/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const STRINGS = { en, fi } as const;
/** A row button's accessible name: its visible action and the item it acts on. */
const actOn = (s: typeof en | typeof fi, action: string, name: string): string =>
  s.a11y.actOn.replace('{{action}}', action).replace('{{name}}', name);

/** The window sizes the layout must hold at: a small laptop, a common laptop, a desktop monitor. */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * The boxes content must stay inside (from styles.css and review.css): cards, panels, dialogs and
 * the bars and lists that draw a border around their content.
 */
const CONTAINERS = [
  '.topbar',
  '.page-header',
  '.card',
  '.account',
  '.people li',
  '.panel',
  '.dialog',
  '.dialog-footer',
  '.code-group',
  '.code-row',
  '.quote-card',
  '.analysis-section',
  '.finding',
  '.suggestions',
  '.coding-details',
  '.coding-item',
  '.notes',
  '.toolbar',
  '.interview-side',
  '.quotes-filters',
  '.review-list',
  '.trash-item',
  '.review-item',
  '.erase-places',
  '.table',
  '.row-menu',
  '.toast',
].join(', ');

interface LayoutCheck {
  containers: string;
  /** The primary (or confirming) button of an open dialog must be on screen without scrolling. */
  dialogButton: boolean;
}

/**
 * Runs in the page: every visible element against the viewport, its containers and any box that
 * clips it; scroll boxes that scroll sideways; text whose every word got a line of its own; timestamps
 * in the gutter that cover a list's bullets; a dialog's primary button out of reach. Returns one line
 * per problem, naming the element by a short selector and its text.
 */
function findLayoutProblems({ containers, dialogButton }: LayoutCheck): string[] {
  const problems: string[] = [];
  const slack = 0.5;
  const viewport = document.documentElement.clientWidth;
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (
      let node: Element | null = el;
      node && node !== document.body && parts.length < 4;
      node = node.parentElement
    ) {
      const classes = [...node.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      parts.unshift(`${node.tagName.toLowerCase()}${classes}`);
    }
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${parts.join(' > ')}${text ? ` "${text}"` : ''}`;
  };
  const visible = (el: Element): boolean => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'contents') return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const scrollsX = (style: CSSStyleDeclaration) => style.overflowX === 'auto' || style.overflowX === 'scroll';
  const clipsX = (style: CSSStyleDeclaration) => style.overflowX === 'hidden' || style.overflowX === 'clip';

  if (document.documentElement.scrollWidth > viewport + slack)
    problems.push(
      `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${viewport} px`,
    );

  // An element inside one already reported is not reported again: the outermost names the problem.
  const reported = new Set<Element>();
  const dialog = document.querySelector('dialog[open]');
  const root = dialog ?? document.body;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    if (['option', 'script', 'style', 'br'].includes(el.tagName.toLowerCase())) continue;
    if (!visible(el)) continue;
    if (el.parentElement && reported.has(el.parentElement)) {
      reported.add(el);
      continue;
    }
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (style.position === 'fixed' && el.tagName.toLowerCase() !== 'dialog') continue;
    // Inside a box that scrolls sideways (a wide matrix), the content is the scroller's to show.
    const inScroller = (() => {
      for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
        if (scrollsX(getComputedStyle(up))) return true;
      }
      return false;
    })();
    if (!inScroller && (rect.left < -slack || rect.right > viewport + slack)) {
      problems.push(
        `${describe(el)} leaves the window (${Math.round(rect.left)}–${Math.round(rect.right)} px)`,
      );
      reported.add(el);
      continue;
    }
    if (scrollsX(style) && el.scrollWidth > el.clientWidth + 1 && !el.matches('.matrix-wrap')) {
      problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    // Up to the first box that scrolls: beyond it the content is the scroller's to show.
    for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
      const upStyle = getComputedStyle(up);
      if (scrollsX(upStyle)) break;
      const isContainer = up.matches(containers);
      if (!isContainer && !clipsX(upStyle)) continue;
      const box = up.getBoundingClientRect();
      const out = Math.max(box.left - rect.left, rect.right - box.right);
      if (out > 1) {
        const how = isContainer ? 'sticks out of' : 'is cut off by';
        problems.push(`${describe(el)} ${how} ${describe(up).replace(/ ".*$/, '')} by ${Math.round(out)} px`);
        reported.add(el);
        break;
      }
    }
  }

  // Text squeezed into a column so narrow that each word takes a line of its own: every line starts
  // at the same x (prose whose text node merely runs across a line end starts mid-line). And a
  // single word or date broken in two.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = (node.textContent ?? '')
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 1);
    const parent = node.parentElement;
    if (words.length === 0 || !parent || !visible(parent) || parent.closest('svg, option')) continue;
    if (getComputedStyle(parent).writingMode !== 'horizontal-tb') continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const lines = new Set(rects.map((r) => Math.round(r.top)));
    const lefts = new Set(rects.map((r) => Math.round(r.left)));
    // One short token (a date, a name) broken at a hyphen or a letter; long ones (paths) may break.
    if (words.length === 1 && words[0]!.length <= 30 && lines.size > 1)
      problems.push(`${describe(parent)} breaks inside "${words[0]}" (${lines.size} lines)`);
    else if (words.length > 1 && lines.size >= words.length && lefts.size === 1)
      problems.push(
        `${describe(parent)} wraps a word per line (${words.length} words on ${lines.size} lines)`,
      );
  }

  // A paragraph time drawn in the gutter must stay clear of its list's bullets.
  for (const p of root.querySelectorAll('.show-ts .notes-editor li p[data-ts]')) {
    const list = p.closest('ul, ol');
    const before = getComputedStyle(p, '::before');
    if (!list || before.content === 'none' || !visible(p)) continue;
    let base: Element | null = p;
    while (base && getComputedStyle(base).position === 'static') base = base.parentElement;
    if (!base) continue;
    const left = base.getBoundingClientRect().left + base.clientLeft + Number.parseFloat(before.left);
    const right = left + Number.parseFloat(before.width);
    const bulletsFrom = list.getBoundingClientRect().left;
    if (right > bulletsFrom + slack)
      problems.push(
        `${describe(p)}: its time (${Math.round(left)}–${Math.round(right)} px) covers the bullets from ${Math.round(bulletsFrom)} px`,
      );
  }

  if (dialogButton && dialog) {
    const buttons = dialog.querySelectorAll('.dialog-footer button.primary, .dialog-footer button.danger');
    const button = buttons[buttons.length - 1];
    if (!button) problems.push(`${describe(dialog)} has no primary button`);
    else {
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = y >= 0 && y < window.innerHeight ? document.elementFromPoint(x, y) : null;
      if (!hit || !button.contains(hit))
        problems.push(
          `${describe(button)} cannot be reached without scrolling (at ${Math.round(y)} px of ${window.innerHeight})`,
        );
    }
  }
  return problems;
}

/** Two animation frames: the layout after a resize, and whatever it set off (charts redraw on resize). */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

interface Run {
  page: Page;
  language: 'en' | 'fi';
  problems: string[];
}

/** The screen as it is now, at each size: checked, and saved for a person to look at. */
async function atEverySize(run: Run, name: string, options: { dialog?: boolean } = {}): Promise<void> {
  for (const size of SIZES) {
    await run.page.setViewportSize(size);
    await settle(run.page);
    await run.page.waitForTimeout(60);
    const found = await run.page.evaluate(findLayoutProblems, {
      containers: CONTAINERS,
      dialogButton: options.dialog === true,
    });
    run.problems.push(
      ...[...new Set(found)].map((p) => `[${run.language} ${name} ${size.width}×${size.height}] ${p}`),
    );
    await screenshot(run.page, `layout/${run.language}-${name}-${size.width}`);
  }
  await run.page.setViewportSize(SIZES[1]);
}

/** Adds a bulleted list whose items carry the clock's times, as notes typed during a call have. */
function addTimedList(ws: TestWorkspace, interviewId: string, items: string[]): void {
  const notes = ws.call('getInterview', { id: interviewId }).notes;
  const list: DocNode = {
    type: 'bulletList',
    content: items.map((text, index) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', attrs: { ts: 600 + index * 75 }, content: [{ type: 'text', text }] }],
    })),
  };
  const content = [...(notes.doc.content ?? [])];
  content.splice(Math.min(2, content.length), 0, list);
  ws.saveNotes({ interviewId, doc: { ...notes.doc, content } });
}

describe('layout at 1024×700, 1280×800 and 1920×1080 in Chromium', () => {
  for (const language of ['en', 'fi'] as const) {
    test(`no screen or dialog spills out of its card or the window (${language} UI)`, async () => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url());
      const { page, ws } = app;
      const run: Run = { page, language, problems: [] };
      const base = chromium.url();
      try {
        ws.call('updateSettings', { language });
        await page.reload();
        await page.getByRole('heading', { name: s.firstRun.title }).waitFor();
        await atEverySize(run, 'first-run');
        await page.getByRole('button', { name: s.firstRun.empty }).click();
        await page.getByRole('dialog', { name: s.engagements.new }).waitFor();
        await atEverySize(run, 'new-engagement', { dialog: true });
        await page.keyboard.press('Escape');

        ws.call('createDemo', {});
        await page.reload();
        await page.getByRole('heading', { name: s.engagements.title }).waitFor();
        await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(1);
        await atEverySize(run, 'engagements');

        // Each UI language with the demo engagement written in it.
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const id = engagement.id;
        await page.goto(`${base}#/engagement/${id}/interviews`);
        await expect.poll(() => page.locator('.table tbody tr').count()).toBeGreaterThan(3);
        await atEverySize(run, 'interviews');
        await page.getByRole('button', { name: `+ ${s.interviews.new}` }).click();
        await page.getByRole('dialog', { name: s.interviews.new }).waitFor();
        await atEverySize(run, 'new-interview', { dialog: true });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: actOn(s, s.app.edit, engagement.title), exact: true }).click();
        await page.getByRole('dialog', { name: s.engagement.edit }).waitFor();
        await atEverySize(run, 'edit-engagement', { dialog: true });
        await page.keyboard.press('Escape');

        await page.goto(`${base}#/engagement/${id}/accounts`);
        await expect.poll(() => page.locator('.account').count()).toBeGreaterThan(3);
        await atEverySize(run, 'accounts');
        const account = page.locator('.account').first();
        await account.getByRole('button', { name: `+ ${s.person.new}` }).click();
        await page.getByRole('dialog', { name: s.person.new }).waitFor();
        await atEverySize(run, 'new-person', { dialog: true });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: `+ ${s.account.new}` }).click();
        await page.getByRole('dialog', { name: s.account.new }).waitFor();
        await atEverySize(run, 'new-account', { dialog: true });
        await page.keyboard.press('Escape');

        const person = account.locator('.people li').first();
        const personName = (await person.locator('.person-name').textContent()) ?? '';
        await person.getByRole('button', { name: s.person.more }).click();
        await person.getByRole('menuitem', { name: s.privacy.eraseMenu }).waitFor();
        await atEverySize(run, 'person-menu');
        // Escape closes the menu and gives the focus back to its button.
        await page.keyboard.press('Escape');
        await expect.poll(() => person.getByRole('menu').count()).toBe(0);
        expect(
          await person
            .getByRole('button', { name: s.person.more })
            .evaluate((el) => el === document.activeElement),
        ).toBe(true);
        await person.getByRole('button', { name: s.person.more }).click();
        await person.getByRole('menuitem', { name: s.privacy.eraseMenu }).click();
        const erase = page.getByRole('dialog', {
          name: s.privacy.eraseTitle.replace('{{name}}', personName),
        });
        await erase.locator('.erase-preview-count, .erase-preview .muted:not(.small)').first().waitFor();
        await atEverySize(run, 'erase', { dialog: true });
        await page.keyboard.press('Escape');
        await person.getByRole('button', { name: actOn(s, s.app.delete, personName), exact: true }).click();
        const confirm = page.getByRole('dialog').getByRole('button', { name: s.delete.confirm, exact: true });
        await confirm.waitFor();
        await expect.poll(() => confirm.isEnabled()).toBe(true);
        await atEverySize(run, 'delete-person', { dialog: true });
        await page.keyboard.press('Escape');

        await page.goto(`${base}#/codebook/${id}`);
        await expect.poll(() => page.locator('.code-row').count()).toBeGreaterThan(10);
        await atEverySize(run, 'codebook');

        await page.goto(`${base}#/analysis/${id}`);
        await expect.poll(() => page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(4);
        await atEverySize(run, 'analysis');

        await page.goto(`${base}#/findings/${id}`);
        await expect.poll(() => page.locator('.finding').count()).toBeGreaterThan(1);
        await atEverySize(run, 'findings');
        await page.getByRole('button', { name: s.findings.export }).click();
        const exportDialog = page.getByRole('dialog', { name: s.export.title });
        await expect.poll(() => exportDialog.locator('.review-item').count()).toBeGreaterThan(0);
        await atEverySize(run, 'export', { dialog: true });
        await page.keyboard.press('Escape');

        await page.goto(`${base}#/quotes/${id}`);
        await page.locator('.code-checks input[type="checkbox"]').first().check();
        await expect.poll(() => page.locator('.quote-card').count()).toBeGreaterThan(0);
        await atEverySize(run, 'quotes');

        await page.goto(`${base}#/portfolio`);
        await expect
          .poll(() => page.locator('[data-testid="portfolio"] tbody tr').count())
          .toBeGreaterThan(10);
        await atEverySize(run, 'portfolio');

        // The interview with the most codings, with a timed list added to its notes.
        const interviews = ws.call('listInterviews', { engagementId: id });
        const coded = interviews
          .map((i) => ({ id: i.id, codings: ws.call('listCodings', { interviewId: i.id }).length }))
          .sort((a, b) => b.codings - a.codings)[0]!;
        expect(coded.codings).toBeGreaterThan(2);
        addTimedList(ws, coded.id, [
          language === 'fi' ? 'Laskutus myöhässä kolme kertaa' : 'Invoices late three times',
          language === 'fi' ? 'Yhteyshenkilö vaihtui keväällä' : 'Contact person changed in spring',
        ]);
        await page.goto(`${base}#/interview/${coded.id}`);
        await expect.poll(() => page.locator('.notes-editor .coding').count()).toBeGreaterThan(2);
        await expect.poll(() => page.locator('.notes-editor li p[data-ts]').count()).toBe(2);
        await atEverySize(run, 'interview-codings');
        // The code picker, opened from the toolbar and closed without coding anything.
        await page.locator('.toolbar .code-tool').click();
        await page.getByRole('dialog', { name: s.coding.pickerTitle }).waitFor();
        await atEverySize(run, 'code-picker');
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        await page.getByRole('tab', { name: s.coding.interviewTab }).click();
        await page.getByRole('group', { name: s.interview.nps }).waitFor();
        await atEverySize(run, 'interview-details');

        await page.keyboard.press('Control+,');
        await page.getByRole('dialog', { name: s.app.settings }).waitFor();
        await atEverySize(run, 'settings');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+/');
        await page.getByRole('dialog').waitFor();
        await atEverySize(run, 'shortcuts');
        await page.keyboard.press('Escape');

        // The Trash with a deleted interview and a merge of codes (long names in both languages).
        const codes = ws.call('getCodebook', { engagementId: id }).filter((c) => !c.isGroup && !c.retired);
        ws.call('mergeCodes', { sourceId: codes[0]!.id, targetId: codes[1]!.id });
        ws.call('deleteInterview', { id: coded.id });
        await page.goto(`${base}#/trash`);
        await expect.poll(() => page.getByTestId('trash-item').count()).toBe(2);
        await atEverySize(run, 'trash');
        await page.getByRole('button', { name: s.trash.emptyAll }).click();
        await page.getByRole('dialog', { name: s.trash.confirmEmpty }).waitFor();
        await atEverySize(run, 'trash-empty', { dialog: true });
        await page.keyboard.press('Escape');

        expect(run.problems).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
