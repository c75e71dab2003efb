/**
 * The short hand-written word lists the recogniser uses. Everything large (countries, demonyms,
 * capitals, regions, first names) comes from packages via scripts/build-gazetteers.ts; what is
 * here is closed-class English (function words, titles) or a handful of well-known aliases that
 * no package states. Keep each list short: a list that grows is a sign a rule is missing.
 */

/** Capitalised function words that open sentences and headlines; never a name on their own. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'then', 'than', 'as', 'at', 'by', 'for',
  'from', 'in', 'into', 'of', 'off', 'on', 'onto', 'out', 'over', 'to', 'up', 'with', 'without', 'under',
  'after', 'before', 'since', 'until', 'while', 'when', 'whenever', 'where', 'why', 'how', 'what', 'which',
  'who', 'whom', 'whose', 'that', 'this', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she',
  'they', 'we', 'you', 'his', 'her', 'their', 'our', 'your', 'my', 'me', 'him', 'them', 'us', 'i',
  'although', 'though', 'because', 'despite', 'during', 'however', 'meanwhile', 'also', 'both', 'each',
  'every', 'all', 'any', 'some', 'many', 'most', 'much', 'more', 'less', 'few', 'several', 'no', 'not',
  'one', 'two', 'three', 'another', 'other', 'such', 'according', 'following', 'including', 'about',
  'among', 'between', 'against', 'through', 'via', 'per', 'is', 'are', 'was', 'were', 'be', 'been',
  'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'might',
  'must', 'shall', 'let', 'please', 'yes', 'ok', 'mr', 'mrs', 'ms',
  // Sentence adverbs that open sentences before a name ("Later NATO said ...").
  'later', 'earlier', 'now', 'then', 'still', 'even', 'just', 'only', 'again', 'today', 'yesterday',
  'tomorrow', 'tonight', 'last', 'next', 'first', 'finally', 'instead', 'indeed', 'perhaps', 'maybe',
  'thus', 'hence', 'therefore', 'otherwise', 'besides', 'moreover', 'furthermore', 'overall',
]);

/** Calendar words: capitalised in English but never names here (CoNLL and most guides agree). */
export const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
]);

/** All-caps tokens that are units or time zones rather than organisations ("10 a.m. ET"). */
export const CAPS_NON_NAMES = new Set(['ET', 'EST', 'EDT', 'PT', 'PST', 'GMT', 'UTC', 'BST', 'CET', 'AM', 'PM', 'TV', 'OK']);

/**
 * Person titles, matched inside a capitalised run as [modifier]* head ["of" place]. They are cut
 * out of the mention and mark the following name as a person.
 */
export const TITLE_HEADS = new Set([
  'President', 'Premier', 'Chancellor', 'Minister', 'Secretary', 'Secretary-General', 'Senator',
  'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov.', 'Mayor',
  'King', 'Queen', 'Prince', 'Princess', 'Pope', 'Ambassador', 'General', 'Gen.', 'Colonel', 'Col.',
  'Lt.', 'Sgt.', 'Capt.', 'Captain', 'Commander', 'Admiral', 'Judge', 'Justice', 'Sheikh', 'Sir',
  'Dame', 'Lord', 'Lady', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Professor', 'Rev.', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Chairman', 'Chairwoman', 'Director', 'Coach', 'Writer', 'Editor',
  'Correspondent', 'Reporter', 'Leader', 'MP', 'MEP', 'Mr', 'Mrs', 'Ms', 'Dr',
]);

/** Words that qualify a title head ("Prime Minister", "Foreign Secretary", "Staff Writer"). */
export const TITLE_MODIFIERS = new Set([
  'Vice', 'Prime', 'Deputy', 'Acting', 'Former', 'Foreign', 'Defence', 'Defense', 'Finance', 'Interior',
  'Home', 'Trade', 'Health', 'Attorney', 'Chief', 'Senior', 'Executive', 'Staff', 'Opposition', 'State',
  'Crown', 'Supreme', 'Managing', 'Lieutenant', 'Major', 'Brigadier', 'Rear',
]);

/** Abbreviated titles the tokenizer keeps together with their period. */
export const TITLE_ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt', 'Prof', 'Rev', 'St'];

/** Lower-case role nouns that introduce a person's name ("Kremlin spokesman Dmitry Peskov"). */
export const ROLE_WORDS = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'premier', 'senator', 'governor', 'mayor',
  'spokesman', 'spokeswoman', 'spokesperson', 'counterpart', 'leader', 'chairman', 'chairwoman', 'chief',
  'envoy', 'ambassador', 'official', 'coach', 'manager', 'captain', 'striker', 'defender', 'goalkeeper',
  'midfielder', 'prosecutor', 'lawyer', 'judge', 'analyst', 'economist', 'diplomat', 'commander',
  'general', 'director', 'executive', 'reporter', 'correspondent', 'writer', 'actor', 'singer',
  'player', 'champion', 'driver', 'rider', 'veteran', 'mr', 'mrs', 'ms', 'dr',
]);

/** Verbs of saying that, right after a name, mark it as a person ("Maynes says"). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'argued',
  'argues', 'explained', 'explains', 'insisted', 'insists', 'warned', 'warns', 'believes', 'thinks',
]);

/** Lower-case particles allowed inside a name ("Bashar al-Assad", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'ter', 'bin', 'ibn', 'al', 'el', 'abu', 'ben']);

/** Final words that make a name an organisation. */
export const ORG_SUFFIXES = new Set([
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Co.', 'Ltd', 'Ltd.', 'LLC', 'PLC', 'Plc', 'AG', 'SA',
  'Group', 'Holdings', 'Bank', 'Agency', 'Ministry', 'Department', 'Council', 'Party', 'Committee',
  'Commission', 'Assembly', 'Parliament', 'Congress', 'Senate', 'Court', 'Union', 'Association',
  'Federation', 'League', 'Institute', 'University', 'College', 'School', 'Foundation', 'Fund',
  'Organization', 'Organisation', 'Office', 'Service', 'Services', 'Bureau', 'Authority', 'Army',
  'Navy', 'Force', 'Forces', 'Police', 'Times', 'Post', 'Journal', 'News', 'Herald', 'Tribune',
  'Telegraph', 'Guardian', 'Gazette', 'Press', 'Radio', 'Television', 'Airlines', 'Airways', 'Motors', 'Club', 'United', 'FC',
  'Rovers', 'Athletic', 'Church', 'Exchange', 'Reserve', 'Cabinet', 'Government', 'Board', 'Network', 'Media',
]);

/** Organisations usually named without any suffix or cue. */
export const KNOWN_ORGS = new Set(['Kremlin', 'White House', 'Pentagon', 'Reuters', 'Downing Street']);

/** Final (or, for a few, initial) words that make a name a place. */
export const LOC_SUFFIXES = new Set([
  'River', 'Sea', 'Ocean', 'Mountains', 'Mountain', 'Island', 'Islands', 'Peninsula', 'Valley', 'Gulf',
  'Bay', 'Lake', 'Strait', 'Straits', 'Street', 'Avenue', 'Square', 'Province', 'Region', 'County',
  'Desert', 'Coast', 'Canal', 'Airport', 'Basin', 'Plateau', 'City',
]);
export const LOC_PREFIXES = new Set(['Lake', 'Mount', 'Cape', 'Gulf', 'Isle', 'Sea', 'Port', 'Fort', 'St.', 'St', 'San', 'Santa', 'Los', 'Las', 'New']);

/** Final words that make a name a law or treaty (MISC/LAW); the lower-case ones extend "Minsk agreements". */
export const LAW_SUFFIXES = new Set(['Agreement', 'Agreements', 'Accord', 'Accords', 'Treaty', 'Act', 'Protocol', 'Protocols', 'Convention', 'Charter', 'Pact']);
export const LAW_NOUNS = new Set(['agreement', 'agreements', 'accord', 'accords', 'treaty', 'protocol', 'protocols', 'pact']);

/** Final words that make a name an event (MISC/EVENT). */
export const EVENT_SUFFIXES = new Set(['War', 'Games', 'Olympics', 'Cup', 'Championship', 'Championships', 'Summit', 'Festival', 'Revolution', 'Open', 'Grand Prix', 'Prix', 'Tour', 'Conference', 'Election']);

/** Words after which "of"/"for" continue a name ("Bank of England", "Summit for Democracy"). */
export const OF_HEADS = new Set([...ORG_SUFFIXES, ...LOC_SUFFIXES, ...LOC_PREFIXES, ...EVENT_SUFFIXES, 'House', 'Chamber', 'Church', 'Museum', 'Republic', 'Kingdom', 'Emirates', 'States', 'Isle', 'Duke', 'Bishop', 'Archbishop', 'Center', 'Centre', 'Secretariat', 'Minister', 'Secretary', 'Democracy']);

/** Direction words that may prefix a place or nationality ("East Ukraine", "West Indian"). */
export const DIRECTIONS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower']);

/**
 * Aliases the world-countries data lacks: common short forms and dotted abbreviations used by
 * news writers. Two-letter codes are deliberately not taken from the data wholesale ("IT", "IN",
 * "NO" and "ME" are English words in headlines); only these few are.
 */
export const COUNTRY_ALIASES: Record<string, string> = {
  'U.S.': 'US', 'US': 'US', 'USA': 'US', 'U.S.A.': 'US', 'America': 'US',
  'U.K.': 'GB', 'UK': 'GB', 'Britain': 'GB', 'Great Britain': 'GB',
  'UAE': 'AE', 'U.A.E.': 'AE', 'Holland': 'NL', 'Russian Federation': 'RU', 'Czech Republic': 'CZ',
  'Turkey': 'TR', 'Bosnia': 'BA',
};

/** Places beyond today's sovereign countries: political units (GPE) and regions (plain LOC). */
export const EXTRA_GPES = [
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Soviet Union', 'Yugoslavia', 'Czechoslovakia', 'Zaire',
  // The fifty US states: the one sub-national list US-centred news cannot do without.
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington State', 'West Virginia', 'Wisconsin', 'Wyoming',
];
export const EXTRA_REGIONS = ['Middle East', 'West Bank', 'Gaza Strip', 'Balkans', 'Caucasus', 'Scandinavia'];
/**
 * Nationalities, religious, ethnic and political groups (NORP) the demonym data lacks, with the
 * country they belong to where there is one ("Saudi" is an alternative spelling of the country
 * in the data, but writers use it as the adjective).
 */
export const EXTRA_NATIONALITIES: Record<string, string | null> = {
  'Saudi': 'SA', 'English': 'GB', 'Scottish': 'GB', 'Welsh': 'GB', 'Scot': 'GB', 'Palestinian': 'PS',
  'European': null, 'Asian': null, 'African': null, 'Arab': null, 'Latin American': null, 'Soviet': null,
  'Muslim': null, 'Moslem': null, 'Christian': null, 'Jewish': null, 'Jew': null, 'Catholic': null,
  'Protestant': null, 'Hindu': null, 'Sikh': null, 'Buddhist': null, 'Sunni': null, 'Shia': null,
  'Shiite': null, 'Kurdish': null, 'Kurd': null, 'Serb': null, 'Croat': null, 'Chechen': null,
  'Tamil': null, 'Hutu': null, 'Tutsi': null, 'Pashtun': null, 'Uighur': null, 'Uyghur': null,
  'Republican': null, 'Democrat': null,
};

/**
 * People whose surname alone, next to a head-of-state title ("President Biden"), names them even
 * when the document never spells the full name. This is world knowledge the in-document linker
 * cannot have; it is a stop-gap until a corpus-level linker exists, and must stay tiny.
 */
export const KNOWN_LEADERS = ['Joe Biden', 'Vladimir Putin', 'Volodymyr Zelensky', 'Emmanuel Macron', 'Boris Johnson', 'Olaf Scholz', 'Angela Merkel', 'Antony Blinken'];
