/**
 * English forms of a query word: its inflections (plural, possessive, third person, past, -ing) and
 * the irregular ones, generated from the word rather than compared by Snowball stems. Porter/Snowball
 * English conflates words a consultant keeps apart (business/busy → busi, experience/experiment →
 * experi, university/universe → univers, organization/organ → organ); inflecting the query keeps the
 * recall on inflected forms without those collisions. Derivations (deliver → delivery, manage →
 * manager) are other words: `prefix*` finds them when wanted.
 */

/** Irregular verbs and nouns: base form → its other forms. */
const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'],
  buy: ['bought'],
  bring: ['brought'],
  think: ['thought'],
  teach: ['taught'],
  catch: ['caught'],
  seek: ['sought'],
  fight: ['fought'],
  pay: ['paid'],
  say: ['said'],
  lay: ['laid'],
  sell: ['sold'],
  tell: ['told'],
  make: ['made'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  get: ['got', 'gotten'],
  see: ['saw', 'seen'],
  come: ['came'],
  become: ['became'],
  know: ['knew', 'known'],
  grow: ['grew', 'grown'],
  show: ['shown'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
  break: ['broke', 'broken'],
  choose: ['chose', 'chosen'],
  drive: ['drove', 'driven'],
  rise: ['rose', 'risen'],
  fall: ['fell', 'fallen'],
  forget: ['forgot', 'forgotten'],
  begin: ['began', 'begun'],
  run: ['ran'],
  win: ['won'],
  lose: ['lost'],
  leave: ['left'],
  feel: ['felt'],
  keep: ['kept'],
  meet: ['met'],
  send: ['sent'],
  spend: ['spent'],
  build: ['built'],
  lend: ['lent'],
  mean: ['meant'],
  hear: ['heard'],
  find: ['found'],
  hold: ['held'],
  stand: ['stood'],
  understand: ['understood'],
  lead: ['led'],
  feed: ['fed'],
  deal: ['dealt'],
  sit: ['sat'],
  shut: [],
  cut: [],
  put: [],
  set: [],
  let: [],
  cost: [],
  hit: [],
  hurt: [],
  quit: [],
  read: [],
  spread: [],
  upset: [],
  mouse: ['mice'],
  foot: ['feet'],
  tooth: ['teeth'],
  goose: ['geese'],
  good: ['better', 'best'],
  bad: ['worse', 'worst'],
  person: ['people'],
  child: ['children'],
  man: ['men'],
  woman: ['women'],
  analysis: ['analyses'],
  crisis: ['crises'],
  basis: ['bases'],
  criterion: ['criteria'],
  phenomenon: ['phenomena'],
  datum: ['data'],
  medium: ['media'],
  life: ['lives'],
  wife: ['wives'],
  knife: ['knives'],
  half: ['halves'],
  leaf: ['leaves'],
  shelf: ['shelves'],
};

/**
 * Adjectives a consultant compares (cheaper, the biggest): their -er and -est forms. Listed, because
 * the same endings on verbs make other words (manage → manager, deliver → deliverer).
 */
const COMPARED = new Set(
  (
    'big bright busy cheap clean clear close cold dark deep early easy fair fast few fine firm full ' +
    'great hard happy heavy high hot large late light long loose low mild new nice old poor quick ' +
    'quiet rich safe short simple slow small smart soft strong tight tough warm weak wide young'
  ).split(' '),
);

/** Verbs whose past and -ing forms double the last consonant (plan → planned, stop → stopping):
 * one vowel before one final consonant in a one-syllable word. Longer words vary by stress (prefer →
 * preferred, offer → offered), so both spellings are generated for them. */
function doubles(word: string): 'always' | 'maybe' | 'never' {
  if (!/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) return 'never';
  return (word.match(/[aeiouy]+/g) ?? []).length === 1 ? 'always' : 'maybe';
}

/** Every form of an English word (lowercase), the word itself included. */
export function englishForms(q: string): Set<string> {
  const forms = new Set<string>([q]);
  const irregular = IRREGULAR[q];
  const stems: string[] = [];
  // Verbs with an irregular past still have -s and -ing; nouns with an irregular plural keep the word.
  const last = q.at(-1) ?? '';
  const consonantY = /[^aeiou]y$/.test(q);
  if (/(?:s|x|z|ch|sh|o)$/.test(q)) forms.add(`${q}es`);
  if (consonantY) forms.add(`${q.slice(0, -1)}ies`);
  else forms.add(`${q}s`);
  if (/[^aeiou]o$/.test(q)) forms.add(`${q}s`);
  // Past and -ing.
  if (last === 'e') {
    forms.add(`${q}d`);
    if (/ie$/.test(q)) stems.push(`${q.slice(0, -2)}y`);
    else if (/(?:ee|ye|oe)$/.test(q)) stems.push(q);
    else stems.push(q.slice(0, -1));
  } else if (consonantY) {
    forms.add(`${q.slice(0, -1)}ied`);
    stems.push(q);
  } else {
    const d = doubles(q);
    // One syllable doubles (hop → hopped, hopping; hoping is hope's); longer words may go either way.
    if (d !== 'always') {
      forms.add(`${q}ed`);
      stems.push(q);
    }
    if (d !== 'never') {
      forms.add(`${q}${last}ed`);
      stems.push(q + last);
    }
    if (last === 'c') {
      forms.add(`${q}ked`); // panic → panicked
      stems.push(`${q}k`);
    }
  }
  for (const s of stems) {
    forms.add(`${s}ing`);
    forms.add(`${s}ings`); // findings, meetings, savings
  }
  if (irregular) for (const f of irregular) forms.add(f);
  if (COMPARED.has(q)) {
    const base = consonantY ? `${q.slice(0, -1)}i` : doubles(q) === 'always' ? q + last : q;
    const e = last === 'e' ? '' : 'e';
    forms.add(`${base}${e}r`);
    forms.add(`${base}${e}st`);
  }
  // Possessives of every form: the customer's, customers', the people's.
  for (const f of [...forms]) {
    for (const apostrophe of ["'", '’']) {
      forms.add(f.endsWith('s') ? f + apostrophe : `${f}${apostrophe}s`);
      if (f.endsWith('s')) forms.add(`${f}${apostrophe}s`);
    }
  }
  return forms;
}
