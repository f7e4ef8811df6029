import type { z } from 'zod';
import { LANGUAGES, type Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import { IdentityMatcher, type KnownIdentity } from '../../shared/identity/detect.ts';
import { guessBaseForm } from '../../shared/identity/finnish.ts';
import { normalizeName } from '../../shared/identity/normalize.ts';
import type { DecisionAction, Identity, IdentityKind, RegisterEntry } from '../../shared/identity/types.ts';
import type { IdentifierDecision, IdentityFields } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { statement } from './statements.ts';

/** The text an erased name is replaced with, in the language of the engagement whose text it replaces. */
export const erasedMarker = (language: Language): string =>
  resources[language].translation.privacy.erasedMarker;
/** Every language's marker: none is ever registered as a name. */
export const ERASED_MARKERS: readonly string[] = LANGUAGES.map(erasedMarker);
const isErased = (name: string): boolean => ERASED_MARKERS.includes(name);

type Fields = z.output<typeof IdentityFields>;

interface IdentityRow {
  id: string;
  engagementId: string;
  kind: IdentityKind;
  name: string;
  role: string;
  aliases: string;
  intervieweeId: string | null;
  accountId: string | null;
}

const SELECT = `SELECT id, engagement_id AS engagementId, kind, name, role, aliases, interviewee_id AS intervieweeId,
  account_id AS accountId FROM identities`;

const toIdentity = (row: IdentityRow): Identity => ({ ...row, aliases: JSON.parse(row.aliases) as string[] });

export function listIdentities({ db }: ServiceContext, engagementId: string): Identity[] {
  return (
    db.prepare(`${SELECT} WHERE engagement_id = ? ORDER BY name`).all(engagementId) as IdentityRow[]
  ).map(toIdentity);
}

function getIdentity({ db }: ServiceContext, id: string): Identity {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as IdentityRow | undefined;
  if (!row) throw notFound('identity');
  return toIdentity(row);
}

/** Links must point into the same engagement, or a mention could carry another study's person. */
function checkLinks({ db }: ServiceContext, engagementId: string, fields: Partial<Fields>): void {
  if (fields.intervieweeId) {
    const found = db
      .prepare(
        'SELECT 1 FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ? AND a.engagement_id = ?',
      )
      .get(fields.intervieweeId, engagementId);
    if (!found) throw new KuuloError('intervieweeNotInEngagement');
  }
  if (fields.accountId) {
    const found = db
      .prepare('SELECT 1 FROM accounts WHERE id = ? AND engagement_id = ?')
      .get(fields.accountId, engagementId);
    if (!found) throw new KuuloError('accountNotInEngagement');
  }
}

export function createIdentity(ctx: ServiceContext, engagementId: string, fields: Fields): Identity {
  getEngagement(ctx, engagementId);
  checkLinks(ctx, engagementId, fields);
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO identities (id, engagement_id, kind, name, role, aliases, interviewee_id, account_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      engagementId,
      fields.kind,
      normalizeName(fields.name),
      fields.role,
      JSON.stringify(fields.aliases.map(normalizeName)),
      fields.intervieweeId,
      fields.accountId,
      now,
      now,
    );
  return getIdentity(ctx, id);
}

export function updateIdentity(ctx: ServiceContext, id: string, patch: Partial<Fields>): Identity {
  const current = getIdentity(ctx, id);
  checkLinks(ctx, current.engagementId, patch);
  const next = { ...current, ...patch };
  ctx.db
    .prepare(
      `UPDATE identities SET kind = ?, name = ?, role = ?, aliases = ?, interviewee_id = ?, account_id = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      next.kind,
      normalizeName(next.name),
      next.role,
      JSON.stringify(next.aliases.map(normalizeName)),
      next.intervieweeId,
      next.accountId,
      ctx.now(),
      id,
    );
  return getIdentity(ctx, id);
}

/**
 * Re-derives an interview's mentions from its marks; called inside the notes save transaction. Only
 * marks of this engagement's people and organisations count: one pasted from another study, or of
 * someone unknown, stays in the text as a mark of nobody here (mark the name again to register it).
 */
export function syncMentions(
  { db }: ServiceContext,
  interviewId: string,
  mentions: readonly { id: string; start: number; end: number; text: string }[],
): void {
  statement(db, 'DELETE FROM mentions WHERE interview_id = ?').run(interviewId);
  const insert = statement(
    db,
    `INSERT INTO mentions (interview_id, identity_id, text, start, end)
     SELECT @interviewId, @id, @text, @start, @end FROM identities
     WHERE id = @id AND engagement_id = (SELECT engagement_id FROM interviews WHERE id = @interviewId)`,
  );
  for (const m of mentions) insert.run({ interviewId, id: m.id, text: m.text, start: m.start, end: m.end });
}

/** "Minna Laine & Jussi K." → both interviewers. */
const splitPeople = (field: string): string[] =>
  field
    .split(/\s*(?:[,;&/+]|\s(?:ja|and|och)\s)\s*/u)
    .map(normalizeName)
    .filter((n) => n && !isErased(n));

export const contactId = (name: string): string => `contact:${normalizeName(name).toLocaleLowerCase('fi')}`;
export const interviewerId = (name: string): string =>
  `interviewer:${normalizeName(name).toLocaleLowerCase('fi')}`;

/**
 * Everyone the engine knows in one engagement: the client, its customer accounts, interviewees,
 * the client's people in relationship maps, interviewers, people and organisations marked in notes
 * (with the words they were marked on) and names the consultant linked in the review.
 */
export function buildRegister(ctx: ServiceContext, engagementId: string): RegisterEntry[] {
  const { db } = ctx;
  const engagement = getEngagement(ctx, engagementId);
  const entries = new Map<string, RegisterEntry>();
  const add = (entry: Omit<RegisterEntry, 'names'>, names: string[] = [entry.name]) => {
    const existing = entries.get(entry.id);
    const clean = names.map(normalizeName).filter((n) => n && !isErased(n));
    if (existing) existing.names.push(...clean.filter((n) => !existing.names.includes(n)));
    else entries.set(entry.id, { ...entry, names: [...new Set(clean)] });
  };

  add({ id: engagementId, kind: 'org', role: 'client', name: engagement.clientName });
  const accounts = db
    .prepare('SELECT id, name FROM accounts WHERE engagement_id = ? ORDER BY name')
    .all(engagementId) as { id: string; name: string }[];
  for (const a of accounts) add({ id: a.id, kind: 'org', role: 'account', name: a.name });
  const people = db
    .prepare(
      `SELECT p.id, p.name FROM interviewees p JOIN accounts a ON a.id = p.account_id
       WHERE a.engagement_id = ? ORDER BY p.name`,
    )
    .all(engagementId) as { id: string; name: string }[];
  for (const p of people)
    if (!isErased(p.name)) add({ id: p.id, kind: 'person', role: 'interviewee', name: p.name });
  const contacts = db
    .prepare(
      `SELECT DISTINCT r.client_person FROM relationships r JOIN interviews i ON i.id = r.interview_id
       WHERE i.engagement_id = ?`,
    )
    .pluck()
    .all(engagementId) as string[];
  for (const c of contacts.flatMap(splitPeople))
    add({ id: contactId(c), kind: 'person', role: 'contact', name: c });
  const interviewers = db
    .prepare(`SELECT DISTINCT interviewer FROM interviews WHERE engagement_id = ? AND interviewer <> ''`)
    .pluck()
    .all(engagementId) as string[];
  for (const name of interviewers.flatMap(splitPeople)) {
    if (!entries.has(contactId(name)))
      add({ id: interviewerId(name), kind: 'person', role: 'interviewer', name });
  }

  // Marked people and organisations join the entry they are linked to, or stand on their own.
  const marked = db
    .prepare(
      `SELECT m.identity_id AS id, m.text FROM mentions m JOIN interviews i ON i.id = m.interview_id
       WHERE i.engagement_id = ?`,
    )
    .all(engagementId) as { id: string; text: string }[];
  const markedText = new Map<string, string[]>();
  for (const m of marked)
    markedText.set(m.id, [...(markedText.get(m.id) ?? []), m.text, guessBaseForm(m.text)]);
  for (const identity of listIdentities(ctx, engagementId)) {
    const names = [identity.name, ...identity.aliases, ...(markedText.get(identity.id) ?? [])];
    const target =
      identity.intervieweeId ??
      identity.accountId ??
      (entries.has(contactId(identity.name)) ? contactId(identity.name) : null) ??
      (entries.has(interviewerId(identity.name)) ? interviewerId(identity.name) : null);
    const linked = target ? entries.get(target) : undefined;
    if (linked) add(linked, names);
    else add({ id: identity.id, kind: identity.kind, role: 'mentioned', name: identity.name }, names);
  }

  for (const decision of listDecisions(ctx, engagementId)) {
    const entry = decision.action === 'link' && decision.linkTo ? entries.get(decision.linkTo) : undefined;
    if (entry) add(entry, [decision.key]);
  }
  return [...entries.values()];
}

/** The register as the matcher wants it. */
export function matcherFor(register: readonly RegisterEntry[]): IdentityMatcher {
  return new IdentityMatcher(
    register.map((e): KnownIdentity => ({ id: e.id, kind: e.kind, names: e.names })),
  );
}

/**
 * What the engagement's own material says about its words. `ordinary`: words seen in lower case, so
 * a capitalised one opening a sentence is an ordinary word ("Laskutus" when "laskutus" appears
 * elsewhere). `learned`: names met in the middle of a sentence, so their forms are noticed where
 * they open a sentence too ("…soitin Henrik Dahlille. Dahlille annettiin…").
 */
export function engagementVocabulary(
  ctx: ServiceContext,
  engagementId: string,
  register: readonly RegisterEntry[] = buildRegister(ctx, engagementId),
): { ordinary: Set<string>; learned: IdentityMatcher } {
  const { db } = ctx;
  const texts = db
    .prepare(
      `SELECT n.text FROM notes n JOIN interviews i ON i.id = n.interview_id WHERE i.engagement_id = ?
       UNION ALL SELECT title || '. ' || key_message || '. ' || body || '. ' || recommendation FROM findings WHERE engagement_id = ?`,
    )
    .pluck()
    .all(engagementId, engagementId) as string[];
  const ordinary = new Set<string>();
  // The codebook's own wording counts as ordinary too ("Hiljaisen poistuman riski").
  const codebook = db
    .prepare(
      `SELECT name_fi || ' ' || name_en || ' ' || description_fi || ' ' || description_en FROM codes
       WHERE engagement_id IS NULL OR engagement_id = ?`,
    )
    .pluck()
    .all(engagementId) as string[];
  for (const text of codebook)
    for (const m of text.matchAll(/[\p{L}]+/gu)) ordinary.add(m[0].toLocaleLowerCase('fi'));
  for (const text of texts)
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]*/gu)) ordinary.add(m[0]);
  // Known names are matched first, so a known company after a sentence's first word ("Nimetkää
  // Kaskisalmen Sellulle…") is not taken with that word for one unknown name, which would then mask
  // the word wherever a sentence opens with it.
  const known = matcherFor(register);
  const names = new Set<string>();
  for (const text of texts)
    for (const span of known.find(text, { ordinary }))
      if (span.kind === 'candidate') names.add(span.normalized);
  return {
    ordinary,
    learned: new IdentityMatcher(
      [...names].map((n) => ({ id: n, kind: 'person' as const, names: [decisionKey(n)] })),
      false,
    ),
  };
}

export interface Decision {
  key: string;
  action: DecisionAction;
  linkTo: string | null;
}

export function listDecisions({ db }: ServiceContext, engagementId: string): Decision[] {
  return db
    .prepare('SELECT key, action, link_to AS linkTo FROM identity_decisions WHERE engagement_id = ?')
    .all(engagementId) as Decision[];
}

/** The key a review decision is stored under: the words in their (guessed) base form. */
export function decisionKey(text: string): string {
  const words = normalizeName(text).split(' ');
  return [...words.slice(0, -1), guessBaseForm(words.at(-1) ?? '')].join(' ');
}

export function decideIdentifier(
  ctx: ServiceContext,
  decision: z.output<typeof IdentifierDecision>,
): { key: string } {
  getEngagement(ctx, decision.engagementId);
  if (decision.action === 'link') {
    const register = buildRegister(ctx, decision.engagementId);
    if (!decision.linkTo || !register.some((e) => e.id === decision.linkTo))
      throw new KuuloError('linkTargetOutside');
  }
  ctx.db
    .prepare(
      `INSERT INTO identity_decisions (engagement_id, key, action, link_to, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (engagement_id, key) DO UPDATE SET action = excluded.action, link_to = excluded.link_to,
       updated_at = excluded.updated_at`,
    )
    .run(
      decision.engagementId,
      decision.key,
      decision.action,
      decision.action === 'link' ? decision.linkTo : null,
      ctx.now(),
    );
  return { key: decision.key };
}
