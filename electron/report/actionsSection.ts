import type { Action, ActionSource, ActionStatus } from '../../shared/actions.ts';
import type { Language, Priority } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import { listActions } from '../services/actions.ts';
import type { ServiceContext } from '../services/context.ts';
import type { ReportData } from './load.ts';
import type { Table } from './sheets.ts';
import type { ReportBlock } from './types.ts';

/**
 * The action register in the report (issue 18): the actions of each recommendation under the
 * recommendations table, the previous wave's actions as reviewed in this one, and every action as a
 * workbook sheet. Every text of an action (title, detail, owner, review note) is masked by the report's
 * one anonymiser: an owner is usually client staff, but the engine decides.
 */

export interface ActionLine {
  /** The finding's title, masked; null for an action of no finding. */
  finding: string | null;
  title: string;
  detail: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  source: ActionSource;
  /** The account's label at the report's level. */
  account: string | null;
  carriedFrom: string | null;
}

export interface PreviousWaveLine {
  title: string;
  owner: string;
  before: ActionStatus;
  /** Null while this wave has not reviewed it yet. */
  now: ActionStatus | null;
  note: string;
}

export interface ActionsContent {
  /** This wave's own actions (not those carried in), by recommendation in the report's order, then the rest. */
  current: ActionLine[];
  /** Carried-over actions: reviewed in this wave, or still to review (never left out of the report). */
  previous: { engagement: string; rows: PreviousWaveLine[] } | null;
  /** Every action of the engagement (the workbook's sheet). */
  all: ActionLine[];
}

const PRIORITY_ORDER: Priority[] = ['high', 'medium', 'low'];

export function actionsContent(ctx: ServiceContext, engagementId: string, d: ReportData): ActionsContent {
  const { anon, r } = d;
  const actions = listActions(ctx, engagementId);
  const findingOrder = [...d.findings].sort(
    (a, b) =>
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.sortOrder - b.sortOrder,
  );
  const findingIndex = new Map(findingOrder.map((f, i) => [f.id, i]));
  const findingAt = (id: string) =>
    d.f.fill(r.where.finding, { n: d.findings.findIndex((f) => f.id === id) + 1 });
  const where = r.sections.recommendations;
  const line = (a: Action): ActionLine => {
    const at = a.findingId ? findingAt(a.findingId) : where;
    return {
      finding: a.findingId && a.findingTitle ? anon.mask(a.findingTitle, at) : null,
      title: anon.mask(a.title, at),
      detail: a.detail ? anon.mask(a.detail, at) : '',
      owner: a.owner ? anon.mask(a.owner, at) : '',
      dueDate: a.dueDate,
      status: a.status,
      source: a.source,
      account: a.accountId ? anon.account(a.accountId) : null,
      carriedFrom: a.carriedFrom ? anon.mask(a.carriedFrom.engagementTitle, where) : null,
    };
  };
  const rank = (a: Action) =>
    a.findingId ? (findingIndex.get(a.findingId) ?? findingOrder.length) : findingOrder.length + 1;
  const own = actions
    .filter((a) => !a.carriedFromId)
    .sort((a, b) => rank(a) - rank(b) || a.sortOrder - b.sortOrder);
  const carried = actions.filter((a) => a.carriedFrom);
  return {
    current: own.map(line),
    previous: carried.length
      ? {
          engagement: anon.mask(carried[0]!.carriedFrom!.engagementTitle, where),
          rows: carried.map((a) => ({
            title: anon.mask(a.title, where),
            owner: a.owner ? anon.mask(a.owner, where) : '',
            before: a.carriedFrom!.status,
            now: a.reviewedAt ? a.status : null,
            note: a.reviewNote ? anon.mask(a.reviewNote, where) : '',
          })),
        }
      : null,
    all: actions.map(line),
  };
}

/** The Word blocks under the recommendations table: this wave's actions, then the previous wave's. */
export function actionBlocks(content: ActionsContent | null | undefined, language: Language): ReportBlock[] {
  if (!content) return [];
  const t = resources[language].translation;
  const a = t.actions;
  const f = formatter(language);
  const due = (iso: string | null) => (iso ? f.date(iso, 'short') : '–');
  const blocks: ReportBlock[] = [];
  if (content.current.length) {
    // The recommendation is named on its first action only: the rows below it read as its sub-rows.
    let previous: string | null | undefined;
    const rows = content.current.map((line) => {
      const group = line.finding ?? a.report.other;
      const first = group !== previous;
      previous = group;
      return [first ? group : '', line.title, line.owner || '–', due(line.dueDate), a.statuses[line.status]];
    });
    blocks.push(
      { kind: 'paragraph', text: a.report.lead },
      {
        kind: 'table',
        caption: a.report.table,
        header: [
          a.report.recommendation,
          a.fields.title,
          a.fields.ownerShort,
          a.fields.dueDate,
          a.fields.status,
        ],
        widths: [22, 28, 20, 16, 14],
        rows,
      },
    );
  }
  if (content.previous) {
    blocks.push(
      { kind: 'paragraph', text: f.fill(a.report.previousLead, { engagement: content.previous.engagement }) },
      {
        kind: 'table',
        caption: a.report.previousTable,
        header: [a.fields.title, a.fields.ownerShort, a.report.before, a.report.now, a.report.note],
        widths: [27, 20, 13, 13, 27],
        rows: content.previous.rows.map((row) => [
          row.title,
          row.owner || '–',
          a.statuses[row.before],
          row.now ? a.statuses[row.now] : a.toReview,
          row.note,
        ]),
      },
    );
  }
  return blocks;
}

/** The workbook's Actions sheet: every action of the engagement, anonymised as the report is. */
export function actionsTable(content: ActionsContent, language: Language): Table<ActionLine> {
  const t = resources[language].translation;
  const a = t.actions;
  return {
    name: a.report.sheet,
    rows: content.all,
    columns: [
      { header: a.fields.title, kind: 'longText', value: (r) => r.title, width: 40 },
      { header: a.fields.detail, kind: 'longText', value: (r) => r.detail || null, width: 40 },
      { header: a.fields.finding, kind: 'longText', value: (r) => r.finding, width: 30 },
      { header: a.fields.account, kind: 'text', value: (r) => r.account },
      { header: a.fields.ownerShort, kind: 'text', value: (r) => r.owner || null },
      { header: a.fields.dueDate, kind: 'date', value: (r) => r.dueDate },
      { header: a.fields.status, kind: 'text', value: (r) => a.statuses[r.status] },
      { header: a.fields.source, kind: 'text', value: (r) => a.sources[r.source] },
      { header: a.report.carriedFrom, kind: 'text', value: (r) => r.carriedFrom },
    ],
  };
}
