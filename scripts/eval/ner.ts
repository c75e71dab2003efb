/**
 * Named-entity evaluation on CoNLL-2003 English (conlleval entity-level P/R/F1: a predicted
 * entity counts only with exact token span and type).
 *
 *   npm run eval -- ner [--file PATH] [--conll-out PATH]
 *   npx tsx scripts/eval/ner.ts [--file PATH] [--conll-out PATH]
 *
 * --file       CoNLL file to score (default ../shared/eval/ner/conll2003/eng.testa)
 * --conll-out  also write "token gold guess" lines for `perl conlleval.pl < PATH` (a cross-check);
 *              the file holds corpus text, so keep it out of the repository (e.g. under /tmp)
 *
 * Each document is rebuilt as text by joining tokens with spaces and sentences with newlines, so
 * character offsets map back to tokens; the sentences are passed as given. A mention that covers
 * part of a token ("Biden" in "Biden-led") counts as covering that token.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EntityType, Span } from '../../stages/types.js';
import { extractEntities } from '../../stages/extract/entities/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_FILE = join(ROOT, '..', 'shared', 'eval', 'ner', 'conll2003', 'eng.testa');
const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

interface Sentence {
  tokens: string[];
  tags: string[];
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
  const file = resolve(option(args, '--file') ?? DEFAULT_FILE);
  if (!existsSync(file)) {
    throw new Error(`eval ner: ${file} not found. The CoNLL-2003 set lives in ../shared/eval/ner/conll2003/ beside the repository (see ../shared/README.md); it is never copied into the repo.`);
  }
  const docs = parseConll(readFileSync(file, 'utf8'));
  const counts = new Map<string, Counts>([...TYPES, 'ALL'].map((t) => [t, { gold: 0, guessed: 0, correct: 0 }]));
  const conllLines: string[] = [];
  const rebuilt = docs.map(rebuild);
  const cold = timeExtraction(rebuilt);
  const warm = timeExtraction(rebuilt);
  docs.forEach((doc, d) => {
    const { text, sentences, offsets } = rebuilt[d]!;
    const guessed = toChunks(extractEntities(text, sentences), offsets);
    doc.forEach((s, i) => {
      const gold = goldChunks(s.tags);
      score(counts, gold, guessed[i]!);
      conllLines.push(...conllRows(s, guessed[i]!), '');
    });
  });
  const out = option(args, '--conll-out');
  if (out) writeFileSync(out, `${conllLines.join('\n')}\n`);
  printReport(file, docs, counts, cold, warm);
}

interface Timing {
  bytes: number;
  ms: number;
}

/** One pass over all documents; the first pass also pays for loading the gazetteer and JIT warm-up. */
function timeExtraction(docs: { text: string; sentences: Span[] }[]): Timing {
  let bytes = 0;
  const t0 = performance.now();
  for (const d of docs) {
    extractEntities(d.text, d.sentences);
    bytes += Buffer.byteLength(d.text);
  }
  return { bytes, ms: performance.now() - t0 };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Documents (split at -DOCSTART-) of sentences (split at blank lines); columns: token POS chunk tag. */
function parseConll(raw: string): Sentence[][] {
  const docs: Sentence[][] = [];
  let doc: Sentence[] = [];
  let sent: Sentence = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sent.tokens.length > 0) doc.push(sent);
    sent = { tokens: [], tags: [] };
  };
  for (const line of raw.split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
    } else if (cols.length < 4) {
      endSentence();
    } else {
      sent.tokens.push(cols[0]!);
      sent.tags.push(cols[cols.length - 1]!);
    }
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

function rebuild(doc: Sentence[]): { text: string; sentences: Span[]; offsets: Span[][] } {
  let text = '';
  const sentences: Span[] = [];
  const offsets: Span[][] = [];
  for (const s of doc) {
    if (text.length > 0) text += '\n';
    const start = text.length;
    const spans: Span[] = [];
    s.tokens.forEach((tok, i) => {
      if (i > 0) text += ' ';
      spans.push({ start: text.length, end: text.length + tok.length });
      text += tok;
    });
    sentences.push({ start, end: text.length });
    offsets.push(spans);
  }
  return { text, sentences, offsets };
}

/** Mentions → per-sentence token chunks; a mention overlapping an already-claimed token is dropped. */
function toChunks(mentions: { start: number; end: number; type: string }[], offsets: Span[][]): Chunk[][] {
  const out: Chunk[][] = offsets.map(() => []);
  let s = 0;
  for (const m of mentions) {
    while (s < offsets.length && offsets[s]!.at(-1)!.end <= m.start) s++;
    const spans = offsets[s];
    if (!spans) break;
    const first = spans.findIndex((t) => t.end > m.start);
    let last = first;
    while (last + 1 < spans.length && spans[last + 1]!.start < m.end) last++;
    const prev = out[s]!.at(-1);
    if (first < 0 || (prev && prev.last >= first)) continue;
    out[s]!.push({ first, last, type: m.type });
  }
  return out;
}

/** IOB1 (and IOB2) tags → chunks, with conlleval's rules for where a chunk starts. */
function goldChunks(tags: string[]): Chunk[] {
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

function score(counts: Map<string, Counts>, gold: Chunk[], guessed: Chunk[]): void {
  const key = (c: Chunk) => `${c.first}:${c.last}:${c.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const c of gold) bump(counts, c.type, 'gold');
  for (const c of guessed) {
    bump(counts, c.type, 'guessed');
    if (goldKeys.has(key(c))) bump(counts, c.type, 'correct');
  }
}

function bump(counts: Map<string, Counts>, type: string, field: keyof Counts): void {
  counts.get(type)![field]++;
  counts.get('ALL')![field]++;
}

/** "token gold guess" rows; guesses in IOB2 so adjacent same-type chunks stay apart. */
function conllRows(s: Sentence, guessed: Chunk[]): string[] {
  const tags = s.tokens.map(() => 'O');
  for (const c of guessed) for (let i = c.first; i <= c.last; i++) tags[i] = `${i === c.first ? 'B' : 'I'}-${c.type}`;
  return s.tokens.map((tok, i) => `${tok} ${s.tags[i]} ${tags[i]}`);
}

function printReport(file: string, docs: Sentence[][], counts: Map<string, Counts>, cold: Timing, warm: Timing): void {
  const pct = (x: number) => (100 * x).toFixed(2);
  const rate = (t: Timing) => `${t.ms.toFixed(0)} ms, ${(t.bytes / 1e6 / (t.ms / 1000)).toFixed(2)} MB/s`;
  const sentences = docs.reduce((n, d) => n + d.length, 0);
  console.log(`NER on ${file}: ${docs.length} documents, ${sentences} sentences, ${(cold.bytes / 1e6).toFixed(2)} MB of text`);
  console.log(`extractEntities, one core: first pass ${rate(cold)}; second pass ${rate(warm)}\n`);
  console.log('| type | gold | guessed | correct | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [type, c] of counts) {
    const p = c.guessed ? c.correct / c.guessed : 0;
    const r = c.gold ? c.correct / c.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`| ${type === 'ALL' ? '**overall**' : type} | ${c.gold} | ${c.guessed} | ${c.correct} | ${pct(p)} | ${pct(r)} | ${pct(f)} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
