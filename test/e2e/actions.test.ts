import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { auditPage, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** A study with a finding to act on, a flagged follow-up, and an action carried from last year's wave. */
function programme(ws: TestWorkspace, language: 'fi' | 'en') {
  const make = (title: string) => {
    const engagement = ws.call('createEngagement', { clientName: 'Huoltovoima Oy', title, language });
    const account = ws.call('createAccount', {
      engagementId: engagement.id,
      name: 'Satamarakenne Oy',
      tier: 'key',
    });
    const person = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Leena Virta',
      roleLevel: 'strategic',
    });
    const interview = ws.call('createInterview', {
      engagementId: engagement.id,
      accountId: account.id,
      intervieweeIds: [person.id],
      status: 'done',
      mode: 'onsite',
      date: '2025-10-14',
    });
    return { engagement, account, interview };
  };
  const earlier = make(language === 'fi' ? 'Asiakaskuuntelu 2024' : 'Customer listening 2024');
  const now = make(language === 'fi' ? 'Asiakaskuuntelu 2025' : 'Customer listening 2025');
  const promise =
    language === 'fi'
      ? 'Lupasin, että huoltopäällikkö soittaa varaosien toimitusajoista.'
      : 'I promised the service manager would call about spare part lead times.';
  ws.saveNotes({
    interviewId: now.interview.id,
    doc: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: language === 'fi' ? 'Yleistä.' : 'General.' }] },
        { type: 'paragraph', attrs: { followUp: true }, content: [{ type: 'text', text: promise }] },
      ],
    },
  });
  const finding = ws.call('createFinding', {
    engagementId: now.engagement.id,
    title: language === 'fi' ? 'Huoltoikkunat venyvät' : 'Service windows overrun',
    priority: 'high',
    recommendation:
      language === 'fi'
        ? 'Sopikaa huoltoikkunat kvartaaleittain. Kertokaa viivästyksistä heti.'
        : 'Agree service windows each quarter. Tell customers about delays at once.',
  });
  const old = ws.call('createAction', {
    engagementId: earlier.engagement.id,
    title:
      language === 'fi'
        ? 'Nimetään jokaiselle avainasiakkaalle yhteyshenkilö'
        : 'Name a contact for every key account',
    owner: language === 'fi' ? 'palvelujohtaja' : 'service director',
    status: 'in_progress',
  });
  const carriedId = crypto.randomUUID();
  ws.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, title, owner, status, carried_from_id, sort_order, created_at, updated_at)
       VALUES (?, ?, 'recommendation', ?, ?, 'in_progress', ?, 0, '2025-09-01T00:00:00Z', '2025-09-01T00:00:00Z')`,
    )
    .run(carriedId, now.engagement.id, old.title, old.owner, old.id);
  // One overdue action, for the list across engagements.
  ws.call('createAction', {
    engagementId: earlier.engagement.id,
    title: language === 'fi' ? 'Päivitetään hinnasto' : 'Update the price list',
    owner: language === 'fi' ? 'myyntijohtaja' : 'sales director',
    dueDate: '2024-12-31',
  });
  return { engagementId: now.engagement.id, finding, promise, carriedId };
}

async function audit(page: Page) {
  const violations = await auditPage(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

for (const [language, locale, words] of [
  ['en', 'en-GB', en],
  ['fi', 'fi-FI', fi],
] as const) {
  describe(`the action register in Chromium (${language})`, () => {
    test('from a recommendation and a follow-up, a status by keyboard, a carried action reviewed, and the list across engagements', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      const a = words.actions;
      try {
        const { engagementId, finding, promise, carriedId } = programme(ws, language);

        // A finding's recommendation becomes an action; the finding lists it.
        await page.goto(`${chromium.url()}#/findings/${engagementId}`);
        const make = page.getByRole('button', {
          name: words.a11y.actOn
            .replace('{{action}}', a.fromRecommendation)
            .replace('{{name}}', finding.title),
        });
        await make.focus();
        await page.keyboard.press('Enter');
        const firstSentence = finding.recommendation.split('. ')[0]!;
        await expect.poll(() => page.locator('.finding-actions').innerText()).toContain(firstSentence);
        await audit(page);
        await screenshot(page, `actions-finding-${language}`);

        // The register: the new action, the carried one to review, the follow-up waiting.
        await page.goto(`${chromium.url()}#/engagement/${engagementId}/actions`);
        const register = page.getByTestId('action-register');
        await expect.poll(() => register.innerText()).toContain(firstSentence);
        expect(await register.innerText()).toContain(a.toReview);
        await expect.poll(() => page.getByTestId('follow-ups').innerText()).toContain(promise);
        await audit(page);
        await screenshot(page, `actions-register-${language}`);

        // The follow-up made an action, by keyboard: the dialog opens with a title to start from.
        await page.getByRole('button', { name: `${a.makeActionFor.replace('{{text}}', promise)}` }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await audit(page);
        await screenshot(page, `actions-follow-up-dialog-${language}`);
        await page.keyboard.press('Tab');
        await page.keyboard.type(language === 'fi' ? 'huoltopäällikkö' : 'service manager');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByText(a.followUpsEmpty).isVisible()).toBe(true);
        const made = ws
          .call('actionRegister', { engagementId })
          .actions.find((x) => x.source === 'follow_up')!;
        expect(made).toMatchObject({
          detail: promise,
          owner: language === 'fi' ? 'huoltopäällikkö' : 'service manager',
        });

        // A status changed from the keyboard: focus the row's select, arrow down.
        const fromRecommendation = ws
          .call('actionRegister', { engagementId })
          .actions.find((x) => x.findingId === finding.id)!;
        await page
          .getByRole('combobox', { name: a.statusOf.replace('{{title}}', fromRecommendation.title) })
          .focus();
        await page.keyboard.press('ArrowDown');
        await expect
          .poll(
            () =>
              ws.call('actionRegister', { engagementId }).actions.find((x) => x.id === fromRecommendation.id)!
                .status,
          )
          .toBe('in_progress');

        // The carried-over action reviewed: done, with a note.
        const carried = ws.call('actionRegister', { engagementId }).actions.find((x) => x.id === carriedId)!;
        await page.getByRole('button', { name: a.reviewNamed.replace('{{title}}', carried.title) }).click();
        await dialog.waitFor();
        await expect.poll(() => dialog.innerText()).toContain(carried.carriedFrom!.engagementTitle);
        await audit(page);
        await screenshot(page, `actions-review-${language}`);
        await dialog.getByRole('radio', { name: a.statuses.done }).check();
        await dialog
          .getByRole('textbox')
          .fill(language === 'fi' ? 'Yhteyshenkilöt nimettiin keväällä.' : 'Contacts named in spring.');
        await page.keyboard.press('Tab');
        await dialog.getByRole('button', { name: words.app.save }).click();
        await expect
          .poll(
            () =>
              ws.call('actionRegister', { engagementId }).actions.find((x) => x.id === carriedId)!.reviewedAt,
          )
          .not.toBeNull();
        expect(
          ws.call('actionRegister', { engagementId }).actions.find((x) => x.id === carriedId)!.status,
        ).toBe('done');
        await expect.poll(() => register.innerText()).not.toContain(a.toReview);
        await screenshot(page, `actions-register-after-${language}`);

        // Across engagements: the overdue action first, then the rest; each links to its engagement.
        // Reached from the engagement list.
        await page.goto(`${chromium.url()}#/`);
        await page.getByRole('link', { name: a.allTitle, exact: true }).click();
        const list = page.getByTestId('open-actions');
        await list.waitFor();
        const rows = await list.locator('tbody tr').allInnerTexts();
        expect(rows[0]).toContain(a.overdue);
        expect(rows[0]).toContain(language === 'fi' ? 'Päivitetään hinnasto' : 'Update the price list');
        // Done (the reviewed one) is not listed; the two still open of this wave are.
        expect(rows.join('\n')).not.toContain(carried.title);
        expect(rows.join('\n')).toContain(firstSentence);
        await audit(page);
        await screenshot(page, `actions-overview-${language}`);
        await list.getByRole('link').first().click();
        await expect.poll(() => page.url()).toMatch(/#\/engagement\/[^/]+\/actions$/);
      } finally {
        await app.close();
      }
    }, 120_000);
  });
}
