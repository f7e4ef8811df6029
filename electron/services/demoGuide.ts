import guideDemo from '../../resources/demo/guide.json' with { type: 'json' };
import type { DocNode } from '../../shared/domain.ts';
import { guideQuestions } from '../../shared/guide.ts';
import { setAnswer } from './answers.ts';
import type { ServiceContext } from './context.ts';
import { applyTemplate, copyGuide, getGuide } from './guide.ts';
import { saveNotes } from './notes.ts';

interface DemoGuidePlan {
  headings: Record<string, number>;
  engagements: Record<
    string,
    { template?: 'builtin:fi' | 'builtin:en'; copyFrom?: string; askedForFeedbackFromNps: number }
  >;
}

/**
 * The demo's interview guides: both Huoltovoima waves get the Finnish default guide (the later wave a
 * copy of the earlier one's, so their questions match by origin) and Northbeam the English one. The
 * paragraphs under a heading of the notes answer the question that heading is about
 * (resources/demo/guide.json); the NPS and satisfaction questions read the interviews' own scores; the
 * yes/no question ("has anyone asked for your feedback?") is yes where the customer scored high.
 */
export function addDemoGuide(ctx: ServiceContext, engagementIds: ReadonlyMap<string, string>): void {
  const plan = guideDemo as DemoGuidePlan;
  for (const [key, step] of Object.entries(plan.engagements)) {
    const engagementId = engagementIds.get(key);
    if (!engagementId) continue;
    // Another step (the waves) may have given the guide already.
    let guide = getGuide(ctx, engagementId);
    if (!guide.sections.length) {
      const from = step.copyFrom ? engagementIds.get(step.copyFrom) : undefined;
      guide = from
        ? copyGuide(ctx, from, engagementId)
        : applyTemplate(ctx, engagementId, step.template ?? 'builtin:fi');
    }
    const questions = guideQuestions(guide);
    const byNumber = new Map(questions.map((q) => [q.number, q.id]));
    const yesno = questions.find((q) => q.scale === 'yesno');
    const interviews = ctx.db
      .prepare(
        `SELECT i.id, i.nps, i.status, n.doc FROM interviews i JOIN notes n ON n.interview_id = i.id
         WHERE i.engagement_id = ? ORDER BY i.date, i.id`,
      )
      .all(engagementId) as { id: string; nps: number | null; status: string; doc: string }[];
    for (const interview of interviews) {
      const doc = JSON.parse(interview.doc) as DocNode;
      if (attribute(doc, plan.headings, byNumber)) {
        // Saved as the notes service saves any change; the status stays as the demo set it.
        saveNotes(ctx, interview.id, doc, [], undefined, { rewrite: true });
        ctx.db.prepare('UPDATE interviews SET status = ? WHERE id = ?').run(interview.status, interview.id);
      }
      if (yesno && interview.nps !== null)
        setAnswer(ctx, interview.id, yesno.id, interview.nps >= step.askedForFeedbackFromNps ? 1 : 0);
    }
  }
}

/** Gives the paragraphs under each known heading their question; true when anything changed. */
function attribute(doc: DocNode, headings: Record<string, number>, byNumber: Map<number, string>): boolean {
  let current: string | null = null;
  let changed = false;
  // The notes open with who was interviewed and how: the consultant's context, nobody's answer.
  let intro = true;
  for (const block of doc.content ?? []) {
    if (block.type === 'heading') {
      const text = (block.content ?? [])
        .map((c) => c.text ?? '')
        .join('')
        .trim();
      const number = headings[text];
      current = number === undefined ? null : (byNumber.get(number) ?? null);
      continue;
    }
    if (block.type === 'paragraph' && intro) {
      intro = false;
      continue;
    }
    if (block.type === 'paragraph' && current) {
      block.attrs = { ...block.attrs, question: current };
      changed = true;
    }
  }
  return changed;
}
