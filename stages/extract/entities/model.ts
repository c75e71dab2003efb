import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { EntityType } from '../../types.js';
import {
  BOS, CONTEXT_SLOTS, contextFeatures, EOS, FEATURE_VERSION, OFFSETS, PAIR_SLOTS_FROM, PAIR_SLOTS_TO, wordFeatures, wordInfo, type DocFacts, type LabelDoc,
  type WordInfo,
} from './features.js';

/**
 * The learned core: an averaged-perceptron sequence labeller over hashed features (features.ts),
 * decoded per sentence with Viterbi over BIO labels with first-order transitions. Trained by
 * scripts/train-ner.ts; the model file data/ner-model.bin.gz is loaded once per process.
 *
 * File layout (gzip): uint32 header length, JSON header {featureVersion, labels, scale, rows},
 * then Uint32 feature hashes (sorted), Int8 weights (rows × labels, companded: sign(q)·q²·scale), Float32
 * transitions (labels × labels, previous → current) and Float32 start weights (labels).
 */

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
/** Nine: emissions() and decodeStretch() keep a token's label scores in one local per label. */
export const L: 9 = LABELS.length;
export const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Label index → entity type index (-1 for O) and whether it begins a chunk. */
export function labelType(y: number): number {
  return y === 0 ? -1 : (y - 1) >> 1;
}
export function labelBegins(y: number): boolean {
  return y > 0 && (y - 1) % 2 === 0;
}
/** I-X may only follow B-X or I-X. */
export function allowed(prev: number, y: number): boolean {
  if (y === 0 || labelBegins(y)) return true;
  return prev > 0 && labelType(prev) === labelType(y);
}

/** Open-addressing map from a 32-bit feature hash to a row number. */
export class HashIndex {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(h: number): number {
    const { keys, mask } = this;
    let p = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const k = keys[p]!;
      if (k === h) return this.rows[p]!;
      if (k === 0) return -1;
      p = (p + 1) & mask;
    }
  }

  /** Row of h, inserting it as the next row when absent. */
  add(h: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    let p = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const k = keys[p]!;
      if (k === h) return this.rows[p]!;
      if (k === 0) {
        keys[p] = h;
        this.rows[p] = this.size;
        return this.size++;
      }
      p = (p + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let q = 0; q < keys.length; q++) {
      const h = keys[q]!;
      if (h === 0) continue;
      let p = (h ^ (h >>> 15)) & this.mask;
      while (this.keys[p] !== 0) p = (p + 1) & this.mask;
      this.keys[p] = h;
      this.rows[p] = rows[q]!;
    }
  }
}

/** Emission weights by feature hash: adds a feature's L label weights to a score vector. */
export interface EmissionTable {
  /** out[base + y] += weight(h, y) for every label y; nothing (and false) when the model lacks h. */
  addTo(h: number, out: Float32Array, base: number): boolean;
}

/** Float weights behind a HashIndex: the trainer's (unquantised) view of a model. */
export class FloatTable implements EmissionTable {
  constructor(readonly index: HashIndex, readonly emit: Float32Array) {}

  addTo(h: number, out: Float32Array, base: number): boolean {
    const row = this.index.get(h);
    if (row < 0) return false;
    const r = row * L;
    for (let y = 0; y < L; y++) out[base + y]! += this.emit[r + y]!;
    return true;
  }
}

/**
 * The loaded model's table: open addressing with each feature's hash and its L int8 codes in one
 * 16-byte slot, so a look-up touches one cache line (the separate key, row and float-weight
 * arrays cost three misses per feature, the largest share of recognition time). Codes decode
 * through a 256-entry table holding exactly the float32 values the weights had before, so
 * scores, and therefore labels, are unchanged.
 */
export class PackedTable implements EmissionTable {
  private static readonly SLOT = 16;
  /**
   * One bit per value of a hash's top FILTER_BITS bits, set for the model's hashes: most features
   * of a text are not in the model (63% of the word-pair look-ups on BBC), and this 128 KB filter
   * answers most of those without touching the table.
   */
  private static readonly FILTER_BITS = 20;
  private readonly filter = new Int32Array((1 << PackedTable.FILTER_BITS) >>> 5);
  private readonly keys: Uint32Array;
  private readonly codes: Int8Array;
  private readonly mask: number;
  private readonly decode = new Float32Array(256);

  constructor(hashes: Uint32Array, q: Int8Array, scale: number) {
    let slots = 16;
    while (slots < hashes.length * 2) slots <<= 1;
    const buffer = new ArrayBuffer(slots * PackedTable.SLOT);
    this.keys = new Uint32Array(buffer);
    this.codes = new Int8Array(buffer);
    this.mask = slots - 1;
    for (let c = -128; c < 128; c++) this.decode[c + 128] = Math.sign(c) * c * c * scale;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let p = (h ^ (h >>> 15)) & this.mask;
      while (this.keys[p * 4] !== 0 && this.keys[p * 4] !== h) p = (p + 1) & this.mask;
      this.keys[p * 4] = h;
      for (let y = 0; y < L; y++) this.codes[p * PackedTable.SLOT + 4 + y] = q[r * L + y]!;
      const bit = h >>> (32 - PackedTable.FILTER_BITS);
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  addTo(h: number, out: Float32Array, base: number): boolean {
    const bit = h >>> (32 - PackedTable.FILTER_BITS);
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    const { keys, codes, mask, decode } = this;
    let p = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const k = keys[p * 4]!;
      if (k === h) break;
      if (k === 0) return false;
      p = (p + 1) & mask;
    }
    const at = p * PackedTable.SLOT + 4;
    for (let y = 0; y < L; y++) out[base + y]! += decode[codes[at + y]! + 128]!;
    return true;
  }
}

export interface Transitions {
  /** L × L, previous label → label. */
  trans: Float32Array;
  /** L, label of a unit's first token. */
  start: Float32Array;
}

export interface Weights extends Transitions {
  table: EmissionTable;
}

// ---------------------------------------------------------------- file

export function encodeModel(hashes: Uint32Array, weights: Int8Array, scale: number, trans: Float32Array, start: Float32Array, meta: Record<string, unknown>): Buffer {
  const header = Buffer.from(JSON.stringify({ featureVersion: FEATURE_VERSION, labels: LABELS, scale, rows: hashes.length, ...meta }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const pad = Buffer.alloc((4 - ((4 + header.length) % 4)) % 4);
  return Buffer.concat([len, header, pad, Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
    Buffer.from(trans.buffer, trans.byteOffset, trans.byteLength), Buffer.from(start.buffer, start.byteOffset, start.byteLength)]);
}

export function decodeModel(raw: Buffer): Weights {
  const len = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as { featureVersion: number; labels: string[]; scale: number; rows: number };
  if (header.featureVersion !== FEATURE_VERSION || header.labels.join() !== LABELS.join()) {
    throw new Error(`NER model was trained with feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}: run npm run train:ner`);
  }
  let at = 4 + len + ((4 - ((4 + len) % 4)) % 4);
  const rows = header.rows;
  const buf = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const hashes = new Uint32Array(buf, at, rows);
  at += rows * 4;
  const q = new Int8Array(buf, at, rows * L);
  at += rows * L;
  const trans = new Float32Array(buf.slice(at, at + L * L * 4));
  at += L * L * 4;
  const start = new Float32Array(buf.slice(at, at + L * 4));
  return { table: new PackedTable(hashes, q, header.scale), trans, start };
}

let loaded: Weights | null = null;

export function model(): Weights {
  loaded ??= decodeModel(gunzipSync(readFileSync(new URL('./data/ner-model.bin.gz', import.meta.url))));
  return loaded;
}

// ---------------------------------------------------------------- scoring and decoding

/**
 * Summed word-feature weights per distinct word (OFFSETS × L floats, under one set of weights),
 * packed in one growing Float32Array: a word's vector is read at each of its five neighbouring
 * positions, and a pool keeps those reads free of one typed-array object per word. The pool
 * starts over (a new generation) for other weights, or between documents once it holds
 * POOL_WORDS words, so it stays bounded on any corpus.
 */
const VECTOR = OFFSETS.length * L;
const POOL_WORDS = 1 << 17;
const pool = { of: null as Weights | null, generation: 0, data: new Float32Array(VECTOR * 4096), used: 0 };

/**
 * Weights of the context features that take few values (all slots but the word pairs', see
 * PAIR_SLOTS_FROM): a direct-mapped memo, small enough to stay in cache, in front of the model's
 * table, whose 4 MB make nearly every look-up a cache miss. A memoised row is the row itself (not
 * a sum), so adding it gives the same float32 scores.
 */
const MEMO_BITS = 12;
const MEMO_SIZE = 1 << MEMO_BITS;
const memo = { keys: new Uint32Array(MEMO_SIZE), found: new Uint8Array(MEMO_SIZE), rows: new Float32Array(MEMO_SIZE * L) };

function startPool(w: Weights): void {
  pool.of = w;
  pool.generation++;
  pool.used = 0;
  memo.keys.fill(0);
}

/** Adds the weights of h, a feature with few distinct values, through the memo. */
function addMemoised(table: EmissionTable, h: number, out: Float32Array, base: number): void {
  const slot = h >>> (32 - MEMO_BITS);
  const at = slot * L;
  const { rows } = memo;
  if (memo.keys[slot] !== h) {
    memo.keys[slot] = h;
    rows.fill(0, at, at + L);
    memo.found[slot] = table.addTo(h, rows, at) ? 1 : 0;
  }
  if (memo.found[slot] === 0) return;
  // Written out per label: about ten of these rows are added per scored token, and the loop over
  // the nine labels measured slower.
  out[base]! += rows[at]!;
  out[base + 1]! += rows[at + 1]!;
  out[base + 2]! += rows[at + 2]!;
  out[base + 3]! += rows[at + 3]!;
  out[base + 4]! += rows[at + 4]!;
  out[base + 5]! += rows[at + 5]!;
  out[base + 6]! += rows[at + 6]!;
  out[base + 7]! += rows[at + 7]!;
  out[base + 8]! += rows[at + 8]!;
}

/** Offset of the word's vector in pool.data, computing it on first use in this generation. */
function wordVector(w: Weights, info: WordInfo): number {
  if (info.vectorGeneration === pool.generation) return info.vectorAt;
  if (pool.used + VECTOR > pool.data.length) {
    const grown = new Float32Array(pool.data.length * 2);
    grown.set(pool.data.subarray(0, pool.used));
    pool.data = grown;
  }
  const at = pool.used;
  pool.used += VECTOR;
  pool.data.fill(0, at, at + VECTOR);
  for (let o = 0; o < OFFSETS.length; o++) {
    for (const h of wordFeatures(info.word, OFFSETS[o]!)) w.table.addTo(h, pool.data, at + o * L);
  }
  info.vectorGeneration = pool.generation;
  info.vectorAt = at;
  return at;
}

/** Emission scores, tokens × L, for a document under the given weights. */
export function emissions(w: Weights, doc: LabelDoc, facts: DocFacts = {} as DocFacts): Float32Array {
  const ctx = contextFeatures(doc, facts);
  const { unitStart } = doc;
  const info = facts.info;
  const n = info.length;
  const out = new Float32Array(n * L);
  if (pool.of !== w || pool.used > POOL_WORDS * VECTOR) startPool(w);
  const bos = wordVector(w, wordInfo(BOS));
  const eos = wordVector(w, wordInfo(EOS));
  const { live } = facts;
  const vectorAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let near = false;
    for (let j = Math.max(0, i - 2); j <= i + 2 && j < n; j++) near ||= live[j] === 1;
    vectorAt[i] = near ? wordVector(w, info[i]!) : bos;
  }
  // Read after every vector is in place: growing the pool replaces the array.
  const vectors = pool.data;
  const { table } = w;
  // Unit bounds so neighbours never cross a sentence.
  let unitFrom = 0;
  let unitTo = 0;
  for (let i = 0; i < n; i++) {
    if (unitStart[i] || i >= unitTo) {
      unitFrom = i;
      unitTo = i + 1;
      while (unitTo < n && !unitStart[unitTo]) unitTo++;
    }
    const base = i * L;
    if (!live[i]) {
      for (let y = 1; y < L; y++) out[base + y] = -1e4;
      continue;
    }
    // The word vectors are summed in one local per label rather than in out[]: the chains of
    // adds through memory were a tenth of labelling. Math.fround rounds each sum to float32, as
    // storing it in out[] did, so the scores are the same bit for bit.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let o = 0; o < OFFSETS.length; o++) {
      const j = i + OFFSETS[o]!;
      const v = (j < unitFrom ? bos : j >= unitTo ? eos : vectorAt[j]!) + o * L;
      s0 = Math.fround(s0 + vectors[v]!);
      s1 = Math.fround(s1 + vectors[v + 1]!);
      s2 = Math.fround(s2 + vectors[v + 2]!);
      s3 = Math.fround(s3 + vectors[v + 3]!);
      s4 = Math.fround(s4 + vectors[v + 4]!);
      s5 = Math.fround(s5 + vectors[v + 5]!);
      s6 = Math.fround(s6 + vectors[v + 6]!);
      s7 = Math.fround(s7 + vectors[v + 7]!);
      s8 = Math.fround(s8 + vectors[v + 8]!);
    }
    out[base] = s0;
    out[base + 1] = s1;
    out[base + 2] = s2;
    out[base + 3] = s3;
    out[base + 4] = s4;
    out[base + 5] = s5;
    out[base + 6] = s6;
    out[base + 7] = s7;
    out[base + 8] = s8;
    for (let k = 0; k < CONTEXT_SLOTS; k++) {
      const h = ctx[i * CONTEXT_SLOTS + k]!;
      if (h === 0) break;
      if (k >= PAIR_SLOTS_FROM && k < PAIR_SLOTS_TO) table.addTo(h, out, base);
      else addMemoised(table, h, out, base);
    }
  }
  return out;
}

let scoreBuf = new Float32Array(0);
let backBuf = new Uint8Array(0);

/**
 * 1 for the labels that may follow any label (O, B-X). The others (I-X) may only follow B-X or
 * I-X, which LABELS puts right before them and at them (y - 1, y); decodeStretch relies on that.
 */
const FOLLOWS_ANY = Uint8Array.from(LABELS, (_, y) => (allowed(0, y) ? 1 : 0));
if (LABELS.some((_, y) => !FOLLOWS_ANY[y] && LABELS.some((_, p) => allowed(p, y) !== (p === y - 1 || p === y)))) {
  throw new Error('decodeStretch expects I-X to follow only B-X (label y - 1) or I-X (y)');
}

/**
 * Viterbi over each unit; writes the best label per token into `labels`. Tokens outside `live`
 * are O, so each unit splits into independent stretches of live tokens between them.
 */
export function viterbi(w: Transitions, doc: LabelDoc, emit: Float32Array, labels: Uint8Array, live?: Uint8Array): void {
  const n = doc.words.length;
  if (scoreBuf.length < n * L) {
    scoreBuf = new Float32Array(n * L * 2);
    backBuf = new Uint8Array(n * L * 2);
  }
  let i = 0;
  while (i < n) {
    if (live && !live[i]) {
      labels[i++] = 0;
      continue;
    }
    const from = i;
    i++;
    while (i < n && !doc.unitStart[i] && (!live || live[i])) i++;
    // The stretch follows an O inside the unit, or opens it; it precedes an O inside the unit, or ends it.
    decodeStretch(w, emit, labels, from, i, !doc.unitStart[from], i < n && !doc.unitStart[i]);
  }
}

/**
 * The first label p with the highest s_p + trans[p → y], given the previous token's nine scores
 * s0..s8 (all finite). Unrolled over locals: the loop over a list of predecessors it replaces was
 * most of the decoding time.
 */
function bestOfAll(s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number, s8: number, trans: Float32Array, y: number): number {
  let best = s0 + trans[y]!;
  let arg = 0;
  let s: number;
  s = s1 + trans[L + y]!;
  if (s > best) {
    best = s;
    arg = 1;
  }
  s = s2 + trans[2 * L + y]!;
  if (s > best) {
    best = s;
    arg = 2;
  }
  s = s3 + trans[3 * L + y]!;
  if (s > best) {
    best = s;
    arg = 3;
  }
  s = s4 + trans[4 * L + y]!;
  if (s > best) {
    best = s;
    arg = 4;
  }
  s = s5 + trans[5 * L + y]!;
  if (s > best) {
    best = s;
    arg = 5;
  }
  s = s6 + trans[6 * L + y]!;
  if (s > best) {
    best = s;
    arg = 6;
  }
  s = s7 + trans[7 * L + y]!;
  if (s > best) {
    best = s;
    arg = 7;
  }
  s = s8 + trans[8 * L + y]!;
  if (s > best) {
    best = s;
    arg = 8;
  }
  return arg;
}

function decodeStretch(w: Transitions, emit: Float32Array, labels: Uint8Array, from: number, to: number, afterO: boolean, beforeO: boolean): void {
  const score = scoreBuf;
  const back = backBuf;
  const { trans } = w;
  for (let y = 0; y < L; y++) {
    const open = afterO ? (allowed(0, y) ? trans[y]! : -1e30) : w.start[y]!;
    score[from * L + y] = emit[from * L + y]! + open;
  }
  for (let i = from + 1; i < to; i++) {
    const prev = (i - 1) * L;
    const s0 = score[prev]!, s1 = score[prev + 1]!, s2 = score[prev + 2]!, s3 = score[prev + 3]!, s4 = score[prev + 4]!;
    const s5 = score[prev + 5]!, s6 = score[prev + 6]!, s7 = score[prev + 7]!, s8 = score[prev + 8]!;
    for (let y = 0; y < L; y++) {
      // The first best predecessor in label order, as the scan with a strict comparison found it.
      const arg = FOLLOWS_ANY[y]
        ? bestOfAll(s0, s1, s2, s3, s4, s5, s6, s7, s8, trans, y)
        : score[prev + y]! + trans[y * L + y]! > score[prev + y - 1]! + trans[(y - 1) * L + y]! ? y : y - 1;
      score[i * L + y] = score[prev + arg]! + trans[arg * L + y]! + emit[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  let best = -Infinity;
  let y = 0;
  for (let k = 0; k < L; k++) {
    const s = score[(to - 1) * L + k]! + (beforeO ? trans[k * L]! : 0);
    if (s > best) {
      best = s;
      y = k;
    }
  }
  for (let i = to - 1; i >= from; i--) {
    labels[i] = y;
    y = back[i * L + y]!;
  }
}

/** Best BIO label per token of the document. */
export function label(doc: LabelDoc, weights: Weights = model(), facts: DocFacts = {} as DocFacts): Uint8Array {
  const labels = new Uint8Array(doc.words.length);
  const emit = emissions(weights, doc, facts);
  viterbi(weights, doc, emit, labels, facts.live);
  return labels;
}
