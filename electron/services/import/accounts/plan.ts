import type {
  AccountFieldName,
  AccountImportField,
  AccountImportPlan,
  CellValue,
  ColumnMapping,
  FieldChange,
  ImportedAccountFields,
  PlannedAccount,
  PlannedPerson,
  RowProblem,
  ValueReading,
} from '../../../../shared/accountImport.ts';
import type { Account, RoleLevel, Tier } from '../../../../shared/domain.ts';
import { foldForMatching } from '../../../../shared/identity/normalize.ts';
import {
  isEmail,
  type Reading,
  readImportance,
  readLifecycle,
  readMoney,
  readRoleLevel,
  readTier,
} from './values.ts';

/**
 * What an import would do, worked out without touching the workspace: rows grouped into accounts (a
 * row carries one account and at most one person; later rows of the same account add people), each
 * account and person matched against what the engagement already has, and every doubt about a row
 * said with its row number. Values not given are defaults that are stated, not guesses.
 */

export const DEFAULT_TIER: Tier = 'unmanaged';
export const DEFAULT_ROLE_LEVEL: RoleLevel = 'operational';
const MAX_NAME = 200;

export interface ExistingPerson {
  id: string;
  accountId: string;
  name: string;
  title: string;
  roleLevel?: RoleLevel;
  /** '' when not known. */
  email?: string;
}

export interface Existing {
  accounts: Account[];
  people: ExistingPerson[];
}

/**
 * Company forms, in the Nordic and Baltic countries and beyond, as words after folding: a list writes
 * "Fyrvik Paper AB (publ)" where the workspace has "Fyrvik Paper AB". Dotted forms ("S.p.A.", "B.V.")
 * and "A/S" come as single letters and are joined before looking them up.
 */
const SUFFIXES = new Set([
  'oy',
  'oyj',
  'ab',
  'abp',
  'publ',
  'ltd',
  'limited',
  'inc',
  'llc',
  'gmbh',
  'plc',
  'corp',
  'co',
  'ky',
  'tmi',
  'ry',
  'rf',
  'as',
  'asa',
  'aps',
  'ou',
  'sia',
  'uab',
  'srl',
  'spa',
  'ag',
  'sa',
  'bv',
  'nv',
]);

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-case letter-and-digit words without accents, split at anything else. */
const wordsOf = (name: string): string[] => foldForMatching(name).split(NOT_WORD).filter(Boolean);

/** How many words at one end of `words[start..end)` (the start, or else the end) make a company form. */
function suffixLength(words: string[], start: number, end: number, fromStart: boolean): number {
  const at = (i: number) => words[fromStart ? start + i : end - 1 - i] as string;
  if (SUFFIXES.has(at(0))) return 1;
  // "S.p.A." or "A/S": up to three single letters read as one word.
  let joined = '';
  for (let n = 1; n <= Math.min(3, end - start); n++) {
    const letter = at(n - 1);
    if (letter.length !== 1) return 0;
    joined = fromStart ? joined + letter : letter + joined;
    if (n > 1 && SUFFIXES.has(joined)) return n;
  }
  return 0;
}

/** "Oy Karl Fazer Ab", "Karl Fazer Oy", "karl  fazer" and "Kärl Fazer" are one company. */
export function accountKey(name: string): string {
  const words = wordsOf(name);
  let start = 0;
  let end = words.length;
  // A name that is only a company form is kept whole, not emptied.
  for (;;) {
    const n = suffixLength(words, start, end, false);
    if (!n || end - start <= n) break;
    end -= n;
  }
  for (;;) {
    const n = suffixLength(words, start, end, true);
    if (!n || end - start <= n) break;
    start += n;
  }
  return words.slice(start, end).join(' ');
}

/** "Virtanen, Matti", "Matti Virtanen", "matti  virtanen" and "Matti Virtänen" are one person. */
export function personKey(name: string): string {
  return wordsOf(name).sort().join(' ');
}

const NAME_PART = /^\p{L}[\p{L}'’.-]*(?: \p{L}[\p{L}'’.-]*){0,2}$/u;

/**
 * "Mäkinen, Sari" as people read it, "Sari Mäkinen", the way transcripts show speakers, so one person
 * is written one way. Only a cell of exactly two name-like parts around one comma is turned.
 */
export function contactName(text: string): string {
  const parts = text.split(',');
  if (parts.length !== 2) return text;
  const [last, first] = parts.map((p) => p.trim()) as [string, string];
  return NAME_PART.test(last) && NAME_PART.test(first) ? `${first} ${last}` : text;
}

type UnknownValue = Extract<RowProblem, { key: 'unknownValue' }>;
type BadRevenue = Extract<RowProblem, { key: 'badRevenue' }>;

const asText = (value: CellValue | undefined): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value.replace(/\s+/g, ' ').trim()
      : String(value);

function clip(text: string, field: AccountImportField, row: number, problems: RowProblem[]): string {
  if ([...text].length <= MAX_NAME) return text;
  problems.push({ row, key: 'tooLong', skipped: false, params: { field } });
  return [...text].slice(0, MAX_NAME).join('');
}

export function buildPlan(
  rows: { number: number; cells: CellValue[] }[],
  mapping: ColumnMapping,
  existing: Existing,
): AccountImportPlan {
  const problems: RowProblem[] = [];
  const readings = new Map<string, ValueReading>();
  const columnsOf = (field: AccountImportField) => mapping.flatMap((f, i) => (f === field ? [i] : []));
  const columns = Object.fromEntries(
    (
      ['name', 'tier', 'importance', 'lifecycle', 'revenue', 'person', 'title', 'roleLevel', 'email'] as const
    ).map((f) => [f, columnsOf(f)]),
  ) as Record<AccountImportField, number[]>;
  const first = (cells: CellValue[], field: AccountImportField): CellValue =>
    columns[field].map((i) => cells[i] ?? null).find((v) => asText(v) !== '') ?? null;

  const existingByKey = new Map<string, Account>();
  for (const a of existing.accounts)
    if (!existingByKey.has(accountKey(a.name))) existingByKey.set(accountKey(a.name), a);
  // Keys worked out once per person, not once per comparison: a 5,000-row list compares a lot.
  const peopleByAccount = new Map<string, { person: ExistingPerson; key: string }[]>();
  for (const person of existing.people) {
    const entry = { person, key: personKey(person.name) };
    const list = peopleByAccount.get(person.accountId);
    if (list) list.push(entry);
    else peopleByAccount.set(person.accountId, [entry]);
  }
  const plannedKeys = new Map<PlannedAccount, Set<string>>();

  const accounts = new Map<string, PlannedAccount>();
  /** Which fields of a planned account came from the file (a later row may only repeat them). */
  const given = new Map<PlannedAccount, Set<AccountFieldName>>();
  const emails = new Set<string>();
  /** Unknown values of this row: what is used instead is only known once the row's account is. */
  let unknowns: UnknownValue[] = [];
  const accountUnknowns = new Map<PlannedAccount, UnknownValue[]>();
  /** Likewise sums that are not money: the account's own value (stored or from another row) decides. */
  const badRevenues = new Map<PlannedAccount, BadRevenue[]>();

  function read<T extends string>(
    row: number,
    field: 'tier' | 'importance' | 'lifecycle' | 'roleLevel',
    reader: (raw: string) => Reading<T>,
    fallback: T | null,
    cells: CellValue[],
  ): T | null | undefined {
    const raw = asText(first(cells, field));
    const reading = reader(raw);
    if (reading.kind === 'empty') return undefined;
    if (reading.kind === 'unknown') {
      const problem: UnknownValue = {
        row,
        key: 'unknownValue',
        skipped: false,
        params: { field, value: raw, used: fallback },
      };
      problems.push(problem);
      unknowns.push(problem);
      return undefined;
    }
    if (!reading.exact) {
      const key = `${field}\u0000${raw}`;
      const seen = readings.get(key);
      if (seen) seen.rows++;
      else readings.set(key, { field, value: raw, as: reading.value, rows: 1 });
    }
    return reading.value;
  }

  for (const { number: row, cells } of rows) {
    unknowns = [];
    const accountName = clip(asText(first(cells, 'name')), 'name', row, problems);
    const personName = clip(
      contactName(
        columns.person
          .map((i) => asText(cells[i] ?? null))
          .filter(Boolean)
          .join(' '),
      ),
      'person',
      row,
      problems,
    );
    if (!accountName) {
      problems.push({ row, key: 'noAccountName', skipped: true, params: {} });
      continue;
    }
    const incoming: Partial<ImportedAccountFields> = {};
    const tier = read(row, 'tier', readTier, DEFAULT_TIER, cells);
    if (tier) incoming.tier = tier;
    const importance = read(row, 'importance', readImportance, null, cells);
    if (importance) incoming.importance = importance;
    const lifecycle = read(row, 'lifecycle', readLifecycle, null, cells);
    if (lifecycle) incoming.lifecycle = lifecycle;
    const money = first(cells, 'revenue');
    let badRevenue: BadRevenue | null = null;
    if (money !== null) {
      const reading = readMoney(money);
      if (reading.kind === 'value' && reading.value >= 0 && reading.value <= 1e13)
        incoming.revenue = Math.round(reading.value);
      else if (reading.kind !== 'empty') {
        badRevenue = { row, key: 'badRevenue', skipped: false, params: { value: asText(money), used: null } };
        problems.push(badRevenue);
      }
    }

    const key = accountKey(accountName);
    let account = accounts.get(key);
    if (!account) {
      const match = existingByKey.get(key);
      account = {
        row,
        name: accountName,
        action: match ? 'match' : 'create',
        existingId: match?.id ?? null,
        existingName: match?.name ?? null,
        fields: { tier: DEFAULT_TIER, importance: null, lifecycle: null, revenue: null },
        fills: [],
        kept: [],
        people: [],
      };
      accounts.set(key, account);
      given.set(account, new Set());
    }
    const fieldsGiven = given.get(account) as Set<AccountFieldName>;
    const ofAccount = unknowns.filter((u) => u.params.field !== 'roleLevel');
    if (ofAccount.length)
      accountUnknowns.set(account, [...(accountUnknowns.get(account) ?? []), ...ofAccount]);
    if (badRevenue) badRevenues.set(account, [...(badRevenues.get(account) ?? []), badRevenue]);
    for (const field of ['tier', 'importance', 'lifecycle', 'revenue'] as const) {
      const value = incoming[field];
      if (value === undefined) continue;
      if (!fieldsGiven.has(field)) {
        (account.fields as unknown as Record<string, unknown>)[field] = value;
        fieldsGiven.add(field);
      } else if (account.fields[field] !== value) {
        problems.push({
          row,
          key: 'differsInFile',
          skipped: false,
          params: { field, value: String(value), kept: String(account.fields[field]) },
        });
      }
    }

    if (!personName) continue;
    const title = clip(asText(first(cells, 'title')), 'title', row, problems);
    const roleLevel = read(row, 'roleLevel', readRoleLevel, DEFAULT_ROLE_LEVEL, cells) ?? DEFAULT_ROLE_LEVEL;
    let email: string | null =
      asText(first(cells, 'email'))
        .replace(/^mailto:/i, '')
        .toLowerCase() || null;
    if (email && !isEmail(email)) {
      problems.push({ row, key: 'badEmail', skipped: false, params: { value: email } });
      email = null;
    }
    const person: PlannedPerson = {
      row,
      name: personName,
      title,
      roleLevel,
      email,
      action: 'create',
      existingId: null,
      fills: [],
      kept: [],
    };
    const pKey = personKey(personName);
    const keys = plannedKeys.get(account) ?? new Set<string>();
    plannedKeys.set(account, keys);
    const repeat = keys.has(pKey) || (email !== null && emails.has(email));
    keys.add(pKey);
    if (email) emails.add(email);
    const roleUnknown = unknowns.find((u) => u.params.field === 'roleLevel');
    if (repeat) {
      person.action = 'skip';
    } else if (account.existingId) {
      // The same person by name, or by address under another spelling of the name ("Matti" / "Matti J.").
      const theirs = peopleByAccount.get(account.existingId) ?? [];
      const stored = (
        theirs.find((p) => p.key === pKey) ??
        (email === null ? undefined : theirs.find((p) => p.person.email?.toLowerCase() === email))
      )?.person;
      if (stored) {
        person.action = 'match';
        person.existingId = stored.id;
        // A person already there keeps the role level stored for them.
        if (roleUnknown && stored.roleLevel)
          roleUnknown.params = { ...roleUnknown.params, used: stored.roleLevel, stored: true };
        if (title && !stored.title) person.fills.push({ field: 'title', from: null, to: title });
        else if (title && stored.title !== title)
          person.kept.push({ field: 'title', from: stored.title, to: title });
        if (email && !stored.email) person.fills.push({ field: 'email', from: null, to: email });
        else if (email && stored.email?.toLowerCase() !== email)
          person.kept.push({ field: 'email', from: stored.email ?? null, to: email });
      }
    }
    account.people.push(person);
  }

  const existingById = new Map(existing.accounts.map((a) => [a.id, a]));
  for (const account of accounts.values()) {
    if (account.action !== 'match') {
      // Another row of the account may give the value; else the default stands.
      for (const problem of accountUnknowns.get(account) ?? [])
        problem.params.used = account.fields[problem.params.field as 'tier' | 'importance' | 'lifecycle'];
      for (const problem of badRevenues.get(account) ?? []) problem.params.used = account.fields.revenue;
      continue;
    }
    const stored = existingById.get(account.existingId as string) as Account;
    // An unknown value leaves a stored one as it is: say that, not the default a new account gets.
    for (const problem of accountUnknowns.get(account) ?? []) {
      const field = problem.params.field as 'tier' | 'importance' | 'lifecycle';
      const value = stored[field] ?? (given.get(account)?.has(field) ? account.fields[field] : null);
      problem.params = {
        ...problem.params,
        used: value,
        ...(stored[field] !== null ? { stored: true } : {}),
      };
    }
    // A sum that is not money leaves a stored one as it is; an empty one another row may fill.
    for (const problem of badRevenues.get(account) ?? []) {
      const value = stored.revenue ?? (given.get(account)?.has('revenue') ? account.fields.revenue : null);
      problem.params = {
        ...problem.params,
        used: value,
        ...(stored.revenue !== null ? { stored: true } : {}),
      };
    }
    for (const field of given.get(account) ?? []) {
      const to = account.fields[field] as string | number;
      const from = stored[field];
      if (from === null) account.fills.push({ field, from, to });
      else if (from !== to) account.kept.push({ field, from, to } satisfies FieldChange);
    }
  }

  const list = [...accounts.values()];
  const people = list.flatMap((a) => a.people);
  return {
    accounts: list,
    problems: problems.sort((a, b) => a.row - b.row),
    readings: [...readings.values()],
    totals: {
      rows: rows.length,
      accountsNew: list.filter((a) => a.action === 'create').length,
      accountsMatched: list.filter((a) => a.action === 'match').length,
      accountsFilled: list.filter((a) => a.fills.length).length,
      peopleNew: people.filter((p) => p.action === 'create').length,
      peopleMatched: people.filter((p) => p.action === 'match').length,
      peopleSkipped: people.filter((p) => p.action === 'skip').length,
      rowsSkipped: problems.filter((p) => p.skipped).length,
      warnings: problems.filter((p) => !p.skipped).length,
    },
  };
}
