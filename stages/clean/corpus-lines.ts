/**
 * Corpus-level boilerplate, CCNet style (Wenzek et al. 2019, "CCNet", §3.3): each line is
 * normalised (NFD with accents dropped, lower case, every digit → 0, punctuation removed,
 * whitespace collapsed) and hashed; a line hash that recurs in at least `minDocs` documents with
 * different bodies is boilerplate (menus, footers, sign-up blurbs of one site). Exact duplicate
 * documents count once, so a syndicated article does not make its own sentences boilerplate.
 *
 * Threshold: DEFAULT_CORPUS_MIN_DOCS = 3 distinct documents. CCNet removes any line seen twice in
 * a shard of ~5 GB; news dumps are smaller and one outlet's quote can appear in two articles, so
 * we ask for three. Lines of 200+ characters never count (a long sentence recurring verbatim is
 * a syndicated paragraph, which dedupe handles, not boilerplate).
 */

export const DEFAULT_CORPUS_MIN_DOCS = 3;
const MAX_LINE_CHARS = 200;

export function normalizeForHash(line: string): string {
  return line
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\p{N}/gu, '0')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 64-bit FNV-1a of the normalised line, as 16 hex digits ('' for lines that never count). */
export function lineHash(line: string): string {
  if (line.length >= MAX_LINE_CHARS) return '';
  const normalized = normalizeForHash(line);
  if (normalized === '') return '';
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The distinct line hashes of one document's text. */
export function lineHashesOf(text: string): Set<string> {
  const hashes = new Set<string>();
  for (const line of text.split('\n')) {
    const h = lineHash(line.trim());
    if (h !== '') hashes.add(h);
  }
  return hashes;
}

/** Counts, per line hash, the distinct documents it occurs in. Feed every document, then ask. */
export class LineHashCounter {
  private readonly counts = new Map<string, number>();
  private readonly seenBodies = new Set<string>();

  add(hashes: ReadonlySet<string>): void {
    const body = [...hashes].sort().join('');
    if (this.seenBodies.has(body)) return;
    this.seenBodies.add(body);
    for (const h of hashes) this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
  }

  /** Hashes found in at least `minDocs` distinct documents. */
  boilerplate(minDocs = DEFAULT_CORPUS_MIN_DOCS): Set<string> {
    const out = new Set<string>();
    for (const [h, n] of this.counts) if (n >= minDocs) out.add(h);
    return out;
  }
}

export function corpusBoilerplate(docs: Iterable<ReadonlySet<string>>, minDocs = DEFAULT_CORPUS_MIN_DOCS): Set<string> {
  const counter = new LineHashCounter();
  for (const d of docs) counter.add(d);
  return counter.boilerplate(minDocs);
}
