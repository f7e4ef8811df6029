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

/** "H", "V", "MV", "M.V.": a letter or initials, nobody the register could mask without harm. */
const INITIALS = /^(?:\p{L}|\p{Lu}{2,3}|(?:\p{Lu}\.){1,3})$/u;
/** What numbers a role: "Speaker 1", "Puhuja 2", "Participant B", "Asiakas #3". */
const ROLE_NUMBER = /^(?:#?\d{1,3}|\p{L})$/u;

function isRole(label: string): boolean {
  const trimmed = label.trim();
  if (INITIALS.test(trimmed)) return true;
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (!words.length || !ROLE_WORDS.has(fold(words[0]!))) return false;
  return words.slice(1).every((word) => ROLE_WORDS.has(fold(word)) || ROLE_NUMBER.test(word));
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
  return isRole(label) ? { person: null } : null;
}
