/**
 * What a number is measured in: a currency sign or code before it ("$", "US$", "€", "GBP"), or a
 * unit after it ("percent", "km", "barrels", "months", "dollars", "°C"). Values are never
 * converted between units; `unit` holds a canonical symbol for the unit as written ("kilometres"
 * → "km", "metric tons" → "t", "months" → "months"), with two exceptions that only move the
 * decimal point: cents and pence become 1/100 of USD and GBP.
 */
import type { Quantity } from '../../types.js';
import { matchAt, matchBefore } from './text.js';

type UnitKind = Extract<Quantity['kind'], 'money' | 'percent' | 'measure' | 'duration'>;

interface UnitEntry {
  kind: UnitKind;
  /** ISO code, "percent"/"percentage_point", a measure symbol, or a plural time unit; null when ambiguous. */
  unit: string | null;
  /** Value multiplier: 0.01 for cents and pence, 1 otherwise. */
  factor: number;
  /** Single letters ("m", "t", "g", "l", "h") are units only when glued to the digits ("48m", "100t"). */
  gluedOnly: boolean;
  /** Money only after a scale or a currency sign ("361 million pounds", "5 billion won"); else `otherwise`. */
  needsScale: boolean;
  /** What the word means when `needsScale` is not met ("25 pounds" is a weight). */
  otherwise: UnitEntry | null;
}

interface UnitMatch extends UnitEntry {
  start: number;
  end: number;
}

/** One literal for every match: `{ ...entry, start, end }` gave each match its own hidden class (872 for BBC's 872 unit mentions). */
function unitMatch(e: UnitEntry, start: number, end: number): UnitMatch {
  return { kind: e.kind, unit: e.unit, factor: e.factor, gluedOnly: e.gluedOnly, needsScale: e.needsScale, otherwise: e.otherwise, start, end };
}

function entry(kind: UnitKind, unit: string | null, opts: Partial<UnitEntry> = {}): UnitEntry {
  return { kind, unit, factor: 1, gluedOnly: false, needsScale: false, otherwise: null, ...opts };
}

/** Adds every spelling in `words` (lower-case, may contain spaces) for one unit. */
function add(table: Map<string, UnitEntry>, words: string, e: UnitEntry): void {
  for (const w of words.split('|')) table.set(w, e);
}

const POUND_WEIGHT = entry('measure', 'lb');

/** Units matched case-insensitively (the key is lower-case, multi-word keys single-spaced). */
const UNITS = new Map<string, UnitEntry>();
/** Units whose case matters ("MB" is not "mb", "5G" is no weight), matched exactly. */
const UNITS_EXACT = new Map<string, UnitEntry>();

// Money. Plain "dollars" is USD unless a sign before says otherwise (see readAmount in quantities.ts).
add(UNITS, 'dollar|dollars|us dollar|us dollars|american dollars', entry('money', 'USD'));
add(UNITS, 'canadian dollar|canadian dollars', entry('money', 'CAD'));
add(UNITS, 'australian dollar|australian dollars', entry('money', 'AUD'));
add(UNITS, 'hong kong dollar|hong kong dollars', entry('money', 'HKD'));
add(UNITS, 'new zealand dollar|new zealand dollars', entry('money', 'NZD'));
add(UNITS, 'singapore dollar|singapore dollars', entry('money', 'SGD'));
add(UNITS, 'euro|euros', entry('money', 'EUR'));
add(UNITS, 'pounds sterling|british pounds|british pound|sterling', entry('money', 'GBP'));
add(UNITS, 'pound|pounds', entry('money', 'GBP', { needsScale: true, otherwise: POUND_WEIGHT }));
add(UNITS, 'yen|japanese yen', entry('money', 'JPY'));
add(UNITS, 'yuan|chinese yuan|renminbi|rmb', entry('money', 'CNY'));
add(UNITS, 'rouble|roubles|ruble|rubles|russian roubles|russian rubles', entry('money', 'RUB'));
add(UNITS, 'hryvnia|hryvnias|hryvnya|hryvnyas', entry('money', 'UAH'));
add(UNITS, 'rupee|rupees|indian rupees', entry('money', 'INR'));
add(UNITS, 'swiss franc|swiss francs', entry('money', 'CHF'));
add(UNITS, 'turkish lira|turkish liras', entry('money', 'TRY'));
add(UNITS, 'mexican pesos|mexican peso', entry('money', 'MXN'));
add(UNITS, 'south korean won', entry('money', 'KRW'));
add(UNITS, 'won', entry('money', 'KRW', { needsScale: true }));
add(UNITS, 'bitcoin|bitcoins', entry('money', 'BTC'));
UNITS_EXACT.set('BTC', entry('money', 'BTC'));
// Currency names shared by several countries: money, but no ISO code can be given.
add(UNITS, 'franc|francs|peso|pesos|dinar|dinars|lira|liras|krona|kronor|krone|kroner', entry('money', null));
// Currencies replaced by the euro, still in older copy, and symbols written after the amount.
add(UNITS, 'markka|markkas|markkaa|finnish markka|finnish markkas|finnish markkaa', entry('money', 'FIM'));
add(UNITS, 'peseta|pesetas|spanish peseta|spanish pesetas', entry('money', 'ESP'));
add(UNITS, 'guilder|guilders|dutch guilder|dutch guilders', entry('money', 'NLG'));
add(UNITS, '元', entry('money', 'CNY'));
add(UNITS, '₡|colón|colones|costa rican colón|costa rican colones', entry('money', 'CRC'));
add(UNITS, '₾|lari|georgian lari', entry('money', 'GEL'));
add(UNITS, '₭|kip|lao kip', entry('money', 'LAK'));
add(UNITS, 'ரூ|sri lankan rupee|sri lankan rupees', entry('money', 'LKR'));
add(UNITS, 'cent|cents|¢', entry('money', 'USD', { factor: 0.01 }));
add(UNITS, 'pence|penny', entry('money', 'GBP', { factor: 0.01 }));
UNITS_EXACT.set('p', entry('money', 'GBP', { factor: 0.01, gluedOnly: true }));
// Codes only in capitals: lower-case "try" or "nok" after a number is more likely English than money.
for (const iso of ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'UAH', 'INR', 'CHF', 'CAD', 'AUD', 'HKD', 'NZD', 'SGD', 'KRW', 'TRY', 'MXN', 'BRL', 'SEK', 'NOK', 'DKK', 'PLN']) {
  UNITS_EXACT.set(iso, entry('money', iso));
}
UNITS_EXACT.set('$', entry('money', 'USD'));
UNITS_EXACT.set('€', entry('money', 'EUR'));
UNITS_EXACT.set('£', entry('money', 'GBP'));

// Percent.
add(UNITS, '%|percent|percents|per cent|pct|percentage', entry('percent', 'percent'));
add(UNITS, 'percentage point|percentage points|pp|ppt|ppts', entry('percent', 'percentage_point'));

// Length, area, volume, mass, speed, energy, data, temperature.
add(UNITS, 'km|kms|kilometer|kilometers|kilometre|kilometres', entry('measure', 'km'));
add(UNITS, 'meter|meters|metre|metres', entry('measure', 'm'));
UNITS_EXACT.set('m', entry('measure', 'm'));
add(UNITS, 'cm|centimeter|centimeters|centimetre|centimetres', entry('measure', 'cm'));
add(UNITS, 'mm|millimeter|millimeters|millimetre|millimetres', entry('measure', 'mm'));
add(UNITS, 'dm|decimeter|decimeters|decimetre|decimetres', entry('measure', 'dm'));
add(UNITS, 'picometer|picometers|picometre|picometres', entry('measure', 'pm'));
add(UNITS, 'nanometer|nanometers|nanometre|nanometres|nm', entry('measure', 'nm'));
add(UNITS, 'micrometer|micrometers|micrometre|micrometres|micron|microns|µm|μm', entry('measure', 'µm'));
add(UNITS, 'mi|mile|miles', entry('measure', 'mi'));
add(UNITS, 'nautical mile|nautical miles|nmi', entry('measure', 'nmi'));
add(UNITS, 'ft|foot|feet', entry('measure', 'ft'));
add(UNITS, 'inch|inches', entry('measure', 'in'));
add(UNITS, 'yd|yds|yard|yards', entry('measure', 'yd'));
add(UNITS, 'light year|light years', entry('measure', 'ly'));
add(UNITS, 'sq km|km2|km²|square kilometer|square kilometers|square kilometre|square kilometres', entry('measure', 'km²'));
add(UNITS, 'sq mi|square mile|square miles', entry('measure', 'mi²'));
add(UNITS, 'm2|m²|square meter|square meters|square metre|square metres', entry('measure', 'm²'));
add(UNITS, 'sq ft|square foot|square feet', entry('measure', 'ft²'));
add(UNITS, 'ha|hectare|hectares', entry('measure', 'ha'));
add(UNITS, 'acre|acres', entry('measure', 'acres'));
add(UNITS, 'm3|m³|cubic meter|cubic meters|cubic metre|cubic metres', entry('measure', 'm³'));
add(UNITS, 'cubic foot|cubic feet|cu ft', entry('measure', 'ft³'));
add(UNITS, 'liter|liters|litre|litres', entry('measure', 'l'));
add(UNITS_EXACT, 'l|L', entry('measure', 'l', { gluedOnly: true }));
add(UNITS, 'ml|milliliter|milliliters|millilitre|millilitres', entry('measure', 'ml'));
add(UNITS, 'gal|gallon|gallons', entry('measure', 'gal'));
add(UNITS, 'barrel|barrels|bbl', entry('measure', 'barrels'));
add(UNITS, 'kg|kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes', entry('measure', 'kg'));
UNITS_EXACT.set('g', entry('measure', 'g', { gluedOnly: true }));
add(UNITS, 'gram|grams|gramme|grammes', entry('measure', 'g'));
add(UNITS, 'mg|milligram|milligrams', entry('measure', 'mg'));
add(UNITS, 'µg|μg|mcg|microgram|micrograms|microgramme|microgrammes', entry('measure', 'µg'));
add(UNITS, 'tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes', entry('measure', 't'));
UNITS_EXACT.set('t', entry('measure', 't', { gluedOnly: true }));
add(UNITS, 'ton|tons', entry('measure', 'ton'));
add(UNITS, 'lb|lbs', POUND_WEIGHT);
add(UNITS, 'oz|ounce|ounces', entry('measure', 'oz'));
add(UNITS, 'km/h|km/hr|kph|kmph|kilometers per hour|kilometres per hour|km per hour', entry('measure', 'km/h'));
add(UNITS, 'mph|miles per hour|miles an hour|mile per hour', entry('measure', 'mph'));
add(UNITS, 'knot|knots', entry('measure', 'kn'));
add(UNITS, 'kilowatt|kilowatts', entry('measure', 'kW'));
add(UNITS, 'megawatt|megawatts', entry('measure', 'MW'));
add(UNITS, 'gigawatt|gigawatts', entry('measure', 'GW'));
add(UNITS, 'kilowatt hour|kilowatt hours', entry('measure', 'kWh'));
add(UNITS, 'megawatt hour|megawatt hours', entry('measure', 'MWh'));
add(UNITS, 'megabyte|megabytes', entry('measure', 'MB'));
add(UNITS, 'gigabyte|gigabytes', entry('measure', 'GB'));
add(UNITS, 'terabyte|terabytes', entry('measure', 'TB'));
add(UNITS, 'bit|bits', entry('measure', 'bit'));
add(UNITS, 'basis point|basis points|bps', entry('measure', 'bp'));
for (const sym of ['kW', 'MW', 'GW', 'kWh', 'MWh', 'GWh', 'TWh', 'KB', 'MB', 'GB', 'TB']) UNITS_EXACT.set(sym, entry('measure', sym));
// Temperature scales with or without a degree word, in the spellings news copy uses.
for (const [scales, symbol] of [['celsius|celcius|centigrade|centigrate|c', '°C'], ['fahrenheit|farenheit|f', '°F']] as const) {
  for (const scale of scales.split('|')) {
    if (scale.length > 1) UNITS.set(scale, entry('measure', symbol));
    for (const degree of ['°', 'º', 'degree ', 'degrees ', 'deg ']) UNITS.set(degree + scale, entry('measure', symbol));
  }
}
add(UNITS, '°|º|degrees|degree|deg', entry('measure', '°'));

// Durations: the unit is the plural noun, whatever the spelling ("1 min" → "minutes").
add(UNITS, 'year|years|yr|yrs', entry('duration', 'years'));
add(UNITS, 'month|months', entry('duration', 'months'));
add(UNITS, 'week|weeks|wk|wks', entry('duration', 'weeks'));
add(UNITS, 'day|days', entry('duration', 'days'));
add(UNITS, 'night|nights', entry('duration', 'nights'));
add(UNITS, 'hour|hours|hr|hrs', entry('duration', 'hours'));
UNITS_EXACT.set('h', entry('duration', 'hours', { gluedOnly: true }));
add(UNITS, 'minute|minutes|min|mins', entry('duration', 'minutes'));
add(UNITS, 'second|seconds|sec|secs', entry('duration', 'seconds'));
add(UNITS, 'decade|decades', entry('duration', 'decades'));
add(UNITS, 'century|centuries', entry('duration', 'centuries'));
add(UNITS, 'fortnight|fortnights', entry('duration', 'fortnights'));

/** First unit token: a word, a symbol ("%", "°C", "$") or a compound ("km/h", "m²"); hyphen allowed ("3-inch"). */
const FIRST_TOKEN = /([ \t\u00a0]*)(-[ \t\u00a0]*)?([\p{L}°º%$€£¢µμ₡₾₭][\p{L}\p{M}²³]*[23]?(?:\/\p{L}+)?)(?![\p{L}\p{M}\d])/uy;
/** A unit in brackets right after the number: "20 (kg)", "20 [kg]", "20 {kg}", "20 <kg>". */
const BRACKETED = /[ \t\u00a0]*([(\[{<])[ \t\u00a0]*([\p{L}°º%$€£¢µμ][\p{L}²³]*[23]?(?:\/\p{L}+)?)[ \t\u00a0]*([)\]}>])/uy;
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** Abbreviations whose period is part of them ("50 deg."). */
const DOTTED_ABBREVIATION = /^(?:deg|degs)$/i;
/** A currency sign followed by a number starts the next amount ("$20 $37"); it is not this one's unit. */
const SIGN_BEFORE_NUMBER = /[ \t\u00a0]*\d/y;
const SIGN_ONLY = /^[$€£]$/;
const NEXT_TOKEN = /[ \t\u00a0]+(\p{L}+)/uy;
/** Age: "five years old", "a 29-year-old", "six weeks of age". */
const AGE_SUFFIX = /(?:[ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+)old\b|[ \t\u00a0]+of[ \t\u00a0]+age\b/y;

/** First words of the unit phrases: a token that starts none is no unit, and the words after it need not be read. */
const FIRST_WORDS = new Set([...UNITS.keys()].map((phrase) => phrase.split(' ')[0]!));
const FIRST_WORDS_EXACT = new Set([...UNITS_EXACT.keys()].map((phrase) => phrase.split(' ')[0]!));

/**
 * The unit right after a number ending at `pos`. `moneyContext` says whether the number carried a
 * scale or a currency sign ("361 million pounds" and "£5 pounds" are money, "25 pounds" a weight).
 */
export function readUnit(text: string, pos: number, limit: number, moneyContext: boolean): UnitMatch | null {
  // A bracket is not a token start: when a token follows the number, no bracketed unit does.
  const first = matchAt(FIRST_TOKEN, text, pos, limit);
  if (first === null) return bracketedUnit(text, pos, limit);
  const glued = first[1] === '' && first[2] === undefined;
  const start = pos + first[1]!.length;
  const word = first[3]!;
  if (!FIRST_WORDS_EXACT.has(word) && !FIRST_WORDS.has(word.toLowerCase())) return null;
  // phrases[n - 1] is the first n words, single-spaced; ends[n - 1] where its last word ends.
  const phrases = [word];
  const ends = [start + first[0].length - first[1]!.length];
  let m: RegExpExecArray | null;
  while (phrases.length < 3 && (m = matchAt(NEXT_TOKEN, text, ends[ends.length - 1]!, limit)) !== null) {
    phrases.push(`${phrases[phrases.length - 1]!} ${m[1]!}`);
    ends.push(ends[ends.length - 1]! + m[0].length);
  }
  // Longest phrase first: "miles per hour" before "miles", "metric tons" before "metric".
  for (let n = phrases.length; n >= 1; n--) {
    const phrase = phrases[n - 1]!;
    let e = UNITS_EXACT.get(phrase) ?? UNITS.get(phrase.toLowerCase());
    if (e === undefined || (e.gluedOnly && !glued)) continue;
    if (e.kind === 'money' && SIGN_ONLY.test(phrase) && matchAt(SIGN_BEFORE_NUMBER, text, ends[0]!, limit) !== null) return null;
    if (e.needsScale && !moneyContext) {
      if (e.otherwise === null) return null;
      e = e.otherwise;
    }
    let end = e.kind === 'duration' ? withAgeSuffix(text, ends[n - 1]!, limit) : ends[n - 1]!;
    if (n === 1 && DOTTED_ABBREVIATION.test(phrase) && text[end] === '.' && end < limit) end++;
    return unitMatch(e, start, end);
  }
  return null;
}

/** "20 (kg)": only measures are bracketed. */
function bracketedUnit(text: string, pos: number, limit: number): UnitMatch | null {
  const bracketed = matchAt(BRACKETED, text, pos, limit);
  if (bracketed === null || CLOSING[bracketed[1]!] !== bracketed[3]) return null;
  const e = UNITS_EXACT.get(bracketed[2]!) ?? UNITS.get(bracketed[2]!.toLowerCase());
  return e !== undefined && e.kind === 'measure' && !e.gluedOnly ? unitMatch(e, pos + bracketed[0].indexOf(bracketed[1]!), pos + bracketed[0].length) : null;
}

function withAgeSuffix(text: string, end: number, limit: number): number {
  const m = matchAt(AGE_SUFFIX, text, end, limit);
  return m === null ? end : end + m[0].length;
}

/** Currency signs and codes written before the amount. Single letters before "$" must be glued ("C$", not "a $"). */
const CURRENCY_BEFORE = /(?:\b(US|U\.S\.?|us|u\.s\.?|HK|hk|NZ|Mex|mex|NT|usd|cad|aud|nzd|mxn)\s?\$|(?<![\p{L}])([CARS]|[Cc](?=[ \t\u00a0]?\$))[ \t\u00a0]?\$|(\$|€|£|¥|₹|₽|₴|₿)|\b(USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|CHF|CAD|AUD|INR|HKD|NZD|SGD|KRW|BRL|Rs\.?))[ \t\u00a0]*$/u;

const DOLLAR_PREFIX: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['u.s.', 'USD'], ['u.s', 'USD'], ['usd', 'USD'], ['hk', 'HKD'], ['nz', 'NZD'], ['nzd', 'NZD'], ['mex', 'MXN'],
  ['mxn', 'MXN'], ['nt', 'TWD'], ['cad', 'CAD'], ['aud', 'AUD'], ['c', 'CAD'], ['a', 'AUD'], ['r', 'BRL'], ['s', 'SGD'],
]);
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'], ['₿', 'BTC'],
]);

export function currencyBefore(text: string, pos: number, floor: number): { start: number; iso: string } | null {
  const hit = matchBefore(CURRENCY_BEFORE, text, pos, floor, 12);
  if (hit === null) return null;
  const [, dollarPrefix, letterPrefix, symbol, code] = hit.m;
  const iso = dollarPrefix !== undefined || letterPrefix !== undefined
    ? DOLLAR_PREFIX.get((dollarPrefix ?? letterPrefix)!.toLowerCase())!
    : symbol !== undefined ? SYMBOLS.get(symbol)!
      : code === 'RMB' ? 'CNY' : code!.startsWith('Rs') ? 'INR' : code!;
  return { start: hit.start, iso };
}

/** Unit names that are also common words or letters: never read as a unit without a number. */
const NOT_ALONE = new Set(['c', 'f', 'in', 'm', 'g', 'l', 't', 'h', 'p', 'mi', 'ft', 'yd', 'ha', 'oz', 'lb', 'deg', 'degree', 'degrees', '°', 'º', 'won', 'yen', 'pound',
  'pounds', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'night', 'nights',
  'min', 'mins', 'sec', 'secs', 'hr', 'hrs', 'yr', 'yrs', 'wk', 'wks', 'decade', 'decades', 'century', 'centuries', 'percent', 'per cent', 'percentage', 'pct', '%',
  'cent', 'cents', 'penny', 'pence', 'kip', 'lari', 'colón', 'bit', 'bits', 'barrel', 'barrels', 'bbl', 'acre', 'acres', 'sterling', 'kilo', 'kilos', 'knot', 'knots', 'line', 'dm', 'pp', 'ppt', 'ppts', 'bps', 'mm', 'cm', 'km', 'kg', 'mg', 'ml', 'gal', 'kw', 'mw', 'gw']);
const DIGIT_BEFORE = /\d[ \t\u00a0]*-?[ \t\u00a0]*$/;

/**
 * Units named without a number ("convert 10 celsius to fahrenheit" → "fahrenheit"; "a metric ton
 * is …"): the unit layer alone, scored by the Recognizers-Text unit specs, which list such
 * mentions. The quantities table has no row without a number, so the extractor never emits these.
 * Only unambiguous unit names count (no single letters, no "pound", no time units), and none
 * inside a quantity in `taken` ("50 degrees celsius").
 */
export function findUnitMentions(text: string, taken: readonly { start: number; end: number }[] = []): UnitMatch[] {
  const out: UnitMatch[] = [];
  const re = /(?<![\p{L}\d])[\p{L}][\p{L}]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (DIGIT_BEFORE.test(text.slice(Math.max(0, start - 4), start)) || taken.some((t) => t.start <= start && start < t.end)) continue;
    // Longest phrase of up to three words that names a unit.
    const words = /^([\p{L}]+)(?:([ \t\u00a0]+)([\p{L}]+))?(?:([ \t\u00a0]+)([\p{L}]+))?/u.exec(text.slice(start, start + 60))!;
    const parts = [words[1]!, words[3], words[5]].filter((w): w is string => w !== undefined);
    for (let n = parts.length; n >= 1; n--) {
      const phrase = parts.slice(0, n).join(' ');
      const e = UNITS.get(phrase.toLowerCase()) ?? UNITS_EXACT.get(phrase);
      if (e === undefined || e.gluedOnly || e.needsScale || NOT_ALONE.has(phrase.toLowerCase())) continue;
      let end = start;
      for (let i = 0; i < n; i++) end = text.indexOf(parts[i]!, end) + parts[i]!.length;
      out.push(unitMatch(e, start, end));
      re.lastIndex = end;
      break;
    }
  }
  return out;
}
