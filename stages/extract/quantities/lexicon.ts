/**
 * Word tables for quantity extraction. Everything here is data (plus the one predicate that says
 * how a stop word is compared); the rules that use it live in
 * numbers.ts (numerals), units.ts (what a number measures), context.ts (what is not a quantity),
 * nouns.ts (what is counted) and attribution.ts (who claims it).
 */

/** Cardinal words below twenty. "nought"/"naught" are British zero. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['nought', 0], ['naught', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4],
  ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11],
  ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/** Multipliers written as words. "hundred" is handled apart because it scales a group, not a total. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['lakh', 1e5], ['crore', 1e7],
]);

/** Abbreviated scales glued to digits ("$5bn", "€2.3m" is decided in units.ts, "5k", "10M"). */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['MM', 1e6], ['mn', 1e6], ['mln', 1e6], ['mil', 1e6],
  ['b', 1e9], ['B', 1e9], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12], ['tln', 1e12],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6],
  ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12],
  ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16],
  ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70],
  ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100], ['thousandth', 1e3],
  ['millionth', 1e6], ['billionth', 1e9], ['trillionth', 1e12],
]);

/** Denominators of spelled fractions ("two thirds", "a quarter", "five eighths"). */
export const DENOMINATORS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>([['half', 2], ['halves', 2], ['quarter', 4], ['quarters', 4]]);
  for (const [word, value] of ORDINALS) {
    if (value < 3) continue; // "first"/"second" are never denominators
    map.set(word, value);
    map.set(word + 's', value);
  }
  return map;
})();

/**
 * Vague plural magnitudes. The bounds are the order of magnitude the word names, up to where the
 * next word takes over: "hundreds" = 100..999, "thousands" = 1,000..9,999, "tens of thousands" =
 * 10,000..99,999 (see numbers.ts). "dozens" runs from two dozen to 99, where "hundreds" begins.
 */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['tens', 10], ['dozens', 12], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6],
  ['billions', 1e9], ['trillions', 1e12],
]);

export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec',
]);

export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/**
 * Nouns that put a number into a name or label ("Route 66", "Article 5", "Exit 436"). The
 * number identifies something; it counts nothing.
 */
export const LABEL_NOUNS: ReadonlySet<string> = new Set([
  'route', 'highway', 'interstate', 'exit', 'page', 'pages', 'chapter', 'article', 'section',
  'paragraph', 'clause', 'room', 'flight', 'platform', 'gate', 'version', 'level', 'phase',
  'grade', 'episode', 'season', 'volume', 'vol', 'item', 'rule', 'resolution', 'amendment',
  'district', 'precinct', 'ward', 'channel', 'bus', 'line', 'no', 'nos', 'nr', 'number', 'unit',
  'apartment', 'apt', 'suite', 'floor', 'block', 'lot', 'pier', 'terminal', 'track', 'lane',
  'model', 'type', 'class', 'category', 'stage', 'tier', 'division', 'box', 'code', 'zone',
]);

/** Time zone abbreviations that may follow a clock time ("10 a.m. ET"). */
export const TIME_ZONES: ReadonlySet<string> = new Set([
  'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'AKST', 'HST',
  'GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'MSK', 'IST', 'JST', 'KST', 'AEST',
  'AEDT', 'SGT', 'HKT', 'Z',
]);

/**
 * Words that end a counted-noun phrase: determiners, prepositions, conjunctions, pronouns,
 * auxiliaries and common adverbs. Compared lower-case; a word written in capitals ("US", the
 * country) is never treated as a stop word.
 */
export const NOUN_PHRASE_STOPS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'with',
  'without', 'for', 'into', 'onto', 'over', 'under', 'about', 'around', 'after', 'before', 'since',
  'until', 'during', 'per', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'this', 'these',
  'those', 'it', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'do', 'does', 'did', 'not',
  'no', 'more', 'less', 'each', 'every', 'all', 'some', 'any', 'such', 'so', 'also', 'only',
  'just', 'still', 'yet', 'already', 'ago', 'later', 'earlier', 'now', 'then', 'here', 'there',
  'when', 'where', 'while', 'if', 'because', 'he', 'she', 'they', 'we', 'you', 'i', 'his', 'her',
  'their', 'our', 'your', 'my', 'me', 'him', 'them', 'us', 'between', 'through', 'across',
  'along', 'near', 'within', 'against', 'toward', 'towards', 'like', 'via', 'among', 'amid',
  'including', 'according', 'said', 'says', 'say', 'told', 'reported', 'estimated',
  'what', 'how', 'why', 'whether', 'either', 'neither', 'both', 'very', 'too', 'up', 'down', 'out',
  'off', 'away', 'back', 'again', 'ever', 'never', 'even', 'currently', 'respectively',
]);

/** A stop word as written: "the" and "The" are, "US" (the country, in capitals) is not. */
export function isStopWord(word: string): boolean {
  return word !== word.toUpperCase() && NOUN_PHRASE_STOPS.has(word.toLowerCase());
}

/** Irregular plurals and collective nouns that count people or things without a final "s". */
export const PLURAL_NOUNS: ReadonlySet<string> = new Set([
  'people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'crew', 'cattle', 'sheep',
  'fish', 'deer', 'aircraft', 'teeth', 'mice', 'geese', 'feet', 'data', 'militia', 'infantry',
  'livestock', 'poultry', 'swine', 'offspring', 'spacecraft', 'hovercraft', 'folk', 'youth',
]);

/** Words ending in "s" that are not plural nouns (so they cannot be the counted noun). */
export const NOT_PLURAL: ReadonlySet<string> = new Set([
  'its', 'his', 'this', 'thus', 'was', 'has', 'is', 'as', 'us', 'yes', 'plus', 'less', 'unless',
  'across', 'whereas', 'perhaps', 'always', 'besides', 'towards', 'afterwards', 'news', 'series',
  'species', 'means', 'whose', 'does', 'goes', 'various', 'numerous', 'previous', 'serious',
  'famous', 'dangerous', 'enormous', 'gas', 'bus', 'chaos', 'status', 'bonus', 'focus',
  'campus', 'virus', 'census', 'consensus', 'crisis', 'analysis', 'basis', 'thesis', 'emphasis',
]);

/**
 * Nouns that can head a source phrase even when written lower-case ("Ukrainian officials say",
 * "the official said"). Capitalised heads (names, agencies) are accepted without this list.
 */
export const SOURCE_NOUNS: ReadonlySet<string> = new Set([
  'official', 'officials', 'intelligence', 'spokesman', 'spokeswoman', 'spokesperson',
  'spokespeople', 'ministry', 'government', 'administration', 'analyst', 'analysts', 'expert',
  'experts', 'source', 'sources', 'officer', 'officers', 'commander', 'commanders', 'military',
  'police', 'authorities', 'agency', 'agencies', 'statement', 'report', 'reports', 'observers',
  'monitors', 'diplomat', 'diplomats', 'minister', 'ministers', 'president', 'secretary',
  'leader', 'leaders', 'team', 'researchers', 'survey', 'study', 'poll', 'estimate', 'estimates',
  'assessment', 'assessments', 'army', 'newspaper', 'media',
  'reporters', 'journalists', 'witnesses', 'residents', 'organizers', 'organisers', 'group',
  'department', 'office', 'service', 'services', 'council', 'committee', 'commission', 'bank',
  'company', 'firm', 'figures', 'data', 'governor', 'mayor', 'general', 'chief', 'head',
]);

/** Nouns naming the document rather than the source ("U.S. intelligence estimates suggest"). */
export const REPORT_NOUNS: ReadonlySet<string> = new Set([
  'estimate', 'estimates', 'assessment', 'assessments', 'figures', 'data', 'findings',
]);

/** Leading words trimmed from a source phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our',
]);
