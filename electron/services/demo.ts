import demo from '../../resources/demo/demo-workspace.json' with { type: 'json' };
import type { DocNode } from '../../shared/domain.ts';
import {
  AccountFields,
  EngagementFields,
  IntervieweeFields,
  InterviewFields,
  z,
} from '../../shared/schemas.ts';
import { createAccount, createInterviewee } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { createEngagement } from './engagements.ts';
import { KuuloError } from './errors.ts';
import { seededIds } from './ids.ts';
import { createInterview } from './interviews.ts';
import { saveNotes } from './notes.ts';
import { addRelationship } from './relationships.ts';

const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }).loose(),
  z.object({ type: z.literal('quote'), text: z.string() }).loose(),
  z.object({ type: z.literal('bullets'), items: z.array(z.string()) }),
]);
type Block = z.infer<typeof Block>;

const DemoFile = z.object({
  engagements: z.array(
    EngagementFields.extend({
      key: z.string(),
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

/** Turns the demo file's blocks into a notes document, stamping paragraphs across the interview's length. */
export function blocksToDoc(blocks: Block[], durationMin: number | null): DocNode {
  const stamp = (index: number): Record<string, unknown> =>
    durationMin ? { ts: Math.round(((index + 0.5) / blocks.length) * durationMin * 60) } : {};
  const toNode = (block: Block, index: number): DocNode => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', attrs: { level: 2 }, content: text(block.text) };
      case 'paragraph':
        return { type: 'paragraph', attrs: stamp(index), content: text(block.text) };
      case 'quote':
        return {
          type: 'blockquote',
          content: [{ type: 'paragraph', attrs: stamp(index), content: text(block.text) }],
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

/** A reproducible sample workspace: the same seed gives the same ids, timestamps and content every time. */
export function createDemoWorkspace(base: ServiceContext): { engagements: number; interviews: number } {
  const hasData = base.db.prepare('SELECT 1 FROM engagements LIMIT 1').get();
  if (hasData)
    throw new KuuloError(
      'conflict',
      'This workspace already has engagements; sample data goes only into an empty one.',
    );
  const data = DemoFile.parse(demo);
  let tick = 0;
  const ctx: ServiceContext = {
    ...base,
    newId: seededIds(DEMO_SEED),
    now: () => new Date(Date.UTC(2026, 10, 1, 8, 0, tick++)).toISOString(),
  };
  let interviews = 0;
  ctx.db.transaction(() => {
    for (const { key: _k, accounts, interviews: interviewList, ...fields } of data.engagements) {
      const engagement = createEngagement(ctx, fields);
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
        if (blocks.length) saveNotes(ctx, interview.id, blocksToDoc(blocks, fields.durationMin));
        interviews++;
      }
    }
  })();
  return { engagements: data.engagements.length, interviews };
}
