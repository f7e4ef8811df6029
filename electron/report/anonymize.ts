import { createHash } from 'node:crypto';
import type { AccountWithPeople, Language, Tier } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { FoundSpan, IdentityMatcher } from '../../shared/identity/detect.ts';
import { normalizeName } from '../../shared/identity/normalize.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';
import { type Decision, decisionKey } from '../services/identities.ts';

export interface Anonymizer {
  level: AnonymizationLevel;
  account: (accountId: string) => string;
  /** How a quote is attributed: a label such as "decision-maker, key account", or the person's name. */
  person: (personId: string) => string;
  /** The text with everything that identifies someone replaced; `where` names the place for the review. */
  mask: (text: string, where?: string) => string;
  /** Texts of candidates and identifiers that were masked: the leak check looks for them in the output. */
  masked: Set<string>;
  /** Ids of register entries that must not appear in the output. */
  hidden: (entry: RegisterEntry) => boolean;
}

export interface AnonymizerInput {
  level: AnonymizationLevel;
  language: Language;
  engagementId: string;
  clientName: string;
  accounts: readonly AccountWithPeople[];
  register: readonly RegisterEntry[];
  matcher: IdentityMatcher;
  decisions: readonly Decision[];
  /** Words to print as they are (the CLI's --keep). */
  keep?: readonly string[];
  /** Lower-case words of the engagement's material (see `engagementVocabulary`). */
  ordinary: ReadonlySet<string>;
  /** Names met mid-sentence in the material (see `engagementVocabulary`). */
  learned?: IdentityMatcher;
  /** Called for every span found, with what it became (null: kept). */
  onSpan?: (span: FoundSpan, replacement: string | null, text: string, where: string) => void;
}

const TIERS: Tier[] = ['key', 'named', 'unmanaged'];
const letter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : `${letter(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/**
 * Account letters per tier in an order that is random but stable for the engagement: alphabetical
 * letters would let a reader who knows the customers work out who "Key account A" is.
 */
export function accountLabels(
  engagementId: string,
  accounts: readonly AccountWithPeople[],
  language: Language,
): Map<string, string> {
  const r = resources[language].translation.report;
  const rank = (id: string) => createHash('sha256').update(`${engagementId}:${id}`).digest('hex');
  const labels = new Map<string, string>();
  for (const tier of TIERS) {
    accounts
      .filter((a) => a.tier === tier)
      .map((a) => ({ id: a.id, rank: rank(a.id) }))
      .sort((a, b) => a.rank.localeCompare(b.rank))
      .forEach((a, index) => {
        labels.set(a.id, `${r.accountLabel[tier]} ${letter(index)}`);
      });
  }
  return labels;
}

/**
 * Labels and masking for one report, from the engagement's identity register. A person becomes their
 * report label or a role phrase, an organisation its account label, an e-mail address "[e-mail]" —
 * always the whole word, ending included, never a fragment inside a word.
 */
export function createAnonymizer(input: AnonymizerInput): Anonymizer {
  const { level, language, accounts, register, decisions } = input;
  const r = resources[language].translation.report;
  const labels = accountLabels(input.engagementId, accounts, language);
  const people = new Map(
    accounts.flatMap((a) => a.interviewees.map((p) => [p.id, { ...p, account: a }] as const)),
  );
  const entries = new Map(register.map((e) => [e.id, e]));
  const decided = new Map(decisions.map((d) => [d.key, d]));
  const kept = new Set((input.keep ?? []).map((k) => normalizeName(k)));
  const masked = new Set<string>();

  const namesHidden = (text: string): boolean =>
    input.matcher.find(text, { candidates: false }).some(
      (span) =>
        span.kind !== 'identity' ||
        span.identityIds.some((id) => {
          const entry = entries.get(id);
          return !!entry && hidden(entry);
        }),
    );
  const account = (id: string): string =>
    level === 'accounts' ? (labels.get(id) ?? '—') : (accounts.find((a) => a.id === id)?.name ?? '—');
  const person = (id: string): string => {
    const p = people.get(id);
    if (!p) return '—';
    if (level === 'none') return [p.name, p.title, p.account.name].filter(Boolean).join(', ');
    // A label the consultant typed is used unless it names someone the report hides ("Seppo K., CEO").
    if (p.anonLabel && !namesHidden(p.anonLabel) && !hasInitialsOf(p.anonLabel, p.name)) return p.anonLabel;
    const role = r.roles[p.roleLevel];
    // With company names shown, an account letter next to a role would point to one person.
    return level === 'people'
      ? fill(r.labelPersonTier, {
          role,
          tier: resources[language].translation.account.tiers[p.account.tier].toLocaleLowerCase(language),
        })
      : fill(r.labelPerson, { account: labels.get(p.account.id) ?? '', role });
  };

  /** Whether the report hides this entry at this level (unless the consultant kept it). */
  const hidden = (entry: RegisterEntry): boolean => {
    if (level === 'none') return false;
    const decision = decided.get(entry.id);
    if (decision?.action === 'keep' || entry.names.some((n) => kept.has(n))) return false;
    if (decision?.action === 'mask') return true;
    if (entry.role === 'client') return false;
    return entry.kind === 'person' || level === 'accounts';
  };
  const entryMask = (entry: RegisterEntry): string => {
    switch (entry.role) {
      case 'interviewee':
        return `[${person(entry.id)}]`;
      case 'account':
        return labels.has(entry.id) ? `[${labels.get(entry.id)}]` : r.masks.org;
      case 'contact':
        return fill(r.masks.contact, { client: input.clientName });
      case 'interviewer':
        return r.masks.interviewer;
      case 'client':
      case 'mentioned':
        return entry.kind === 'org' ? r.masks.org : r.masks.person;
    }
  };

  const replacement = (span: FoundSpan): string | null => {
    if (kept.has(span.normalized)) return null;
    switch (span.kind) {
      case 'email':
      case 'phone':
      case 'personalId':
      case 'url':
        return decided.get(span.normalized)?.action === 'keep' ? null : r.masks[span.kind];
      case 'identity': {
        const found = span.identityIds.map((id) => entries.get(id)).filter((e): e is RegisterEntry => !!e);
        const hiddenOnes = found.filter(hidden);
        if (!hiddenOnes.length) return null;
        // A first name two people share: a label would point at the wrong one.
        if (hiddenOnes.length > 1)
          return hiddenOnes.every((e) => e.kind === 'org') ? r.masks.org : r.masks.person;
        return entryMask(hiddenOnes[0]!);
      }
      case 'candidate': {
        const key = decisionKey(span.normalized);
        if (kept.has(key)) return null;
        const decision = decided.get(key);
        if (decision?.action === 'keep') return null;
        const linked =
          decision?.action === 'link' && decision.linkTo ? entries.get(decision.linkTo) : undefined;
        if (linked) return hidden(linked) ? entryMask(linked) : null;
        // Not decided yet: masked, to be safe.
        return span.guess === 'org' ? r.masks.org : r.masks.person;
      }
    }
  };

  const mask = (text: string, where = ''): string => {
    if (level === 'none' || !text) return text;
    const spans = input.matcher.find(text, {
      ordinary: input.ordinary,
      ...(input.learned ? { learned: input.learned } : {}),
    });
    let out = '';
    let at = 0;
    for (const span of spans) {
      const by = replacement(span);
      input.onSpan?.(span, by, text, where);
      if (by === null) continue;
      if (span.kind !== 'identity') masked.add(span.normalized);
      out += text.slice(at, span.start) + by;
      at = span.end;
    }
    return out + text.slice(at);
  };

  return { level, account, person, mask, masked, hidden };
}

/** Whether a label holds the person's initials ("RN, ostopäällikkö", "R.N.", "R. N." for Riikka Nieminen). */
export function hasInitialsOf(label: string, name: string): boolean {
  const initials = normalizeName(name)
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  if (initials.length < 2) return false;
  const squeezed = label.replace(/(\p{Lu})\.\s?(?=\p{Lu}\b|\p{Lu}\.)/gu, '$1').replace(/\./g, '');
  return new RegExp(`(?<![\\p{L}])${initials}(?![\\p{L}])`, 'u').test(squeezed);
}
