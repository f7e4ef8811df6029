import { create } from 'zustand';
import { type Guide, type GuideQuestion, guideQuestions } from '../../../shared/guide.ts';
import { kuulo } from '../bridge.ts';
import { useInterview } from './interview.ts';
import { attempt, unwrap } from './notify.ts';

/**
 * The guide beside an interview's notes: the engagement's questions, this interview's scale answers,
 * whether live mode is on and which question the consultant is at. The notes themselves record which
 * paragraphs answer which question (editor/guide.ts).
 */
interface GuideState {
  interviewId: string | null;
  guide: Guide | null;
  /** Scale answers of questions that do not feed an interview field (those are read from the interview). */
  values: Record<string, number>;
  live: boolean;
  currentId: string | null;
  /** Goes up when the current question's scale field should take the focus. */
  focusScale: number;
  load: (interviewId: string, engagementId: string) => Promise<void>;
  setValue: (question: GuideQuestion, value: number | null) => Promise<void>;
}

export const useGuide = create<GuideState>((set, get) => ({
  interviewId: null,
  guide: null,
  values: {},
  live: false,
  currentId: null,
  focusScale: 0,
  load: async (interviewId, engagementId) => {
    const [guide, values] = await Promise.all([
      unwrap(kuulo.getGuide({ engagementId })),
      unwrap(kuulo.interviewAnswers({ interviewId })),
    ]);
    const keep = get().interviewId === interviewId;
    set({
      interviewId,
      guide,
      values,
      currentId: keep ? get().currentId : null,
      live: keep ? get().live : false,
    });
  },
  setValue: async (question, value) => {
    const interviewId = get().interviewId;
    if (!interviewId) return;
    await attempt(async () => {
      await unwrap(kuulo.setAnswer({ interviewId, questionId: question.id, value }));
      if (question.feeds) {
        // The interview's own field: the scores panel shows the same value.
        const feeds = question.feeds;
        useInterview.setState((s) => (s.detail ? { detail: { ...s.detail, [feeds]: value } } : s));
        return;
      }
      set((s) => {
        const values = { ...s.values };
        if (value === null) delete values[question.id];
        else values[question.id] = value;
        return { values };
      });
    });
  },
}));

export const currentQuestions = (): GuideQuestion[] => {
  const guide = useGuide.getState().guide;
  return guide ? guideQuestions(guide) : [];
};

/** The answer on a question's scale for the open interview: its own row, or the interview's field it feeds. */
export function scaleValue(question: GuideQuestion, values: Record<string, number>): number | null {
  if (question.feeds) return useInterview.getState().detail?.[question.feeds] ?? null;
  return values[question.id] ?? null;
}
