/**
 * Named-entity evaluation on CoNLL-2003 English (conlleval entity-level P/R/F1: a predicted
 * entity counts only with exact token span and type).
 *
 *   npm run eval -- ner [--conll FILE] [--out PRED] [--no-reference]
 *
 * --conll  CoNLL file to score (default ../shared/eval/ner/conll2003/eng.testa)
 * --out    write PRED: every input line plus a predicted IOB1 column (the gold file's scheme), so that
 *          `perl ../shared/eval/ner/conll2003/conlleval.pl < PRED` scores it independently; the
 *          file holds corpus text, so keep it out of the repository (e.g. under /tmp)
 * --no-reference  skip the compromise reference run (slow: ≈0.1 MB/s)
 *
 * The labeller predicts on the file's own tokens and sentences (nothing is re-tokenised): each
 * document (split at -DOCSTART-) is one labelling document, each sentence one unit and one line.
 * The JavaScript reference, compromise's people()/places()/organizations() (PER/LOC/ORG; it has
 * no MISC), runs on the document text rebuilt by joining tokens with spaces and sentences with
 * newlines; its matches are mapped back to the tokens they overlap.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LabelDoc } from '../../stages/extract/entities/features.js';
import { label, LABELS, model, type Weights } from '../../stages/extract/entities/model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_FILE = join(ROOT, '..', 'shared', 'eval', 'ner', 'conll2003', 'eng.testa');
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

export interface Sentence {
  tokens: string[];
  tags: string[];
  /** The input lines, as read. */
  lines: string[];
}

/** An entity as an inclusive token range within one sentence. */
interface Chunk {
  first: number;
  last: number;
  type: string;
}

interface Counts {
  gold: number;
  guessed: number;
  correct: number;
}

export async function run(args: string[]): Promise<void> {
  const file = resolve(option(args, '--conll') ?? option(args, '--file') ?? DEFAULT_FILE);
  if (!existsSync(file)) {
    throw new Error(`eval ner: ${file} not found. The CoNLL-2003 set lives in ../shared/eval/ner/conll2003/ beside the repository (see ../shared/README.md); it is never copied into the repo.`);
  }
  const raw = readFileSync(file, 'utf8');
  const docs = parseConll(raw);
  const weights = model();
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.tokens.length, 0), 0);
  const bytes = docs.reduce((n, d) => n + d.reduce((m, s) => m + Buffer.byteLength(s.tokens.join(' ')) + 1, 0), 0);
  const t0 = performance.now();
  const predicted = docs.map((d) => predict(d, weights));
  const cold = performance.now() - t0;
  const t1 = performance.now();
  docs.forEach((d) => predict(d, weights));
  const warm = performance.now() - t1;
  console.log(`NER on ${file}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.length, 0)} sentences, ${tokens} tokens`);
  console.log(`labeller, one core: first pass ${cold.toFixed(0)} ms, second pass ${warm.toFixed(0)} ms (${(bytes / 1e6 / (warm / 1000)).toFixed(2)} MB/s of space-joined tokens)\n`);
  console.log(table('averaged perceptron (stages/extract/entities)', scoreChunks(docs, predicted)));
  const out = option(args, '--out') ?? option(args, '--conll-out');
  if (out) {
    writeFileSync(out, predFile(raw, docs, predicted));
    console.log(`\nwrote ${out}; score it with: perl ../shared/eval/ner/conll2003/conlleval.pl < ${out}`);
  }
  if (!args.includes('--no-reference')) console.log(`\n${table('compromise people/places/organizations (JS reference)', scoreChunks(docs, await compromiseChunks(docs)))}`);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Documents (split at -DOCSTART-) of sentences (split at blank lines); columns: token POS chunk tag. */
export function parseConll(raw: string): Sentence[][] {
  const docs: Sentence[][] = [];
  let doc: Sentence[] = [];
  let sent: Sentence = { tokens: [], tags: [], lines: [] };
  const endSentence = () => {
    if (sent.tokens.length > 0) doc.push(sent);
    sent = { tokens: [], tags: [], lines: [] };
  };
  for (const line of raw.split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
    } else if (cols.length < 2) {
      endSentence();
    } else {
      sent.tokens.push(cols[0]!);
      sent.tags.push(cols[cols.length - 1]!);
      sent.lines.push(line.replace(/\r$/, ''));
    }
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

/** The labeller's view of a CoNLL document: one unit and one line per sentence. */
export function conllDoc(sentences: Sentence[]): LabelDoc {
  const words = sentences.flatMap((s) => s.tokens);
  const unitStart = new Uint8Array(words.length);
  let at = 0;
  for (const s of sentences) {
    unitStart[at] = 1;
    at += s.tokens.length;
  }
  return { words, unitStart, lineStart: unitStart };
}

/** Predicted chunks per sentence. */
function predict(doc: Sentence[], weights: Weights): Chunk[][] {
  const labels = label(conllDoc(doc), weights);
  let at = 0;
  return doc.map((s) => {
    const tags = Array.from(labels.subarray(at, at + s.tokens.length), (y) => LABELS[y]!);
    at += s.tokens.length;
    return chunks(tags);
  });
}

/** IOB1 and IOB2 tags → chunks, with conlleval's rules for where a chunk starts. */
function chunks(tags: string[]): Chunk[] {
  const out: Chunk[] = [];
  tags.forEach((tag, i) => {
    if (tag === 'O') return;
    const [prefix, type] = tag.split('-') as [string, string];
    const prev = out.at(-1);
    if (prefix === 'I' && prev && prev.last === i - 1 && prev.type === type) prev.last = i;
    else out.push({ first: i, last: i, type });
  });
  return out;
}

function scoreChunks(docs: Sentence[][], predicted: Chunk[][][]): Map<string, Counts> {
  const counts = new Map<string, Counts>([...TYPES, 'ALL'].map((t) => [t, { gold: 0, guessed: 0, correct: 0 }]));
  const bump = (type: string, field: keyof Counts) => {
    counts.get(type)![field]++;
    counts.get('ALL')![field]++;
  };
  const key = (c: Chunk) => `${c.first}:${c.last}:${c.type}`;
  docs.forEach((doc, d) => doc.forEach((s, i) => {
    const gold = chunks(s.tags);
    const goldKeys = new Set(gold.map(key));
    for (const c of gold) bump(c.type, 'gold');
    for (const c of predicted[d]![i]!) {
      bump(c.type, 'guessed');
      if (goldKeys.has(key(c))) bump(c.type, 'correct');
    }
  }));
  return counts;
}

/** Overall F1 of the labeller on parsed documents (used by `npm run train:ner -- --dev`). */
export function scoreDocs(docs: Sentence[][], weights: Weights): string {
  return table('held-out', scoreChunks(docs, docs.map((d) => predict(d, weights))));
}

function table(title: string, counts: Map<string, Counts>): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  const rows = [`${title}:`, '| type | gold | guessed | correct | precision | recall | F1 |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [type, c] of counts) {
    const p = c.guessed ? c.correct / c.guessed : 0;
    const r = c.gold ? c.correct / c.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    rows.push(`| ${type === 'ALL' ? '**overall**' : type} | ${c.gold} | ${c.guessed} | ${c.correct} | ${pct(p)} | ${pct(r)} | ${pct(f)} |`);
  }
  return rows.join('\n');
}

/** Input lines plus the predicted tag; -DOCSTART- lines get O, blank lines stay blank. */
function predFile(raw: string, docs: Sentence[][], predicted: Chunk[][][]): string {
  const tags: string[] = [];
  docs.forEach((doc, d) => doc.forEach((s, i) => {
    const t = s.tokens.map(() => 'O');
    // IOB1, as the gold column: B- only where a chunk directly follows one of the same type.
    let prev: Chunk | undefined;
    for (const c of predicted[d]![i]!) {
      const touching = prev !== undefined && prev.last === c.first - 1 && prev.type === c.type;
      for (let k = c.first; k <= c.last; k++) t[k] = `${k === c.first && touching ? 'B' : 'I'}-${c.type}`;
      prev = c;
    }
    tags.push(...t);
  }));
  let k = 0;
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') out.push(`${line.replace(/\r$/, '')} O`);
    else if (cols.length < 2) out.push(line.replace(/\r$/, ''));
    else out.push(`${line.replace(/\r$/, '')} ${tags[k++]}`);
  }
  return out.join('\n');
}

interface CompromiseMatch {
  offset?: { start: number; length: number };
}

/** compromise's people/places/organizations, mapped back to the tokens they overlap. */
async function compromiseChunks(docs: Sentence[][]): Promise<Chunk[][][]> {
  const nlp = (await import('compromise')).default;
  return docs.map((doc) => {
    let text = '';
    const offsets: { start: number; end: number }[][] = [];
    for (const s of doc) {
      if (text.length > 0) text += '\n';
      offsets.push(s.tokens.map((tok, i) => {
        if (i > 0) text += ' ';
        const start = text.length;
        text += tok;
        return { start, end: text.length };
      }));
    }
    const parsed = nlp(text);
    const found: { start: number; end: number; type: string }[] = [];
    const take = (list: CompromiseMatch[], type: string) => {
      for (const m of list) if (m.offset) found.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type });
    };
    take(parsed.people().json({ offset: true }) as CompromiseMatch[], 'PER');
    take(parsed.places().json({ offset: true }) as CompromiseMatch[], 'LOC');
    take(parsed.organizations().json({ offset: true }) as CompromiseMatch[], 'ORG');
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Chunk[][] = offsets.map(() => []);
    for (const m of found) {
      const s = offsets.findIndex((spans) => spans.length > 0 && spans.at(-1)!.end > m.start && spans[0]!.start < m.end);
      if (s < 0) continue;
      const spans = offsets[s]!;
      const first = spans.findIndex((t) => t.end > m.start);
      let last = first;
      while (last + 1 < spans.length && spans[last + 1]!.start < m.end) last++;
      const prev = out[s]!.at(-1);
      if (first < 0 || (prev && prev.last >= first)) continue;
      out[s]!.push({ first, last, type: m.type });
    }
    return out;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
