import demo from '../../resources/demo/demo-workspace.json' with { type: 'json' };
import findings from '../../resources/demo/findings.json' with { type: 'json' };
import { type DocNode, PRIORITIES, SENTIMENTS } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import {
  AccountFields,
  ClaimFields,
  EngagementFields,
  IntervieweeFields,
  InterviewFields,
  type NewCoding,
  z,
} from '../../shared/schemas.ts';
import { KuuloError } from '../base/errors.ts';
import { createAccount, createInterviewee } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { defaultCodeId } from './defaultCodebook.ts';
import { addDemoActions } from './demoActions.ts';
import { addDemoGuide } from './demoGuide.ts';
import { linkDemoWaves } from './demoWaves.ts';
import { createEngagement } from './engagements.ts';
import { createFinding } from './findings.ts';
import { seededIds } from './ids.ts';
import { createInterview } from './interviews.ts';
import { saveNotes } from './notes.ts';
import { findQuotes } from './quotes.ts';
import { addRelationship } from './relationships.ts';

const DemoCoding = z.object({
  code: z.string(),
  quote: z.string().min(1),
  sentiment: z.enum(SENTIMENTS),
  severity: z.number().int().min(1).max(3).optional(),
  star: z.literal(true).optional(),
  memo: z.string().optional(),
});
type DemoCoding = z.infer<typeof DemoCoding>;

const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), codings: z.array(DemoCoding).optional() }),
  z.object({ type: z.literal('quote'), text: z.string(), codings: z.array(DemoCoding).optional() }),
  z.object({ type: z.literal('bullets'), items: z.array(z.string()) }),
]);
type Block = z.infer<typeof Block>;

const DemoFile = z.object({
  engagements: z.array(
    EngagementFields.extend({
      key: z.string(),
      /**
       * When the engagement's rows were written, if not with the rest (an earlier wave was recorded in its
       * own year; its timestamps also keep it below the newer studies in lists ordered by last change).
       */
      recordedAt: z.iso.datetime().optional(),
      accounts: z.array(
        AccountFields.extend({
          key: z.string(),
          interviewees: z.array(IntervieweeFields.extend({ key: z.string() })),
        }),
      ),
      interviews: z.array(
        InterviewFields.omit({ accountId: true, intervieweeIds: true }).extend({
          key: z.string(),
          accountKey: z.string(),
          intervieweeKeys: z.array(z.string()),
          relationships: z.array(
            z.object({
              intervieweeKey: z.string(),
              clientPerson: z.string(),
              clientRole: z.string(),
              level: z.enum(['strategic', 'operational']),
            }),
          ),
          blocks: z.array(Block),
        }),
      ),
    }),
  ),
});
export type DemoFile = z.infer<typeof DemoFile>;

export const DEMO_SEED = 'kuulo-demo-v1';

const text = (value: string): DocNode[] => (value ? [{ type: 'text', text: value }] : []);

type NewCodingInput = z.output<typeof NewCoding>;

/**
 * Splits a block's text at every coding boundary so each piece carries the marks of the codings that
 * cover it — overlapping codings included — and collects the coding rows to create with the notes.
 */
function codedText(
  value: string,
  codings: DemoCoding[] | undefined,
  newId: () => string,
  created: NewCodingInput[],
): DocNode[] {
  if (!codings?.length) return text(value);
  const spans = codings.map((coding) => {
    const start = value.indexOf(coding.quote);
    if (start < 0) throw new Error(`Demo data: quote not found in its block: ${coding.quote.slice(0, 60)}`);
    const id = newId();
    created.push({
      id,
      codeId: defaultCodeId(coding.code),
      sentiment: coding.sentiment,
      severity: coding.severity ?? null,
      memo: coding.memo ?? '',
      star: coding.star ?? false,
    });
    return { id, start, end: start + coding.quote.length };
  });
  const cuts = [...new Set([0, value.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const nodes: DocNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const marks = spans
      .filter((s) => s.start <= from && s.end >= to)
      .map((s) => ({ type: CODING_MARK, attrs: { id: s.id } }));
    nodes.push(
      marks.length
        ? { type: 'text', text: value.slice(from, to), marks }
        : { type: 'text', text: value.slice(from, to) },
    );
  }
  return nodes;
}

/**
 * Turns the demo file's blocks into a notes document, stamping paragraphs across the interview's
 * length; the codings found in the blocks are appended to `created`.
 */
export function blocksToDoc(
  blocks: Block[],
  durationMin: number | null,
  newId: () => string = () => crypto.randomUUID(),
  created: NewCodingInput[] = [],
): DocNode {
  const stamp = (index: number): Record<string, unknown> =>
    durationMin ? { ts: Math.round(((index + 0.5) / blocks.length) * durationMin * 60) } : {};
  const toNode = (block: Block, index: number): DocNode => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', attrs: { level: 2 }, content: text(block.text) };
      case 'paragraph':
        return {
          type: 'paragraph',
          attrs: stamp(index),
          content: codedText(block.text, block.codings, newId, created),
        };
      case 'quote':
        return {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              attrs: stamp(index),
              content: codedText(block.text, block.codings, newId, created),
            },
          ],
        };
      case 'bullets':
        return {
          type: 'bulletList',
          content: block.items.map((item) => ({
            type: 'listItem',
            content: [{ type: 'paragraph', content: text(item) }],
          })),
        };
    }
  };
  const content = blocks.map(toNode);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

const DemoFindings = z.record(
  z.string(),
  z.array(
    z.object({
      title: z.string(),
      keyMessage: z.string(),
      body: z.string(),
      recommendation: z.string(),
      priority: z.enum(PRIORITIES),
      codes: z.array(z.string()),
      /** What the figure measures: codes by key, the rest as in the app. */
      claim: ClaimFields.omit({ codeIds: true }).extend({ codes: z.array(z.string()).min(1) }),
    }),
  ),
);

/** Findings with their evidence: the key quotes (then the most severe) of their codes, three at most. */
function addDemoFindings(
  ctx: ServiceContext,
  engagementId: string,
  list: z.infer<typeof DemoFindings>[string],
): void {
  for (const {
    codes,
    claim: { codes: claimCodes, ...claim },
    ...finding
  } of list) {
    const codeIds = codes.map(defaultCodeId);
    const quotes = findQuotes(ctx, { codeIds, engagementId, match: 'any', starredOnly: false, limit: 1000 })
      .sort((a, b) => Number(b.star) - Number(a.star) || (b.severity ?? 0) - (a.severity ?? 0))
      .slice(0, 3);
    createFinding(ctx, engagementId, {
      ...finding,
      codeIds,
      quoteIds: quotes.map((q) => q.id),
      claim: { ...claim, codeIds: claimCodes.map(defaultCodeId) },
    });
  }
}

/** How many engagements the demo brings, for texts that name it (the CLI's help). */
export const DEMO_ENGAGEMENTS: number = demo.engagements.length;

/** A reproducible sample workspace: the same seed gives the same ids, timestamps and content every time. */
export function createDemoWorkspace(base: ServiceContext): { engagements: number; interviews: number } {
  const hasData = base.db.prepare('SELECT 1 FROM engagements LIMIT 1').get();
  if (hasData) throw new KuuloError('demoNeedsEmpty');
  const data = DemoFile.parse(demo);
  // A clock that moves a second per write; an engagement recorded at another time has a clock of its own.
  const demoClock = { from: Date.UTC(2026, 10, 1, 8), tick: 0 };
  let clock = demoClock;
  const ctx: ServiceContext = {
    ...base,
    newId: seededIds(DEMO_SEED),
    now: () => new Date(clock.from + 1000 * clock.tick++).toISOString(),
  };
  let interviews = 0;
  // The steps after the engagements (waves, guide, actions) find them by their demo key.
  const engagementIds = new Map<string, string>();
  ctx.db.transaction(() => {
    for (const {
      key: engagementKey,
      recordedAt,
      accounts,
      interviews: interviewList,
      ...fields
    } of data.engagements) {
      clock = recordedAt ? { from: Date.parse(recordedAt), tick: 0 } : demoClock;
      const engagement = createEngagement(ctx, fields);
      engagementIds.set(engagementKey, engagement.id);
      const accountIds = new Map<string, string>();
      const personIds = new Map<string, string>();
      for (const { key, interviewees, ...accountFields } of accounts) {
        accountIds.set(key, createAccount(ctx, engagement.id, accountFields).id);
        for (const { key: personKey, ...person } of interviewees) {
          personIds.set(personKey, createInterviewee(ctx, accountIds.get(key)!, person).id);
        }
      }
      for (const {
        key: _i,
        accountKey,
        intervieweeKeys,
        relationships,
        blocks,
        ...fields
      } of interviewList) {
        const interview = createInterview(ctx, engagement.id, {
          ...fields,
          accountId: accountIds.get(accountKey)!,
          intervieweeIds: intervieweeKeys.map((k) => personIds.get(k)!),
        });
        for (const { intervieweeKey, ...relationship } of relationships) {
          addRelationship(ctx, interview.id, {
            ...relationship,
            intervieweeId: personIds.get(intervieweeKey)!,
          });
        }
        if (blocks.length) {
          const codings: NewCodingInput[] = [];
          const doc = blocksToDoc(blocks, fields.durationMin, ctx.newId, codings);
          saveNotes(ctx, interview.id, doc, codings);
        }
        interviews++;
      }
      addDemoFindings(ctx, engagement.id, DemoFindings.parse(findings)[engagementKey] ?? []);
    }
    linkDemoWaves(ctx, engagementIds);
    addDemoGuide(ctx, engagementIds);
    addDemoActions(ctx, engagementIds);
  })();
  return { engagements: data.engagements.length, interviews };
}
