import type { AccountWithPeople, Language, Tier } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';

export interface Anonymizer {
  level: AnonymizationLevel;
  account: (accountId: string) => string;
  /** How a quote is attributed: a label such as "Key account B, decision-maker", or the person's name. */
  person: (personId: string) => string;
  /** The text with every known name that must not appear replaced. */
  mask: (text: string) => string;
}

const TIERS: Tier[] = ['key', 'named', 'unmanaged'];
const letter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : `${letter(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEGAL_SUFFIX = /\s+(oy|oyj|ab|ltd|limited|plc|gmbh|inc|as|a\/s|ky|tmi)\.?$/i;

/** A name's full form plus its distinctive parts (Finnish names inflect: "Stefan" also hides "Stefanin"). */
function nameForms(name: string): string[] {
  const full = name.trim();
  const parts = full.split(/\s+/).filter((p) => p.length >= 3 && /^\p{Lu}/u.test(p));
  return [full, ...parts];
}

function masker(forms: Map<string, string>): (text: string) => string {
  const keys = [...forms.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!keys.length) return (text) => text;
  // A form of four letters or more also hides its inflected forms (genitive, partitive…).
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${keys.map((k) => `${escapeRegExp(k)}${k.length >= 4 ? "[\\p{L}:'’]*" : ''}`).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const lower = new Map([...forms].map(([k, v]) => [k.toLocaleLowerCase(), v]));
  return (text) =>
    text.replace(pattern, (match) => {
      const key = keys.find((k) => match.toLocaleLowerCase().startsWith(k.toLocaleLowerCase()));
      return (key && lower.get(key.toLocaleLowerCase())) ?? match;
    });
}

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

  const forms = new Map<string, string>();
  if (level !== 'none') {
    for (const person of people.values())
      for (const form of nameForms(person.name)) forms.set(form, r.maskedName);
    for (const name of clientPeople) for (const form of nameForms(name)) forms.set(form, r.maskedName);
  }
  if (level === 'accounts') {
    for (const account of accounts) {
      const label = labels.get(account.id) ?? r.maskedName;
      const bare = account.name.replace(LEGAL_SUFFIX, '').trim();
      forms.set(account.name, label);
      forms.set(bare, label);
      const first = bare.split(/\s+/)[0] ?? '';
      if (first.length >= 4 && /^\p{Lu}/u.test(first)) forms.set(first, label);
    }
  }

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
    mask: masker(forms),
  };
}
