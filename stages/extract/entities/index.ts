import type { EntityMention, Span } from '../../types.js';
import { findCandidates } from './candidates.js';
import { classify } from './classify.js';
import { viewDocument } from './document.js';
import { canonicalOf, linkDocument, type Resolved } from './link.js';
import { tokenize } from './tokenize.js';

/**
 * Rule-based named-entity recogniser: capitalised runs → candidates (candidates.ts), typed by
 * gazetteers and cues (classify.ts), then made consistent and linked within the document
 * (link.ts). A trained model is meant to replace the core later; this signature stays.
 *
 * The title, when given, is not part of `text`: it is analysed after the text so its words count
 * as evidence (names, lower-case words), but mentions are only returned for `text`.
 *
 * Output: sorted by start, non-overlapping, deterministic.
 */
export function extractEntities(text: string, sentences: Span[], title?: string | null): EntityMention[] {
  const full = title ? `${text}\n\n${title}` : text;
  const allSentences = title ? [...sentences, { start: text.length + 2, end: full.length }] : sentences;
  const view = viewDocument(tokenize(full), allSentences);
  const items: Resolved[] = findCandidates(view).map((c) => {
    const t = classify(view, c);
    const surface = full.slice(c.start, t.withLawNoun && c.lawNounEnd !== null ? c.lawNounEnd : c.end);
    return { c, t, surface, canonical: t.canonical ?? canonicalOf(surface, view.lineKind[c.firstTok] === 'caps') };
  });
  linkDocument(items);
  return toMentions(items, text.length);
}

function toMentions(items: Resolved[], limit: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (const { c, t, surface, canonical } of items) {
    const end = c.start + surface.length;
    const prev = out[out.length - 1];
    if (end > limit || (prev && c.start < prev.end)) continue;
    out.push({ start: c.start, end, text: surface, type: t.type, subtype: t.subtype, canonical, country_code: t.code });
  }
  return out;
}
