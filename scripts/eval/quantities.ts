/**
 * Evaluates quantity extraction against the Microsoft Recognizers-Text English test specs in
 * ../shared/eval/quantities/recognizers (read in place, never copied).
 *
 *   npm run eval -- quantities [--shared DIR] [--errors N]
 *
 * A prediction matches a gold result when its span is the same (spec End is inclusive, compared
 * case-insensitively), its value is the same (relative tolerance 1e-9), and, where the spec gives
 * a unit, our unit is the one the table below maps it to. Each gold result is matched at most once.
 * Scores are micro P/R/F1 per spec file, separately for cases the spec marks as not supported by
 * the JavaScript port (`NotSupported` contains "javascript") and for the rest.
 *
 * What is compared: quantities of the kind the spec is about (money for Currency, percent for
 * Percent, measures for Dimension and Temperature, durations for Age, everything for NumberModel).
 * NumberModel is scored twice: on extractQuantities (which by design drops dates, codes, "one" as a
 * pronoun and bare fractions, and puts currency signs inside money spans) and on findNumbers, the
 * numeral layer alone, which is what that spec measures.
 *
 * Fair reading (issue 6): the Number spec is a numeral recogniser's spec: it wants "$5" read as
 * the digits "5", the parts of "192.168.1.2" and "one" as a pronoun. Our extractor deliberately
 * puts the currency into money spans and drops dates, codes and pronouns, so for NumberModel the
 * numeral layer (findNumbers) is the row that counts, and the micro total uses it. The
 * extractQuantities row is kept for reference.
 *
 * Unit-only gold: the NumberWithUnit specs also list a unit named without any number
 * ("convert 10 celsius to fahrenheit" → "fahrenheit", value null). Our tables have no quantity
 * without a number; for the Currency, Dimension and Temperature suites the predictions are the
 * extractor's quantities plus the unit layer's mentions of a unit with no number
 * (findUnitMentions, value null), scored by the same rule (span, null value, unit). The last
 * column (F1 numbered) scores without the unit-only gold items and without predictions on them.
 *
 * `--reference` also scores @microsoft/recognizers-text-suite itself (recognizeNumber,
 * recognizePercentage, recognizeCurrency, recognizeDimension, recognizeTemperature, recognizeAge)
 * with the same harness: spans, values and units exactly as it returns them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitSentences } from '../../stages/clean/segment.js';
import { extractQuantities, findNumbers, findUnitMentions } from '../../stages/extract/quantities.js';
import type { Quantity } from '../../stages/types.js';

interface SpecResult {
  Text: string;
  TypeName: string;
  Resolution?: { value?: string | null; unit?: string } | null;
  Start: number;
  End: number;
}

interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: SpecResult[];
}

interface Prediction {
  start: number;
  end: number;
  value: number | null;
  unit: string | null;
}

/** How a spec unit name is written by us; `factor` converts the spec value to ours (50 cents = 0.5 USD). */
interface UnitMapping {
  /** null: money with no single ISO code ("francs"). */
  units: readonly (string | null)[];
  factor?: number;
}

interface Suite {
  file: string;
  evaluated: string;
  predict(input: string): Prediction[];
  /** Spec unit name → our unit. Undefined: units are not compared. Unmapped spec units cannot match. */
  units?: Readonly<Record<string, UnitMapping>>;
}

const CURRENCY_UNITS: Record<string, UnitMapping> = {
  'Dollar': { units: ['USD'] }, 'United States dollar': { units: ['USD'] }, 'Euro': { units: ['EUR'] },
  'Pound': { units: ['GBP'] }, 'British pound': { units: ['GBP'] }, 'Japanese yen': { units: ['JPY'] },
  'Chinese yuan': { units: ['CNY'] }, 'Canadian dollar': { units: ['CAD'] }, 'Australian dollar': { units: ['AUD'] },
  'Hong Kong dollar': { units: ['HKD'] }, 'New Zealand dollar': { units: ['NZD'] }, 'Swiss franc': { units: ['CHF'] },
  'Mexican peso': { units: ['MXN'] }, 'Rupee': { units: ['INR'] }, 'Turkish lira': { units: ['TRY'] },
  'Bitcoin': { units: ['BTC'] }, 'Cent': { units: ['USD'], factor: 0.01 }, 'Pence': { units: ['GBP'], factor: 0.01 },
  'Penny': { units: ['GBP'], factor: 0.01 }, 'Franc': { units: [null] },
  'Finnish markka': { units: ['FIM'] }, 'Peseta': { units: ['ESP'] }, 'Netherlands guilder': { units: ['NLG'] },
  'Costa Rican colón': { units: ['CRC'] }, 'Georgian lari': { units: ['GEL'] }, 'Lao kip': { units: ['LAK'] },
  'Sri Lankan rupee': { units: ['LKR'] },
};

const DIMENSION_UNITS: Record<string, UnitMapping> = {
  'Mile': { units: ['mi'] }, 'Kilometer': { units: ['km'] }, 'Meter': { units: ['m'] }, 'Centimeter': { units: ['cm'] },
  'Millimeter': { units: ['mm'] }, 'Foot': { units: ['ft'] }, 'Inch': { units: ['in'] }, 'Yard': { units: ['yd'] },
  'Pound': { units: ['lb'] }, 'Ounce': { units: ['oz'] }, 'Kilogram': { units: ['kg'] }, 'Gram': { units: ['g'] },
  'Milligram': { units: ['mg'] }, 'Microgram': { units: ['µg'] }, 'Ton': { units: ['ton', 't'] }, 'Metric ton': { units: ['t'] },
  'Gallon': { units: ['gal'] }, 'Barrel': { units: ['barrels'] }, 'Liter': { units: ['l'] }, 'Milliliter': { units: ['ml'] },
  'Cubic foot': { units: ['ft³'] }, 'Cubic meter': { units: ['m³'] }, 'Square meter': { units: ['m²'] },
  'Square kilometer': { units: ['km²'] }, 'Square mile': { units: ['mi²'] }, 'Acre': { units: ['acres'] },
  'Hectare': { units: ['ha'] }, 'Mile per hour': { units: ['mph'] }, 'Kilometer per hour': { units: ['km/h'] },
  'Megabyte': { units: ['MB'] }, 'Gigabyte': { units: ['GB'] }, 'Terabyte': { units: ['TB'] },
  'Decimeter': { units: ['dm'] }, 'Picometer': { units: ['pm'] }, 'Nanometer': { units: ['nm'] }, 'Micrometer': { units: ['µm'] },
  'Bit': { units: ['bit'] },
};

const TEMPERATURE_UNITS: Record<string, UnitMapping> = { 'C': { units: ['°C'] }, 'F': { units: ['°F'] }, 'Degree': { units: ['°'] } };

const AGE_UNITS: Record<string, UnitMapping> = {
  'Year': { units: ['years'] }, 'Age': { units: ['years'] }, 'Month': { units: ['months'] }, 'Week': { units: ['weeks'] }, 'Day': { units: ['days'] },
};

const TEMPERATURE_SYMBOLS = new Set(['°C', '°F', '°']);

function quantitiesOf(input: string, keep: (q: Quantity) => boolean): Prediction[] {
  return extractQuantities(input, splitSentences(input)).filter(keep);
}

/** Quantities, plus the unit layer's mentions of a unit without a number (see "Unit-only gold" above). */
function withUnitMentions(input: string, keep: (q: Pick<Quantity, 'kind' | 'unit'>) => boolean): Prediction[] {
  const quantities = extractQuantities(input, splitSentences(input));
  const mentions = findUnitMentions(input, quantities).map((u) => ({ start: u.start, end: u.end, value: null, unit: u.unit, kind: u.kind }));
  return [...quantities.filter(keep), ...mentions.filter(keep)];
}

/** The reference package as a suite predictor: its own results, its units mapped by the same table. */
type Recognize = (input: string, culture: string) => { start: number; end: number; resolution?: Record<string, unknown> }[];

function referenceSuites(suite: typeof import('@microsoft/recognizers-text-suite')): Suite[] {
  const wrap = (recognize: Recognize, units?: Readonly<Record<string, UnitMapping>>) => (s: string): Prediction[] =>
    recognize(s, suite.Culture.English).map((r) => {
      const value = parseValue((r.resolution?.['value'] as string | undefined) ?? null);
      const unit = r.resolution?.['unit'] as string | undefined;
      const mapping = unit !== undefined && units !== undefined ? units[unit] : undefined;
      return { start: r.start, end: r.end + 1, value: value === null ? null : value * (mapping?.factor ?? 1), unit: mapping?.units[0] ?? null };
    });
  const ref = 'recognizers-text-suite';
  return [
    { file: 'Number/English/NumberModel.json', evaluated: ref, predict: wrap(suite.recognizeNumber) },
    { file: 'Number/English/PercentModel.json', evaluated: ref, predict: wrap(suite.recognizePercentage) },
    { file: 'NumberWithUnit/English/CurrencyModel.json', evaluated: ref, units: CURRENCY_UNITS, predict: wrap(suite.recognizeCurrency, CURRENCY_UNITS) },
    { file: 'NumberWithUnit/English/DimensionModel.json', evaluated: ref, units: DIMENSION_UNITS, predict: wrap(suite.recognizeDimension, DIMENSION_UNITS) },
    { file: 'NumberWithUnit/English/TemperatureModel.json', evaluated: ref, units: TEMPERATURE_UNITS, predict: wrap(suite.recognizeTemperature, TEMPERATURE_UNITS) },
    { file: 'NumberWithUnit/English/AgeModel.json', evaluated: ref, units: AGE_UNITS, predict: wrap(suite.recognizeAge, AGE_UNITS) },
  ];
}

const SUITES: readonly Suite[] = [
  { file: 'Number/English/NumberModel.json', evaluated: 'extractQuantities', predict: (s) => quantitiesOf(s, () => true) },
  { file: 'Number/English/NumberModel.json', evaluated: 'findNumbers (lexer)', predict: (s) => findNumbers(s).map((t) => ({ ...t, unit: null })) },
  { file: 'Number/English/PercentModel.json', evaluated: 'extractQuantities', predict: (s) => quantitiesOf(s, (q) => q.kind === 'percent') },
  {
    file: 'NumberWithUnit/English/CurrencyModel.json', evaluated: 'extractQuantities', units: CURRENCY_UNITS,
    predict: (s) => withUnitMentions(s, (q) => q.kind === 'money'),
  },
  {
    file: 'NumberWithUnit/English/DimensionModel.json', evaluated: 'extractQuantities', units: DIMENSION_UNITS,
    predict: (s) => withUnitMentions(s, (q) => q.kind === 'measure' && !TEMPERATURE_SYMBOLS.has(q.unit ?? '')),
  },
  {
    file: 'NumberWithUnit/English/TemperatureModel.json', evaluated: 'extractQuantities', units: TEMPERATURE_UNITS,
    predict: (s) => withUnitMentions(s, (q) => q.kind === 'measure' && TEMPERATURE_SYMBOLS.has(q.unit ?? '')),
  },
  {
    file: 'NumberWithUnit/English/AgeModel.json', evaluated: 'extractQuantities', units: AGE_UNITS,
    predict: (s) => quantitiesOf(s, (q) => q.kind === 'duration'),
  },
];

interface Counts {
  cases: number;
  gold: number;
  pred: number;
  tp: number;
  /** Gold items that name a unit with no number ("fahrenheit"); see the header. */
  unitOnly: number;
  /** Of those, matched by a prediction (only the reference package predicts them). */
  unitOnlyTp: number;
}

type Subset = 'supported' | 'NotSupported: javascript';

export async function run(args: string[]): Promise<void> {
  const dir = specsDir(args);
  const showErrors = Number(optionValue(args, '--errors') ?? 0);
  const rows: string[] = [];
  const totals = new Map<Subset, Counts>();
  const referenceTotals = new Map<Subset, Counts>();
  const suites = args.includes('--reference') ? [...SUITES, ...referenceSuites(await import('@microsoft/recognizers-text-suite'))] : SUITES;
  for (const suite of suites) {
    const cases = readSpec(dir, suite.file);
    const bySubset = new Map<Subset, Counts>();
    let shown = 0;
    for (const c of cases) {
      const subset: Subset = /javascript/i.test(c.NotSupported ?? '') ? 'NotSupported: javascript' : 'supported';
      const counts = getCounts(bySubset, subset);
      const predictions = suite.predict(c.Input);
      const { tp, misses, unitOnly, unitOnlyTp } = score(c, predictions, suite.units);
      counts.cases += 1;
      counts.gold += c.Results.length;
      counts.pred += predictions.length;
      counts.tp += tp;
      counts.unitOnly += unitOnly;
      counts.unitOnlyTp += unitOnlyTp;
      if (misses.length > 0 && shown < showErrors) {
        shown++;
        console.log(`[${suite.file} · ${suite.evaluated} · ${subset}] ${JSON.stringify(c.Input.slice(0, 160))}\n  ${misses.join('\n  ')}`);
      }
    }
    for (const [subset, counts] of bySubset) {
      rows.push(row(suite.file.replace(/^.*English\//, '').replace(/\.json$/, ''), suite.evaluated, subset, counts));
      // NumberModel is scored on the numeral layer (the fair reading, see above); the rest on the extractor.
      const isNumber = suite.file.includes('NumberModel');
      if (isNumber ? suite.evaluated.startsWith('findNumbers') : suite.evaluated === 'extractQuantities') addTo(getCounts(totals, subset), counts);
      if (suite.evaluated === 'recognizers-text-suite') addTo(getCounts(referenceTotals, subset), counts);
    }
  }
  for (const [subset, counts] of totals) rows.push(row('**all (micro)**', 'ours (Number: findNumbers)', subset, counts));
  for (const [subset, counts] of referenceTotals) rows.push(row('**all (micro)**', 'recognizers-text-suite', subset, counts));
  console.log(`\nRecognizers-Text English specs (${dir})\n`);
  console.log('| spec | evaluated | subset | cases | gold | pred | TP | P | R | F1 | unit-only gold | F1 numbered |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

function specsDir(args: string[]): string {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const shared = optionValue(args, '--shared') ?? path.resolve(repoRoot, '..', 'shared');
  const dir = path.join(shared, 'eval', 'quantities', 'recognizers');
  if (!existsSync(dir)) {
    throw new Error(`Recognizers-Text specs not found at ${dir}. This evaluation reads ../shared/eval/quantities/recognizers `
      + '(see ../shared/README.md); check out the shared folder next to the project or pass --shared DIR.');
  }
  return dir;
}

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function readSpec(dir: string, file: string): SpecCase[] {
  const raw = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  return JSON.parse(raw) as SpecCase[];
}

function getCounts<K>(map: Map<K, Counts>, key: K): Counts {
  let c = map.get(key);
  if (c === undefined) map.set(key, (c = { cases: 0, gold: 0, pred: 0, tp: 0, unitOnly: 0, unitOnlyTp: 0 }));
  return c;
}

function addTo(total: Counts, c: Counts): void {
  total.cases += c.cases;
  total.gold += c.gold;
  total.pred += c.pred;
  total.tp += c.tp;
  total.unitOnly += c.unitOnly;
  total.unitOnlyTp += c.unitOnlyTp;
}

/** True positives of one case, and a line per unmatched gold or predicted item (for --errors). */
function score(c: SpecCase, predictions: Prediction[], units: Suite['units']): { tp: number; misses: string[]; unitOnly: number; unitOnlyTp: number } {
  const used = new Set<number>();
  const misses: string[] = [];
  let tp = 0;
  let unitOnly = 0;
  let unitOnlyTp = 0;
  for (const gold of c.Results) {
    const isUnitOnly = units !== undefined && parseValue(gold.Resolution?.value) === null && !/\d/.test(gold.Text);
    if (isUnitOnly) unitOnly++;
    const i = predictions.findIndex((p, j) => !used.has(j) && matches(c.Input, gold, p, units));
    if (i >= 0) {
      used.add(i);
      tp++;
      if (isUnitOnly) unitOnlyTp++;
    } else {
      misses.push(`FN ${JSON.stringify(gold.Text)} ${gold.Start}-${gold.End} value=${gold.Resolution?.value} unit=${gold.Resolution?.unit ?? ''}`);
    }
  }
  predictions.forEach((p, j) => {
    if (!used.has(j)) misses.push(`FP ${JSON.stringify(c.Input.slice(p.start, p.end))} ${p.start}-${p.end - 1} value=${p.value} unit=${p.unit ?? ''}`);
  });
  return { tp, misses, unitOnly, unitOnlyTp };
}

function matches(input: string, gold: SpecResult, p: Prediction, units: Suite['units']): boolean {
  if (p.start !== gold.Start || p.end !== gold.End + 1) return false;
  if (input.slice(p.start, p.end).toLowerCase() !== gold.Text.toLowerCase()) return false;
  const goldUnit = gold.Resolution?.unit;
  let factor = 1;
  if (units !== undefined && goldUnit !== undefined) {
    const mapping = units[goldUnit];
    if (mapping === undefined || !mapping.units.includes(p.unit)) return false;
    factor = mapping.factor ?? 1;
  }
  const goldValue = parseValue(gold.Resolution?.value);
  if (goldValue === null || p.value === null) return goldValue === p.value;
  const expected = goldValue * factor;
  return Math.abs(expected - p.value) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Spec values are strings: "175000", "1E-12", "100%", or null/"null" when there is none. */
function parseValue(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v === 'null') return null;
  const n = Number(v.replace(/%$/, ''));
  return Number.isNaN(n) ? null : n;
}

function row(file: string, evaluated: string, subset: Subset, c: Counts): string {
  const p = c.pred === 0 ? 0 : c.tp / c.pred;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const tpn = c.tp - c.unitOnlyTp;
  const pn = c.pred - c.unitOnlyTp === 0 ? 0 : tpn / (c.pred - c.unitOnlyTp);
  const rn = c.gold - c.unitOnly === 0 ? 0 : tpn / (c.gold - c.unitOnly);
  const fn = pn + rn === 0 ? 0 : (2 * pn * rn) / (pn + rn);
  return `| ${file} | ${evaluated} | ${subset} | ${c.cases} | ${c.gold} | ${c.pred} | ${c.tp} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f.toFixed(3)} | ${c.unitOnly} | ${fn.toFixed(3)} |`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
