import type { AccountWithPeople, Language, Tier } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';
import { namePattern, wordsPattern } from '../services/names.ts';

export interface Anonymizer {
  level: AnonymizationLevel;
  account: (accountId: string) => string;
  /** How a quote is attributed: a label such as "Key account B, decision-maker", or the person's name. */
  person: (personId: string) => string;
  /** The text with every known name that must not appear replaced. */
  mask: (text: string) => string;
}

const TIERS: Tier[] = ['key', 'named', 'unmanaged'];
const LEGAL_SUFFIX = /\s+(oy|oyj|ab|ltd|limited|plc|gmbh|inc|as|a\/s|ky|tmi)\.?$/i;
const letter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : `${letter(Math.floor(index / 26) - 1)}${letter(index % 26)}`;

/**
 * Labels and masking for one report. Accounts get letters per tier ("Key account A"), stable for the
 * engagement; people are labelled by their account and role unless they have their own label.
 */
export function createAnonymizer(
  level: AnonymizationLevel,
  accounts: AccountWithPeople[],
  clientPeople: string[],
  language: Language,
): Anonymizer {
  const r = resources[language].translation.report;
  const labels = new Map<string, string>();
  for (const tier of TIERS) {
    accounts
      .filter((a) => a.tier === tier)
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((a, index) => {
        labels.set(a.id, `${r.accountLabel[tier]} ${letter(index)}`);
      });
  }
  const people = new Map(
    accounts.flatMap((a) => a.interviewees.map((p) => [p.id, { ...p, account: a }] as const)),
  );
  const accountName = (id: string): string =>
    level === 'accounts' ? (labels.get(id) ?? '—') : (accounts.find((a) => a.id === id)?.name ?? '—');

  // Each replacement has its own pattern: company names become their labels, people "[name]".
  const replacements: { pattern: RegExp; by: string }[] = [];
  if (level === 'accounts') {
    for (const account of accounts) {
      const bare = account.name.replace(LEGAL_SUFFIX, '').trim();
      const first = bare.split(/\s+/)[0] ?? '';
      const names = [account.name, bare, ...(first.length >= 4 && /^\p{Lu}/u.test(first) ? [first] : [])];
      const pattern = wordsPattern(names);
      replacements.push({ pattern, by: labels.get(account.id) ?? r.maskedName });
    }
  }
  if (level !== 'none') {
    const pattern = namePattern([...[...people.values()].map((p) => p.name), ...clientPeople]);
    if (pattern) replacements.push({ pattern, by: r.maskedName });
  }
  const mask = (text: string): string =>
    replacements.reduce((t, { pattern, by }) => t.replace(pattern, by), text);

  return {
    level,
    account: accountName,
    person: (id) => {
      const person = people.get(id);
      if (!person) return '—';
      if (level === 'none')
        return [person.name, person.title, person.account.name].filter(Boolean).join(', ');
      if (person.anonLabel) return person.anonLabel;
      return r.labelPerson
        .replace('{{account}}', labels.get(person.account.id) ?? '')
        .replace('{{role}}', r.roles[person.roleLevel]);
    },
    mask,
  };
}
