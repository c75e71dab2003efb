import type { EntityMention, Quantity } from '../types.js';

/**
 * Claim subjects: what a figure is a figure *of*, as a key that lines up the same subject across
 * outlets. The key is the counted noun plus the country it belongs to: "175,000 Russian troops"
 * and "tens of thousands of Russian troops" are both `troops|RU`.
 *
 * - The country comes from a nationality or country inside the subject ("Russian troops"), else
 *   from the first country or nationality in the sentence that is not part of the attribution
 *   ("US intelligence believes Russia could attack ... with an estimated 175,000 troops" → RU).
 * - A generic noun ("roughly 70,000 people") in the sentence right after a specific count takes
 *   that count's subject ("... 175,000 troops. There are currently roughly 70,000 people."), and
 *   says so in `subject_source = 'context'`.
 */

export interface ClaimSubject {
  claim_key: string | null;
  claim_subject: string | null;
  subject_source: 'text' | 'context' | null;
}

const CLAIM_KINDS = new Set<Quantity['kind']>(['count', 'money', 'percent', 'measure']);
/** Nouns too general to be a subject of their own when a specific one was just named. */
const GENERIC_NOUNS = new Set(['people', 'persons', 'ones', 'others', 'more', 'individuals', 'of them']);
const PLACE_SUBTYPES = new Set(['GPE', 'NORP']);

export function claimSubjects(text: string, quantities: Quantity[], mentions: EntityMention[]): ClaimSubject[] {
  const subjects: ClaimSubject[] = [];
  let previous: { subject: ClaimSubject; quantity: Quantity } | null = null;
  for (const quantity of quantities) {
    let subject = ownSubject(text, quantity, mentions);
    if (subject.claim_key !== null && previous !== null && isGeneric(quantity) && followsClosely(previous.quantity, quantity)) {
      subject = { ...previous.subject, subject_source: 'context' };
    }
    subjects.push(subject);
    if (subject.claim_key !== null && !isGeneric(quantity)) previous = { subject, quantity };
  }
  return subjects;
}

function ownSubject(text: string, quantity: Quantity, mentions: EntityMention[]): ClaimSubject {
  if (!CLAIM_KINDS.has(quantity.kind) || quantity.unit === null) return { claim_key: null, claim_subject: null, subject_source: null };
  const noun = quantity.kind === 'count' ? quantity.unit.toLowerCase() : quantity.unit;
  const country = countryOf(text, quantity, mentions);
  return {
    claim_key: `${noun}|${country ?? ''}`,
    claim_subject: country ? `${noun} (${country})` : noun,
    subject_source: 'text',
  };
}

function countryOf(text: string, quantity: Quantity, mentions: EntityMention[]): string | null {
  const places = mentions.filter((m) => m.country_code !== null && m.subtype !== null && PLACE_SUBTYPES.has(m.subtype));
  if (quantity.subject !== null) {
    const subjectStart = text.indexOf(quantity.subject, quantity.start);
    const subjectEnd = subjectStart + quantity.subject.length;
    const inSubject = places.find((m) => subjectStart >= 0 && subjectEnd <= quantity.sentence_end && m.start >= subjectStart && m.end <= subjectEnd);
    if (inSubject) return inSubject.country_code;
  }
  const attribution = quantity.attributed_to ?? '';
  const inSentence = places.find((m) => m.start >= quantity.sentence_start && m.end <= quantity.sentence_end && m.start < quantity.start && !(attribution !== '' && attribution.includes(m.text)));
  return inSentence?.country_code ?? null;
}

function isGeneric(quantity: Quantity): boolean {
  return quantity.kind === 'count' && quantity.unit !== null && GENERIC_NOUNS.has(quantity.unit.toLowerCase());
}

/** Same sentence, or the sentence that starts right after the previous figure's sentence. */
function followsClosely(previous: Quantity, next: Quantity): boolean {
  if (previous.kind !== next.kind) return false;
  return previous.sentence_start === next.sentence_start || (next.sentence_start > previous.sentence_end && next.sentence_start - previous.sentence_end <= 2);
}
