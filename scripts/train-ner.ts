/**
 * `npm run train:ner`: trains the NER sequence labeller (stages/extract/entities/model.ts) on
 * CoNLL-2003 eng.train and writes stages/extract/entities/data/ner-model.bin.gz.
 *
 *   npm run train:ner [-- --epochs N] [--dev] [--out PATH]
 *
 * --epochs  passes over the training data (default 12)
 * --dev     train on the first 90% of eng.train's documents and report F1 on the last 10% (for
 *           choosing features and parameters; eng.testa is only ever used for reporting)
 * --out     model path (default the committed model file)
 *
 * Averaged structured perceptron (Collins 2002): per sentence, Viterbi under the current weights;
 * on a mistake, gold features +1 and predicted features -1; the final weights are the average
 * over all steps. Deterministic: sentence order is shuffled with a fixed-seed generator. Only
 * hashed feature ids and weights are written, no text from the corpus.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BOS, CONTEXT_SLOTS, contextFeatures, EOS, OFFSETS, wordFeatures, type LabelDoc } from '../stages/extract/entities/features.js';
import { allowed, encodeModel, FloatTable, HashIndex, L, LABELS, viterbi, type Transitions } from '../stages/extract/entities/model.js';
import { conllDoc, parseConll, type Sentence } from './eval/ner.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRAIN = join(ROOT, '..', 'shared', 'eval', 'ner', 'conll2003', 'eng.train');
const MODEL = join(ROOT, 'stages', 'extract', 'entities', 'data', 'ner-model.bin.gz');

interface Example {
  doc: LabelDoc;
  gold: Uint8Array;
  /** Feature rows of token i: feats[ptr[i]..ptr[i+1]). */
  ptr: Int32Array;
  feats: Int32Array;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** IOB1 tags → BIO (IOB2) label indices. */
function goldLabels(sentences: Sentence[]): Uint8Array {
  const out: number[] = [];
  for (const s of sentences) {
    let prevType = '';
    for (const tag of s.tags) {
      if (tag === 'O') {
        out.push(0);
        prevType = '';
        continue;
      }
      const [prefix, type] = tag.split('-') as [string, string];
      const begin = prefix === 'B' || type !== prevType;
      out.push(LABELS.indexOf(`${begin ? 'B' : 'I'}-${type}` as (typeof LABELS)[number]));
      prevType = type;
    }
  }
  return Uint8Array.from(out);
}

function buildExamples(docs: Sentence[][], index: HashIndex): Example[] {
  const wordRows = new Map<string, Int32Array[]>();
  const rowsOf = (word: string): Int32Array[] => {
    let r = wordRows.get(word);
    if (!r) {
      r = OFFSETS.map((o) => Int32Array.from(wordFeatures(word, o), (h) => index.add(h)));
      wordRows.set(word, r);
    }
    return r;
  };
  return docs.map((sentences) => {
    const doc = conllDoc(sentences);
    const ctx = contextFeatures(doc, undefined, true);
    const n = doc.words.length;
    const ptr = new Int32Array(n + 1);
    const feats: number[] = [];
    let unitFrom = 0;
    for (let i = 0; i < n; i++) {
      if (doc.unitStart[i]) unitFrom = i;
      let unitTo = i + 1;
      while (unitTo < n && !doc.unitStart[unitTo] && unitTo - i <= 2) unitTo++;
      for (let o = 0; o < OFFSETS.length; o++) {
        const j = i + OFFSETS[o]!;
        const word = j < unitFrom ? BOS : j >= unitTo ? EOS : doc.words[j]!;
        for (const r of rowsOf(word)[o]!) feats.push(r);
      }
      for (let k = 0; k < CONTEXT_SLOTS; k++) {
        const h = ctx[i * CONTEXT_SLOTS + k]!;
        if (h === 0) break;
        feats.push(index.add(h));
      }
      ptr[i + 1] = feats.length;
    }
    return { doc, gold: goldLabels(sentences), ptr, feats: Int32Array.from(feats) };
  });
}

/** Deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Unit {
  ex: Example;
  from: number;
  to: number;
}

function units(examples: Example[]): Unit[] {
  const out: Unit[] = [];
  for (const ex of examples) {
    const n = ex.doc.words.length;
    let from = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && !ex.doc.unitStart[i]) continue;
      out.push({ ex, from, to: i });
      from = i;
    }
  }
  return out;
}

function train(examples: Example[], rows: number, epochs: number): Transitions & { emit: Float32Array } {
  const w = new Float32Array(rows * L);
  const u = new Float64Array(rows * L);
  const trans = new Float64Array(L * L);
  const transU = new Float64Array(L * L);
  const start = new Float64Array(L);
  const startU = new Float64Array(L);
  const all = units(examples);
  const rand = random(20261122);
  let c = 1;
  const emitBuf = new Float32Array(200 * L);
  const labels = new Uint8Array(200);
  const cur: Transitions = { trans: new Float32Array(L * L), start: new Float32Array(L) };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    let mistakes = 0;
    let tokens = 0;
    for (const { ex, from, to } of all) {
      const n = to - from;
      const emit = n <= 200 ? emitBuf.subarray(0, n * L) : new Float32Array(n * L);
      emit.fill(0);
      for (let i = from; i < to; i++) {
        const base = (i - from) * L;
        for (let p = ex.ptr[i]!; p < ex.ptr[i + 1]!; p++) {
          const r = ex.feats[p]! * L;
          for (let y = 0; y < L; y++) emit[base + y]! += w[r + y]!;
        }
      }
      for (let k = 0; k < L * L; k++) cur.trans[k] = trans[k]!;
      for (let k = 0; k < L; k++) cur.start[k] = start[k]!;
      const unitDoc: LabelDoc = { words: ex.doc.words.slice(from, to), unitStart: new Uint8Array(n), lineStart: new Uint8Array(n) };
      unitDoc.unitStart[0] = 1;
      const pred = n <= 200 ? labels.subarray(0, n) : new Uint8Array(n);
      viterbi(cur, unitDoc, emit, pred);
      tokens += n;
      for (let i = from; i < to; i++) {
        const g = ex.gold[i]!;
        const p = pred[i - from]!;
        if (g !== p) {
          mistakes++;
          for (let q = ex.ptr[i]!; q < ex.ptr[i + 1]!; q++) {
            const r = ex.feats[q]! * L;
            w[r + g]! += 1;
            u[r + g]! += c;
            w[r + p]! -= 1;
            u[r + p]! -= c;
          }
        }
        const gp = i === from ? -1 : ex.gold[i - 1]!;
        const pp = i === from ? -1 : pred[i - from - 1]!;
        if (gp === pp && g === p) continue;
        if (i === from) {
          start[g]! += 1;
          startU[g]! += c;
          start[p]! -= 1;
          startU[p]! -= c;
        } else {
          trans[gp * L + g]! += 1;
          transU[gp * L + g]! += c;
          trans[pp * L + p]! -= 1;
          transU[pp * L + p]! -= c;
        }
      }
      c++;
    }
    console.error(`epoch ${epoch + 1}: ${mistakes} token errors of ${tokens} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const emit = new Float32Array(rows * L);
  for (let k = 0; k < emit.length; k++) emit[k] = w[k]! - u[k]! / c;
  const avgTrans = Float32Array.from(trans, (x, k) => x - transU[k]! / c);
  const avgStart = Float32Array.from(start, (x, k) => x - startU[k]! / c);
  for (let p = 0; p < L; p++) for (let y = 0; y < L; y++) if (!allowed(p, y)) avgTrans[p * L + y] = -1e4;
  return { emit, trans: avgTrans, start: avgStart };
}

/**
 * Int8 weights, companded: q = sign(x)·round(sqrt(|x| / scale)), x ≈ sign(q)·q²·scale, so one byte
 * spans a 16,000:1 range; rows whose weights all round to zero are dropped.
 */
function quantise(index: HashIndex, emit: Float32Array, rows: number): { hashes: Uint32Array; q: Int8Array; scale: number } {
  const hashOf = new Uint32Array(rows);
  for (let p = 0; p < index.keys.length; p++) if (index.keys[p]) hashOf[index.rows[p]!] = index.keys[p]!;
  let max = 0;
  for (const x of emit) max = Math.max(max, Math.abs(x));
  const scale = max / (127 * 127);
  const code = (x: number) => Math.sign(x) * Math.min(127, Math.round(Math.sqrt(Math.abs(x) / scale)));
  const keep: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let y = 0; y < L; y++) {
      if (code(emit[r * L + y]!) !== 0) {
        keep.push(r);
        break;
      }
    }
  }
  keep.sort((a, b) => hashOf[a]! - hashOf[b]!);
  const hashes = Uint32Array.from(keep, (r) => hashOf[r]!);
  const q = new Int8Array(keep.length * L);
  keep.forEach((r, k) => {
    for (let y = 0; y < L; y++) q[k * L + y] = code(emit[r * L + y]!);
  });
  return { hashes, q, scale };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const epochs = Number(option(args, '--epochs') ?? 12);
  const dev = args.includes('--dev');
  const out = option(args, '--out') ?? (dev ? '/tmp/ner-dev-model.bin.gz' : MODEL);
  const started = performance.now();
  const docs = parseConll(readFileSync(TRAIN, 'utf8'));
  const cut = dev ? Math.floor(docs.length * 0.9) : docs.length;
  const index = new HashIndex(1 << 20);
  const examples = buildExamples(docs.slice(0, cut), index);
  console.error(`${cut} documents, ${index.size} features (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const avg = train(examples, index.size, epochs);
  const { hashes, q, scale } = quantise(index, avg.emit, index.size);
  const seconds = (performance.now() - started) / 1000;
  const file = gzipSync(encodeModel(hashes, q, scale, avg.trans, avg.start, { trainedOn: dev ? 'eng.train first 90% of documents' : 'eng.train', epochs }), { level: 9 });
  writeFileSync(out, file);
  console.error(`wrote ${out}: ${hashes.length} of ${index.size} features kept, ${(file.length / 1e6).toFixed(2)} MB, ${seconds.toFixed(0)} s`);
  if (dev) {
    const { scoreDocs } = await import('./eval/ner.js');
    const { decodeModel } = await import('../stages/extract/entities/model.js');
    const { gunzipSync } = await import('node:zlib');
    const weights = decodeModel(gunzipSync(readFileSync(out)));
    console.log(scoreDocs(docs.slice(cut), weights));
    console.log(scoreDocs(docs.slice(cut), { table: new FloatTable(index, avg.emit), trans: avg.trans, start: avg.start }).replace('held-out', 'held-out, unquantised'));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
