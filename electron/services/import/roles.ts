/**
 * Speaker labels that name a role, not a person: "Haastattelija", "Asiakas", "Interviewer",
 * "Speaker 1", "Puhuja 2", "Unknown Speaker", "Tuntematon", and letters or initials ("H", "V", "Q",
 * "A", "K" as kysymys). They stay the turns' speakers, but registering one as a person would make an
 * ordinary word a name, and anonymised outputs would then mask "Asiakkaat" everywhere.
 */

/** Role words, lower case without accents; a label made of these (and a number) is nobody. */
const ROLE_WORDS = new Set([
  'haastattelija',
  'haastateltava',
  'asiakas',
  'vastaaja',
  'kysyja',
  'puhuja',
  'tuntematon',
  'osallistuja',
  'vieras',
  'juontaja',
  'moderaattori',
  'fasilitaattori',
  'tutkija',
  'konsultti',
  'henkilo',
  'interviewer',
  'interviewee',
  'customer',
  'client',
  'respondent',
  'participant',
  'speaker',
  'unknown',
  'moderator',
  'facilitator',
  'host',
  'guest',
  'researcher',
  'consultant',
  'person',
]);

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fi');

/**
 * Job titles used as labels ("Toimitusjohtaja:", "Sales Manager:"): Finnish titles by their last part
 * (myyntijohtaja, asiakkuuspäällikkö), English ones by their words. A title is no one's name either.
 */
const TITLE_ENDINGS =
  /(?:johtaja|paallikko|asiantuntija|edustaja|vastaava|konsultti|neuvoja|suunnittelija|insinoori|myyja|ostaja|koordinaattori|sihteeri|esimies|omistaja|yrittaja)$/;
const TITLE_WORDS = new Set([
  'ceo',
  'cfo',
  'cto',
  'coo',
  'cio',
  'vp',
  'manager',
  'director',
  'head',
  'lead',
  'officer',
  'executive',
  'president',
  'chair',
  'owner',
  'engineer',
  'specialist',
  'sales',
  'account',
  'key',
  'procurement',
  'purchasing',
  'operations',
  'technical',
  'managing',
  'chief',
  'senior',
  'of',
]);

const isRoleWord = (word: string): boolean => {
  const folded = fold(word).replace(/[^\p{L}]/gu, '');
  return ROLE_WORDS.has(folded) || TITLE_WORDS.has(folded) || TITLE_ENDINGS.test(folded);
};

/** "H", "V", "MV", "M.V.": a letter or initials, nobody the register could mask without harm. */
const INITIALS = /^(?:\p{L}|\p{Lu}{2,3}|(?:\p{Lu}\.){1,3})$/u;
/** What numbers a role: "Speaker 1", "Puhuja 2", "Participant B", "Asiakas #3", Whisper's "SPEAKER_00". */
const ROLE_NUMBER = /^(?:#?\d{1,3}|\p{L})$/u;

const wordsOf = (label: string): string[] =>
  label
    .trim()
    .split(/[\s_]+/)
    .filter(Boolean);

function isRole(label: string): boolean {
  const trimmed = label.trim();
  if (INITIALS.test(trimmed)) return true;
  const words = wordsOf(trimmed);
  if (!words.length || !isRoleWord(words[0]!)) return false;
  return words.slice(1).every((word) => isRoleWord(word) || ROLE_NUMBER.test(word));
}

/** Whether the label is a letter or initials ("MK", "M.K."), which may stand for a person mapped to it. */
export function isInitials(label: string): boolean {
  return INITIALS.test(label.trim()) && !/^\p{L}$/u.test(label.trim());
}

/**
 * Whether a speaker's label names a role; `person` is the name written with it in brackets
 * ("Haastattelija (Matti)" → "Matti"), or null when there is none. Null for a label that names a person.
 */
export function roleLabel(label: string): { person: string | null } | null {
  const bracket = /^(.*?)\s*[([]([^()[\]]*)[)\]]$/.exec(label.trim());
  if (bracket?.[1] && isRole(bracket[1])) {
    const inside = bracket[2]!.trim();
    return { person: inside && !isRole(inside) && /\p{L}/u.test(inside) ? inside : null };
  }
  if (isRole(label)) return { person: null };
  // "Haastattelija Sari Mäkinen", "Customer Mikko Mäkinen": role words first, then the person's name.
  const words = label.trim().split(/\s+/);
  const roleWords = words.findIndex((word) => !isRoleWord(word));
  if (roleWords > 0 && words.length - roleWords >= 2) {
    const person = words.slice(roleWords).join(' ');
    if (!isRole(person) && /^\p{Lu}/u.test(person)) return { person };
  }
  return null;
}
