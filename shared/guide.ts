import type { DocNode, Language, RoleLevel, Tier } from './domain.ts';
import type { Feeds, Scale, ScaleSummary } from './scales.ts';

/** An interview guide's bounds: generous for a 60-minute interview, finite so a slip cannot flood it. */
export const GUIDE_LIMITS = {
  sections: 40,
  questions: 200,
  /** Characters of a question's text, its help text, or a section's title. */
  text: 1000,
  templates: 100,
} as const;

export interface GuideQuestion {
  id: string;
  sectionId: string;
  text: string;
  help: string;
  scale: Scale;
  feeds: Feeds | null;
  /** 1-based across the whole guide, in order: the number the notes' label shows. */
  number: number;
  originId: string | null;
}

export interface GuideSection {
  id: string;
  title: string;
  originId: string | null;
  questions: GuideQuestion[];
}

export interface Guide {
  engagementId: string;
  sections: GuideSection[];
}

/** A guide as a template holds it: text only, no ids. */
export interface TemplateBody {
  sections: {
    title: string;
    questions: { text: string; help: string; scale: Scale; feeds?: Feeds | null }[];
  }[];
}

export interface GuideTemplate {
  /** `builtin:fi` / `builtin:en` for the two defaults; a UUID for the consultant's own. */
  id: string;
  name: string;
  language: Language;
  builtin: boolean;
  questionCount: number;
}

export const BUILTIN_TEMPLATE_IDS = ['builtin:fi', 'builtin:en'] as const;

/** Every question of a guide in order. */
export const guideQuestions = (guide: Guide): GuideQuestion[] => guide.sections.flatMap((s) => s.questions);

/**
 * The open answers a notes document holds: per question id, the text of the paragraphs attributed to
 * it, in document order. A paragraph naming a question that is not in `known` reads as unattributed
 * (its question was deleted; the notes are never rewritten for that).
 */
export function openAnswersOf(doc: DocNode, known: ReadonlySet<string>): Map<string, string[]> {
  const answers = new Map<string, string[]>();
  const text = (node: DocNode): string =>
    (node.content ?? [])
      .map((child) => (child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : ''))
      .join('');
  const walk = (node: DocNode): void => {
    if (node.type === 'paragraph') {
      const question = node.attrs?.question;
      if (typeof question === 'string' && known.has(question)) {
        const line = text(node);
        if (line.trim()) {
          const list = answers.get(question);
          if (list) list.push(line);
          else answers.set(question, [line]);
        }
      }
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return answers;
}

/** One interview's answer to one question, as the Answers view and `kuulo answers` show it. */
export interface AnswerRow {
  interviewId: string;
  accountId: string;
  accountName: string;
  tier: Tier;
  roleLevels: RoleLevel[];
  date: string | null;
  /** Counted in the figures (held, nobody declined). */
  inSample: boolean;
  /** May be quoted (in the sample, everyone's consent given). Text of others is the consultant's own view. */
  quotable: boolean;
  /** Paragraphs attributed to the question, in document order. */
  paragraphs: string[];
  /** The scale answer, or null. For a feeding question, the interview's NPS or satisfaction. */
  value: number | null;
}

export interface AnswerFilter {
  tier?: Tier | null;
  roleLevel?: RoleLevel | null;
}

export interface QuestionAnswers {
  question: GuideQuestion;
  /** Interviews of the engagement matching the filter that answered (text or value), in date order. */
  rows: AnswerRow[];
  /** Over the filtered sample only; null for an open question. */
  summary: ScaleSummary | null;
  /** Interviews in the filtered sample (the base "answered of n" is counted against). */
  sampleSize: number;
  /** Of those, how many answered. */
  answered: number;
}

/** Per question, how many interviews in the sample answered it; per interview, which questions. */
export interface GuideCoverage {
  sampleSize: number;
  questions: { questionId: string; number: number; answered: number; summary: ScaleSummary | null }[];
  interviews: { interviewId: string; accountName: string; answered: string[] }[];
}
