/**
 * Evaluates date resolution against the Microsoft Recognizers-Text English DateTime specs in
 * ../shared/eval/quantities/recognizers/DateTime/English (read in place, never copied).
 *
 *   npm run eval -- dates [--shared DIR] [--errors N] [--reference]
 *
 * Gold: every result of DateTimeModel.json with TypeName `datetimeV2.date` (day granularity) in a
 * case that has a Context.ReferenceDateTime; `datetimeV2.datetime` results are scored separately
 * on their date part. Each is resolved by extractDates against the reference day
 * (source `published_at`).
 *
 * - detected: a predicted date overlaps the gold span.
 * - resolved accuracy: the overlapping prediction's `resolved` day is one of the spec's values.
 *   Where the spec lists two readings of an ambiguous expression ("Friday" → last and next
 *   Friday, "Oct/2" → 2016 and 2017), either is accepted: the spec itself does not choose, and our
 *   policy (nearest reading, see stages/extract/dates.ts) then picks one of them. A missed
 *   expression counts as wrong, so accuracy = correct / gold.
 * Cases tagged `NotSupported: javascript` are reported separately.
 * `--errors N` prints the first N misses of ours, with subset and gold type.
 * `--reference` also scores @microsoft/recognizers-text-suite (first value of its resolution).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractDates } from '../../stages/extract/dates.js';

interface SpecResult {
  Text: string;
  TypeName?: string;
  Start: number;
  End: number;
  Resolution?: { values?: { type?: string; value?: string; start?: string }[] } | null;
}

interface SpecCase {
  Input: string;
  NotSupported?: string;
  Context?: { ReferenceDateTime?: string };
  Results: SpecResult[];
}

interface Predicted {
  start: number;
  /** Exclusive. */
  end: number;
  resolved: string | null;
}

interface Counts {
  gold: number;
  detected: number;
  correct: number;
}

type Predictor = (input: string, reference: string) => Predicted[];

const OURS: Predictor = (input, reference) =>
  extractDates(input, { date: reference, source: 'published_at' }).map((d) => ({ start: d.start, end: d.end, resolved: d.resolved }));

export async function run(args: string[]): Promise<void> {
  const file = path.join(specsDir(args), 'DateTime', 'English', 'DateTimeModel.json');
  const cases = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as SpecCase[];
  const showErrors = Number(optionValue(args, '--errors') ?? 0);
  const predictors: [string, Predictor][] = [['extractDates (chrono-node + policy)', OURS]];
  if (args.includes('--reference')) predictors.push(['@microsoft/recognizers-text-suite', await referencePredictor()]);
  const rows: string[] = [];
  for (const [name, predict] of predictors) {
    const counts = new Map<string, Counts>();
    let shown = 0;
    for (const c of cases) {
      const reference = c.Context?.ReferenceDateTime?.slice(0, 10);
      if (reference === undefined) continue;
      const gold = c.Results.filter((r) => r.TypeName === 'datetimeV2.date' || r.TypeName === 'datetimeV2.datetime');
      if (gold.length === 0) continue;
      const predictions = predict(c.Input, reference);
      const subset = /javascript/i.test(c.NotSupported ?? '') ? 'NotSupported: javascript' : 'supported';
      for (const g of gold) {
        const type = g.TypeName === 'datetimeV2.date' ? 'date (day)' : 'datetime (date part)';
        const key = `${type}|${subset}`;
        const k = counts.get(key) ?? { gold: 0, detected: 0, correct: 0 };
        counts.set(key, k);
        const values = new Set((g.Resolution?.values ?? []).map((v) => (v.value ?? v.start ?? '').slice(0, 10)).filter((v) => v !== ''));
        const hit = predictions.filter((p) => p.start <= g.End && g.Start < p.end);
        k.gold++;
        if (hit.length > 0) k.detected++;
        if (hit.some((p) => p.resolved !== null && values.has(p.resolved))) k.correct++;
        else if (shown < showErrors && name === predictors[0]![0]) {
          shown++;
          console.log(`[${subset}, ${type}] ref ${reference} ${JSON.stringify(c.Input.slice(0, 120))}\n  gold ${JSON.stringify(g.Text)} ${[...values].join('|')}  got ${hit.map((p) => `${JSON.stringify(c.Input.slice(p.start, p.end))}=${p.resolved}`).join(', ') || 'nothing'}`);
        }
      }
    }
    for (const [key, k] of [...counts].sort()) {
      const [type, subset] = key.split('|');
      rows.push(`| ${name} | ${type} | ${subset} | ${k.gold} | ${(k.detected / k.gold).toFixed(3)} | ${(k.correct / k.gold).toFixed(3)} |`);
    }
  }
  console.log(`\nRecognizers-Text DateTimeModel.json, cases with a ReferenceDateTime (${file})\n`);
  console.log('| evaluated | gold type | subset | gold | detected | resolved accuracy |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

/** The reference package, scored the same way (its first resolution value, or a range's start). */
async function referencePredictor(): Promise<Predictor> {
  const suite = await import('@microsoft/recognizers-text-suite');
  return (input, reference) => suite.recognizeDateTime(input, suite.Culture.English, undefined, new Date(`${reference}T00:00:00`)).map((r) => {
    const values = (r.resolution?.['values'] ?? []) as { value?: string; start?: string }[];
    // Ambiguous expressions list the past reading first; take the last (the future one) only if it is the sole value.
    const v = values.at(-1);
    return { start: r.start, end: r.end + 1, resolved: (v?.value ?? v?.start ?? '').slice(0, 10) || null };
  });
}

function specsDir(args: string[]): string {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const shared = optionValue(args, '--shared') ?? path.resolve(repoRoot, '..', 'shared');
  const dir = path.join(shared, 'eval', 'quantities', 'recognizers');
  if (!existsSync(dir)) {
    throw new Error(`Recognizers-Text specs not found at ${dir}; check out the shared folder next to the project or pass --shared DIR.`);
  }
  return dir;
}

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
