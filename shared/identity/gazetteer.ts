/**
 * Word lists the identity engine needs: common first names and surnames (so a name at the start of
 * a sentence is still noticed), nicknames (Tapio is also "Tapsa"), legal suffixes of companies and
 * capitalised words that are not names. Written for Finnish, Swedish and English B2B notes.
 */

const words = (list: string): string[] => list.trim().split(/\s+/);

export const FIRST_NAMES = new Set(
  words(`
Aapo Aarne Aaro Aarre Aatu Aila Aili Aimo Aino Aki Aleksi Anja Anna Anne Anneli Anni Annika Anssi Antero
Antti Anu Ari Arja Arto Arttu Arvo Asko Atte Aulis Eemeli Eemil Eero Eetu Eeva Eija Eila Eino Eira Eliisa
Elina Elisa Elli Ellen Elmeri Emilia Emma Erja Erkki Esa Esko Essi Eveliina Hanna Hannele Hannu Harri
Heidi Heikki Heini Heli Helena Helmi Helvi Henna Henri Henrik Hilkka Hilla Iida Iina Iiris Ilari Ilkka
Ilmari Ilona Irma Irja Isto Jaakko Jalmari Jani Janne Jari Jarkko Jarmo Jenna Jenni Jere Jesse Joel Joni
Johanna Jonna Jorma Jouko Jouni Juha Juhani Juho Jukka Julia Jussi Jutta Juuso Jyrki Jyri Kaarina Kaarlo
Kai Kaija Kaisa Kalervo Kalle Kari Karoliina Kasper Katja Kati Katri Kauko Kerttu Kimmo Kirsi Kirsti
Kristiina Kukka Kullervo Kyösti Lasse Lassi Laura Lauri Leena Leevi Leila Lempi Liisa Lotta Lyyli Maija
Maire Marika Marja Marjatta Marketta Markku Marko Markus Martti Matias Matti Merja Mervi Miia Mika Mikael
Mikko Milla Minna Mira Mirja Mirjami Mirva Mona Niina Niilo Niko Nina Noora Olavi Oili Olli Onni Oona
Oskari Ossi Otto Outi Paavo Pasi Paula Pauli Pekka Pentti Pertti Petra Petri Petteri Pia Pirjo Pirkko
Päivi Raija Raili Raimo Raine Raisa Reijo Reino Riikka Riitta Risto Ritva Ronja Saana Saara Sakari Salla
Sami Samuli Sanna Sari Satu Seija Seppo Severi Siiri Simo Sini Sirkka Sirpa Sisko Sofia Sonja Suvi Taina
Taisto Tapani Tapio Tarja Teemu Tellervo Teppo Terhi Tero Terttu Tiina Timo Toini Toivo Tomi Tommi Toni
Topi Tuija Tuomas Tuomo Tuula Tuukka Tytti Ulla Urho Vaino Valtteri Veera Veikko Veli Venla Vesa Viljo
Ville Vilma Virpi Väinö Wille Yrjö
Agneta Anders Annika Axel Birgitta Bo Britt Carina Carl Christer Dag Ebba Elin Elsa Erik Filip Frida
Gunnar Gustav Göran Hans Helmer Håkan Ingrid Jan Johan Jonas Karin Karl Kerstin Klas Lars Leif Lena
Linnea Magnus Malin Margareta Mats Mattias Nils Olof Ove Per Pernilla Rolf Sten Stig Sven Torbjörn Ulf
Ulrika Viktor Åsa Åke
Adam Alan Alex Alice Amanda Amy Andrew Angela Anthony Ben Benjamin Bill Bob Brian Bruce Carol Catherine
Charles Charlotte Chris Christopher Claire Daniel David Deborah Dennis Diana Donald Edward Elizabeth
Emily Eric Frank Gary George Grace Grant Hannah Harry Helen Henry Ian Jack Jacques James Jane Jason
Jennifer Jessica Jim Joe John Jonathan Joseph Julie Karen Kate Katherine Kevin Laura Linda Lisa Louise
Lucy Margaret Maria Mark Martin Mary Matthew Michael Michelle Mike Nancy Nicholas Nicola Oliver Patrick
Paul Peter Philip Rachel Rebecca Richard Robert Ruth Ryan Sam Sarah Scott Sean Simon Sophie Stephen
Steve Steven Susan Thomas Tim Timothy Tom Tony Victoria William Zoe
`),
);

export const SURNAMES = new Set(
  words(`
Aalto Aaltonen Ahonen Anttila Backman Heikkinen Heinonen Hiltunen Hämäläinen Ikonen Jokinen Järvinen
Kallio Karjalainen Kettunen Kinnunen Kivelä Koivisto Kokkonen Korhonen Koskinen Lahtinen Laine Laitinen
Lehtinen Lehto Lehtonen Leinonen Lindholm Lindqvist Lindroos Lund Lundqvist Manninen Mattila Miettinen
Mustonen Mäkelä Mäki Mäkinen Nieminen Niemi Nurmi Ojala Peltonen Pitkänen Rantanen Räsänen Saarinen Salo
Salminen Savolainen Sirén Tuominen Turunen Vainio Virtanen Väisänen Wikström Nyström Holmström
Korhonen Peltola Heikkilä Hakala Ahola Kangas Lehtola Laaksonen Hirvonen Toivonen Eskola Leinonen Koivula
Kärkkäinen Lindberg Lindström Nyberg Dahl Björk Berg Holm Ek Lund Sundström Forsman Grönroos Strand Åberg
Smith Jones Brown Taylor Wilson Johnson Williams Baxter Miller Davies Evans
`),
);

/** Short and familiar forms of first names: a person registered as Tapio is also "Tapsa". */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Tapio: ['Tapsa', 'Tapsu'],
  Tapani: ['Tapsa', 'Tapsu'],
  Matti: ['Masa', 'Mattis'],
  Markku: ['Make'],
  Marko: ['Make'],
  Pekka: ['Pekkis', 'Pekku'],
  Jari: ['Jartsa'],
  Timo: ['Timppa'],
  Kari: ['Kartsa'],
  Jukka: ['Jukkis'],
  Heikki: ['Hessu', 'Heka'],
  Seppo: ['Seppis', 'Sepi'],
  Antti: ['Antsa', 'Anttu'],
  Petri: ['Pete', 'Petu'],
  Petteri: ['Pete'],
  Erkki: ['Eki'],
  Harri: ['Hartsa'],
  Tommi: ['Tomppa'],
  Tuomas: ['Tumppi'],
  Sami: ['Samppa'],
  Juhani: ['Jussi', 'Juha', 'Juhis'],
  Johannes: ['Jussi', 'Hannes'],
  Kaarlo: ['Kalle'],
  Aleksanteri: ['Aleksi', 'Ale'],
  Aleksi: ['Ale'],
  Kristiina: ['Kikka', 'Tiina'],
  Katariina: ['Kati', 'Katri', 'Kaisa'],
  Elisabet: ['Elisa', 'Liisa', 'Liisu'],
  Johanna: ['Hanna', 'Jonna'],
  Susanna: ['Sanna', 'Suski'],
  Kirsi: ['Kikka'],
  Nils: ['Nisse'],
  Lars: ['Lasse'],
  Karl: ['Kalle'],
  Per: ['Pelle'],
  Gustav: ['Gösta'],
  Erik: ['Eke'],
  William: ['Bill', 'Will', 'Billy'],
  Robert: ['Bob', 'Rob', 'Bobby'],
  Thomas: ['Tom', 'Tommy'],
  Daniel: ['Dan', 'Danny'],
  Michael: ['Mike', 'Mick'],
  Richard: ['Rick', 'Dick'],
  James: ['Jim', 'Jimmy'],
  Stephen: ['Steve'],
  Steven: ['Steve'],
  Anthony: ['Tony'],
  Christopher: ['Chris'],
  Katherine: ['Kate', 'Kathy'],
  Catherine: ['Kate', 'Cathy'],
  Margaret: ['Maggie', 'Peggy'],
  Jennifer: ['Jen', 'Jenny'],
  Elizabeth: ['Liz', 'Beth'],
  Nicholas: ['Nick'],
  Benjamin: ['Ben'],
  Samuel: ['Sam'],
  Timothy: ['Tim'],
  Edward: ['Ed', 'Ted'],
};

/** Legal forms after a company's name; they are dropped to find its short form. */
export const LEGAL_SUFFIXES = new Set(
  words(
    'Oy Oyj Ab AB Ky Oy: Tmi Ltd Limited plc PLC Inc Inc. Corp LLC GmbH AG AS A/S ASA ApS Aps SA BV NV Co KG',
  ),
);

/** Business acronyms that are not organisations. */
export const COMMON_ACRONYMS = new Set(
  words(`
API B2B B2C BI CEO CFO COO CRM CTO CX EBIT EBITDA ERP ESG EU HR ICT IT KPI NPS OK PDF PO Q1 Q2 Q3 Q4 QA ROI
HUOM NB PS TODO PM SOW RFP RFQ POC PoC GDP SaaS SLA SMS TCO TOP UX VAT VIP VP ALV ATK EDI EUR FAQ GDPR HSE IPO KV LVI MVP PK PT SOTE TKI TJ TKO TMI
USD VR YT
`),
);

/** Capitalised words that are not names even in the middle of a sentence. */
export const NOT_NAMES = new Set(
  words(`
I I'm I've I'd I'll OK Ok Mr Mrs Ms Dr Prof
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Christmas Easter
English Finnish Swedish Norwegian Danish German French Estonian Russian American British European Nordic
Scandinavian Baltic Finn Finns Swede Swedes
Excel Word PowerPoint Outlook Teams Zoom Slack Google LinkedIn Windows Office SharePoint Power
Finland Sweden Norway Denmark Estonia Germany Poland France Spain Italy Netherlands Belgium Austria
Switzerland Latvia Lithuania Russia China Japan India Canada Mexico Brazil Europe Asia Africa America USA UK
Suomi Suomessa Suomeen Suomesta Ruotsi Ruotsissa Ruotsiin Ruotsista Norja Norjassa Tanska Tanskassa Viro
Virossa Saksa Saksassa Saksaan Puola Puolassa Ranska Ranskassa Eurooppa Euroopassa Aasia Aasiassa Baltia
Baltiassa Pohjoismaat Pohjoismaissa
`),
);

/**
 * Everyday words that often start a sentence in notes. A capitalised word at the start of a sentence
 * is a name only if it is not one of these, nor seen in lower case elsewhere in the same material.
 */
export const COMMON_WORDS = new Set(
  words(`
a an the and or but if so as at by for from in into of on to with without about after before over under
he she it we they you i this that these those there here then now also still just only even not no yes
is are was were be been has have had do does did will would can could should may might must
what who when where why how all any some many most more less much very well good bad new old
nobody everybody everyone someone somebody anyone anybody none each both either neither others
usea useat moni monet harva harvat muutama muutamat osa molemmat kumpikin jompikumpi eräs eräät
toinen toiset muu muut itse
hän se me he te sinä minä tämä tuo nämä nuo siellä täällä sitten nyt myös vielä vain jo ei kyllä
on oli olivat ovat ole ollut olisi voi voisi pitää pitäisi täytyy saa sai
ja tai mutta jos kun koska että joka mikä kuka missä miksi miten kaikki jotkut moni useimmat
asiakas asiakkaat toimittaja yritys meillä heillä teillä niillä sillä tällä
hyvä huono uusi vanha iso pieni
kukaan mikään kumpikaan jokin joku jotkin kaikki jokainen kukin kuka mitä ketään mitään koskaan aina
`),
);

/**
 * Words common in company names: alone they name nobody ("Group" in a table header), so they count
 * only beside another word of the same name ("Halvard Group").
 */
export const GENERIC_ORG_WORDS = new Set(
  words(`
Group Cloud Logistics Systems System Services Service Solutions Partners Partner Holding Holdings Industries
Industry International Consulting Finland Suomi Suomen Nordic Nordics Scandinavia Europe European Global Tech
Technologies Technology Software Digital Energy Capital Management Company Trading Foods Food Products
Engineering Construction Transport Freight Steel Paper Pharma Health Care Data Networks Media Retail
Logistiikka Palvelut Palvelu Rakennus Kuljetus Konsultointi Teollisuus Yhtymä Konserni Kauppa Tekniikka
Metalli Energia Sähkö Talo Koti Kone Huolto Osuuskunta The and of &
`),
);

/**
 * First names, surnames and nicknames that are also ordinary words (or whose forms are: Päivi →
 * "päivin", Pia → "pian", Tapani → "tapani"), in lower case. Written lower case, such a name is the
 * word, never the person: "kallio", "mäki", "price", "grant" are never matched. A curated list:
 * Finnish nature and trade surnames, Finnish first names that are nouns or adverbs, English names
 * that are words, and the nicknames above that are words (make, ale, bill, pelle).
 */
export const NAMES_THAT_ARE_WORDS = new Set(
  words(`
aalto aho halla harju heinä hirvi honka haapa ilves joki järvi kaarna kallio kangas kanerva karhu kari
kaski kataja kettu kivi koivu koivisto koski kotka kuikka kulta kuusi kurki laakso lahti laine lampi
lehto leppä lintu lumi metsä mänty mäki niemi nurmi paju paasi pelto petäjä pihlaja pouta puro raja ranta
rauta rinne routa saari salmi salo sorsa susi suo tammi tanner tuuli vaara vainio varis virta vuori
hovi lukkari nikkari rautio seppä hopea kupari vaski tina sarja kaira riita helmi
kivinen mäkinen järvinen kallioinen metsäinen hevonen ihminen nainen toinen ykkönen kakkonen kolmonen
nelonen
aamu aarre aino anna armas arvo eli ilo ilona ilta into kai kauko kirsi kukka lahja lempi lumi marja
matti meri oiva onni otto pia päivi rauha ritva satu sini sisko sulo säde taimi tapani taisto toivo
tyyne urho usko valo veli veikko vesa vilja virpi visa voitto pilvi hilla jussi orvokki ruusu
ale make pelle eke
sirkka terttu tuija iiris henna suvi lotta lassi joe alan karin
per bo jan dag ebba elsa malin
bill will mark frank grant price rose jack may june grace hope joy penny drew sue max king art chase
hunt baker miller page young long rich guy chip white wood green hall hill lane stone bond crane sterling
faith major marsh bush banks field ford fox wolf lamb bell best little rice ward wells mills day cross
short strong sharp swift wise hardy noble power gold silver steel cole porter turner walker hunter
fisher carter mason potter barber butler cooper dean bishop knight prince duke earl lord glass church
brook brooks rivers lake pond dale glen heath moss reed root bird swan crow hawk finch robin martin
nick pat rob don bob bud dawn iris ivy ruby pearl holly heather amber summer april august victor ray rod
cliff wade pierce sage river sky storm dusty sandy rusty randy chuck carol harry peter ruth mike dick
ted ed ben dan tom jimmy billy bobby peggy smith brown black gray grey holm strand
`),
);

/**
 * Everyday nouns ending in -la/-lä, the place suffix: a surname of that shape (Mattila, Heikkilä) is
 * no word in lower case, but these are.
 */
const LA_WORDS = new Set(
  words(`
kahvila ravintola sairaala neuvola pappila kanala asuntola vankila hoitola ruokala kuula paula hella
kaula keula jaala heila mela sola kala tila pala vala tela sola kela
`),
);

/** Every nickname: each is a first name. */
export const NICKNAME_VALUES: ReadonlySet<string> = new Set(Object.values(NICKNAMES).flat());

/**
 * Whether a name word may be matched written in lower case ("sepolle soitettiin"): only when its
 * lower case is no word. Known are the gazetteer's names that are not on the list above, and the
 * shapes of Finnish surnames that are no words: -nen (Virtanen; not the demonyms -lainen/-läinen,
 * hämäläinen is a word, nor adjectives listed above, "kivinen tie") and -la/-lä (Mattila, Heikkilä). Any other name cannot be told from a word
 * (a registered "Kulta", "Vanha"): it is matched only capitalised.
 */
export function lowercaseSafe(name: string): boolean {
  const lower = name.toLocaleLowerCase('fi');
  if (lower.length < 3 || NAMES_THAT_ARE_WORDS.has(lower) || LA_WORDS.has(lower)) return false;
  if (/l[aä]inen$/u.test(lower)) return false;
  if (/[aeiouyäö]nen$/u.test(lower) && lower.length >= 6) return true;
  if (/[aeiouyäö]l[aä]$/u.test(lower) && lower.length >= 5) return true;
  return FIRST_NAMES.has(name) || SURNAMES.has(name) || NICKNAME_VALUES.has(name);
}
