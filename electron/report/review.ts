import type { z } from 'zod';
import type { FoundSpan } from '../../shared/identity/detect.ts';
import type {
  IdentityReview,
  RegisterEntry,
  ReviewItem,
  ReviewWarning,
} from '../../shared/identity/types.ts';
import { inSample } from '../../shared/sample.ts';
import type { ReviewRequest } from '../../shared/schemas.ts';
import type { ServiceContext } from '../services/context.ts';
import { listFindings } from '../services/findings.ts';
import { buildRegister, decisionKey, listDecisions, matcherFor } from '../services/identities.ts';
import { listInterviews } from '../services/interviews.ts';
import { buildReportContent } from './build.ts';

const CONTEXT = 50;
const PLACES_PER_ITEM = 12;
/** Fewer people than this behind one attribution, and a reader may recognise them. */
const MIN_SEGMENT = 3;

/**
 * What the export would mask, kept or could not place: the report's content is built exactly as the
 * export builds it for the chosen format (the workbook's every coded passage too), and every name the anonymiser meets is collected with its place.
 */
export function reviewIdentifiers(
  ctx: ServiceContext,
  request: z.output<typeof ReviewRequest>,
): IdentityReview {
  const decisions = new Map(listDecisions(ctx, request.engagementId).map((d) => [d.key, d]));
  const register = new Map(buildRegister(ctx, request.engagementId).map((e) => [e.id, e]));
  const items = new Map<string, ReviewItem>();
  const seen = new Set<string>();

  const collect = (span: FoundSpan, mask: string | null, text: string, where: string) => {
    // The same text is masked more than once (a finding's title is in the summary and its chapter).
    const once = `${where}\u0000${text}\u0000${span.start}`;
    if (seen.has(once)) return;
    seen.add(once);
    for (const key of keysOf(span)) {
      let item = items.get(key);
      if (!item) {
        const entry = register.get(key);
        const decision = decisions.get(key);
        item = {
          key,
          kind: span.kind === 'identity' ? 'known' : span.kind,
          entity: entry?.kind ?? (span.kind === 'candidate' ? span.guess : null),
          role: entry?.role ?? null,
          name: entry?.name ?? key,
          forms: [],
          mask,
          action: decision?.action ?? (mask === null ? 'keep' : 'mask'),
          decided: !!decision,
          linkedTo: decision?.linkTo ?? null,
          count: 0,
          places: [],
        };
        items.set(key, item);
      }
      const form = span.normalized;
      if (!item.forms.includes(form)) item.forms.push(form);
      item.count++;
      if (item.places.length < PLACES_PER_ITEM)
        item.places.push({
          where,
          before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
          match: span.text,
          after: text.slice(span.end, span.end + CONTEXT),
        });
    }
  };

  const { anon } = buildReportContent(ctx, request.engagementId, {
    anonymize: request.anonymize,
    language: request.language,
    sections: request.sections,
    passages: request.format === 'xlsx',
    onSpan: collect,
  });

  const order: Record<ReviewItem['kind'], number> = {
    known: 0,
    candidate: 1,
    personalId: 2,
    email: 3,
    phone: 4,
    url: 5,
  };
  const list = [...items.values()].sort(
    (a, b) => order[a.kind] - order[b.kind] || b.count - a.count || a.name.localeCompare(b.name, 'fi'),
  );
  return {
    items: list,
    warnings:
      request.anonymize === 'none'
        ? []
        : [
            ...(request.anonymize === 'people' ? accountsNamingPeople([...register.values()]) : []),
            ...smallSegments(ctx, request.engagementId, anon.person),
          ],
    undecided: list.filter((i) => i.kind === 'candidate' && !i.decided).length,
  };
}

/** A known span belongs to each of its entries; a candidate or identifier to its own key. */
function keysOf(span: FoundSpan): string[] {
  if (span.kind === 'identity') return [...span.identityIds];
  if (span.kind === 'candidate') return [decisionKey(span.normalized)];
  return [span.normalized];
}

/**
 * Accounts whose name holds the name of a person in the study ("Saha Nurmi Oy" and Tapio Nurmi): when
 * accounts are named, the company points to the person whatever the masks do.
 */
function accountsNamingPeople(register: readonly RegisterEntry[]): ReviewWarning[] {
  const people = register.filter((e) => e.kind === 'person');
  const matcher = matcherFor(people);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return register
    .filter((e) => e.role === 'account')
    .flatMap((account) =>
      [
        ...new Set(
          matcher
            .find(account.name, { candidates: false })
            .flatMap((span) => span.identityIds.map((id) => nameOf.get(id)!)),
        ),
      ].map((person): ReviewWarning => ({ kind: 'accountNamesPerson', account: account.name, person })),
    );
}

/** Attributions of the findings' quotes that point to fewer than three people. */
function smallSegments(
  ctx: ServiceContext,
  engagementId: string,
  label: (personId: string) => string,
): ReviewWarning[] {
  const interviews = listInterviews(ctx, engagementId).filter(inSample);
  const peopleBy = new Map<string, Set<string>>();
  for (const i of interviews)
    for (const p of i.interviewees) {
      const set = peopleBy.get(label(p.id)) ?? new Set<string>();
      set.add(p.id);
      peopleBy.set(label(p.id), set);
    }
  const quotesBy = new Map<string, number>();
  for (const finding of listFindings(ctx, engagementId))
    for (const quote of finding.quotes) {
      const person = interviews.find((i) => i.id === quote.interviewId)?.interviewees[0];
      if (!person) continue;
      const attribution = label(person.id);
      quotesBy.set(attribution, (quotesBy.get(attribution) ?? 0) + 1);
    }
  return [...quotesBy]
    .map(([attribution, quotes]) => ({
      kind: 'smallSegment' as const,
      attribution,
      quotes,
      people: peopleBy.get(attribution)?.size ?? 0,
    }))
    .filter((w) => w.people < MIN_SEGMENT)
    .sort((a, b) => a.people - b.people || b.quotes - a.quotes);
}
