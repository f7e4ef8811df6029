/** What the identity engine tells the UI, the CLI and the report about people and organisations. */

export const IDENTITY_KINDS = ['person', 'org'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Who a register entry is in the engagement. */
export type IdentityRole = 'interviewee' | 'contact' | 'interviewer' | 'account' | 'client' | 'mentioned';

/** A person or organisation the consultant marked in notes (a mention mark carries only this id). */
export interface Identity {
  id: string;
  engagementId: string;
  kind: IdentityKind;
  name: string;
  /** A role phrase used as the mask in reports, e.g. "competitor's salesperson". */
  role: string;
  aliases: string[];
  /** When the mention is of an interviewee or account already in the register. */
  intervieweeId: string | null;
  accountId: string | null;
}

/** One entry of an engagement's register: everyone the engine knows, whatever the source. */
export interface RegisterEntry {
  id: string;
  kind: IdentityKind;
  role: IdentityRole;
  name: string;
  names: string[];
}

export const DECISION_ACTIONS = ['mask', 'keep', 'link'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface ReviewPlace {
  /** Where the text is: an interview, a finding, the codebook… (already phrased for the UI). */
  where: string;
  before: string;
  match: string;
  after: string;
}

export type ReviewItemKind = 'known' | 'candidate' | 'email' | 'phone' | 'url' | 'personalId';

export interface ReviewItem {
  /** The decision key: a register id for known entries, the base form for candidates. */
  key: string;
  kind: ReviewItemKind;
  entity: IdentityKind | null;
  /** The register role of a known entry. */
  role: IdentityRole | null;
  name: string;
  /** Every distinct way it is written in the material. */
  forms: string[];
  /** What the report prints instead; null when it is kept as is. */
  mask: string | null;
  action: DecisionAction;
  /** True when the consultant decided; false for the default (new candidates are masked). */
  decided: boolean;
  linkedTo: string | null;
  count: number;
  places: ReviewPlace[];
}

/** Something in an anonymised report that could point to one person despite the masks. */
export type ReviewWarning =
  /** A quote's attribution that points to fewer than 3 people. */
  | { kind: 'smallSegment'; attribution: string; people: number; quotes: number }
  /** A named account carries the name of someone in the study (a family firm): naming it points to them. */
  | { kind: 'accountNamesPerson'; account: string; person: string };

export interface IdentityReview {
  items: ReviewItem[];
  warnings: ReviewWarning[];
  /** Candidates nobody has decided on yet. */
  undecided: number;
}

/** Where an erasure would change text: an interview's notes, or a field of a table (a column of it). */
export type ErasurePlace =
  | { kind: 'notes'; account: string; date: string | null }
  | { kind: 'field'; table: string; column: string };

/** One place an erasure would change, shown before it runs (the UI phrases `place` in its language). */
export interface ErasureMatch {
  /** Names this place in `eraseInterviewee`'s `excluded` (valid only for this preview's text). */
  id: string;
  place: ErasurePlace;
  /** In the person's own record: always erased, cannot be left out. */
  required: boolean;
  before: string;
  match: string;
  after: string;
}

export interface ErasurePreview {
  name: string;
  forms: string[];
  matches: ErasureMatch[];
  total: number;
  /** Fingerprint of the texts the places were found in: an erasure with a stale one is refused. */
  token: string;
}
