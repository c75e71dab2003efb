import { CLASSIFIER_RULE_IDS } from './classifier.js';
import { endsWithOneOf, hasAtMostWords } from './normalize.js';

/**
 * Line rules for text dumps. Each rule has an id (the `removed_lines.rule` value) and looks at
 * one normalised line in its document context. Rules are precise patterns for the boilerplate
 * families of scraped news; a line matching none is kept. The first matching rule wins, in the
 * order of LINE_RULES.
 */

export interface LineContext {
  /** All normalised lines of the document body (blank lines included, as ''). */
  lines: readonly string[];
  index: number;
  title: string | null;
  /** Rule that removed the nearest earlier non-blank line, if any. */
  previousRule: string | null;
  /** True once a comment section has started (see `comments-start`). */
  inCommentSection: boolean;
  /** True once a related-content section has started after the body (see `related-start`). */
  inRelatedSection?: boolean;
}

export interface LineRule {
  id: string;
  description: string;
  matches(line: string, context: LineContext): boolean;
}

const CREDIT = /\b(getty images|associated press|ap photo|reuters|afp|shutterstock|alamy|epa-efe|pool\/|\/pool|keystone|via getty|photo(?:graph)? by|photo(?:graph)?:|image:|credit:|courtesy of|fotos?:|bild:|kuva:|crédito:|crédit photo)/i;
/** Characters that end a sentence line (checked on the last character only). */
const SENTENCE_END = '.!?"”’\')]';

/** Markers after which the rest of the page is reader comments, not the article. */
const COMMENT_SECTION_START =
  /^(?:\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b|leave a (?:reply|comment)\b|post a comment\b|\d+\s+comments?$|(?:schreibe|hinterlasse) einen kommentar\b|(?:einen )?kommentar (?:schreiben|hinterlassen)\b|laisser un commentaire\b|deja(?:r)? un comentario\b|lascia un commento\b|deixe um comentário\b)/i;

const COMMENT_FORM = new RegExp(
  [
    '^please enter your (?:comment|name|email)',
    '^fill in your details below',
    '^you are commenting using your',
    '^connecting to %s',
    '^notify me of (?:new|follow-up)',
    '^save my name, email',
    '^your email address will not be published',
    '^cancel reply$',
    '^(?:log|sign) ?in to (?:comment|reply)',
    '^required fields are marked',
    '^(?:wordpress\\.com|twitter|facebook|google) (?:logo|picture|photo|account)$',
    '^log ?out\\s*/\\s*change\\s*\\)?$',
  ].join('|'),
  'i',
);

/** Headings of related-content blocks after an article, in the languages of the evaluation pages. */
const RELATED_HEADING = new RegExp(
  '^(?:' +
    [
      'related(?: posts?| articles?| stories| content| links| news| reading| coverage)?',
      'you (?:may|might) also (?:like|enjoy)', 'more (?:stories|from \\S+(?: \\S+)?|on this topic|to read)', 'recommended(?: for you| stories| articles)?', 'read next', 'trending now',
      'ähnliche (?:beiträge|artikel|themen|nachrichten)', 'verwandte (?:artikel|beiträge|themen)', 'auch interessant', 'das (?:könnte|dürfte) (?:sie|dich) auch interessieren',
      'mehr zum thema', 'weitere (?:artikel|beiträge|themen|nachrichten|meldungen|news)', 'lesen sie (?:auch|mehr)', 'das könnte dich auch interessieren', 'empfehlungen',
      'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet', 'articles similaires', 'dans la même rubrique',
      'zum weiterlesen', 'weiterführende? (?:links?|artikel|informationen)', 'schon gelesen', 'audios? et vidéos sur le sujet',
      'leia (?:também|mais)', 'veja também', 'ver también', '(?:también )?(?:te|le) puede interesar', 'puede interesarte', 'noticias relacionadas', 'artículos relacionados', 'leggi anche', 'articoli correlati', 'ezek is érdekelhetnek', 'czytaj (?:też|także)',
    ].join('|') +
    ')\\s*[:.…!?]*$',
  'iu',
);

/** Characters from which a line ending in sentence punctuation is article text even inside a related section (teasers are headlines). */
const MIN_PROSE_AFTER_RELATED = 150;

const AD_LABEL = /^[-–—·|\s]*(?:anzeige|advertisement|advertising|werbung|reklama|publicidad|publicité|pubblicità|sponsored(?: content)?|gesponsert)[-–—·|:\s]*$/i;
const RATING_PROMPT = /^(?:was this (?:article|page|post) (?:helpful|useful)|(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|fanden sie diese[nr]? (?:artikel|beitrag) (?:hilfreich|nützlich)|\(?noch keine bewertungen|hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|rate this (?:article|post)|cet article vous a-t-il été utile|¿te ha (?:sido útil|gustado) (?:este|el) artículo)\s*[?!.:)]*$/i;

/*
 * Patterns that search the whole line (not anchored at its start) run only on lines that hold one
 * of their key phrases, found by a plain case-insensitive pattern: most lines are prose that no rule
 * takes, and on them the full searches were the costliest rule tests.
 */
const NOTICE = /\ball rights reserved\b|\brepublished with (?:the )?permission\b|\bmay not be (?:published|broadcast|rewritten|redistributed)\b/i;
const NOTICE_HINT = /rights reserved|republished with|may not be/i;
const COOKIE_NOTICE = /\b(?:we use cookies|cookie (?:policy|settings)|accept (?:all )?cookies|manage (?:your )?consent|privacy policy)\b/i;
const COOKIE_HINT = /cookie|consent|privacy policy/i;

/** Affiliate disclosures ("When you buy through links on our site, we may earn an affiliate commission", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision"). */
const AFFILIATE_NOTICE = /\b(?:supported by its audience|we may (?:earn|receive) (?:an? )?(?:affiliate )?(?:commission|compensation)|may receive compensation|affiliate (?:commission|links?)\b.{0,40}\b(?:earn|receive|commission)|erhält \S+ (?:ggf\. )?eine provision)/i;
const AFFILIATE_HINT = /commission|compensation|provision|audience/i;

const NON_ASCII = /[^\x00-\x7f]/;
let lastTitle = '';
let lastTitleLower = '';

/** `line.toLowerCase() === title.toLowerCase()`, lower-casing the title once per document and lines only when needed (ASCII keeps its length). */
function sameLowerCase(line: string, title: string): boolean {
  if (line.length !== title.length && !NON_ASCII.test(line) && !NON_ASCII.test(title)) return false;
  if (title !== lastTitle) {
    lastTitle = title;
    lastTitleLower = title.toLowerCase();
  }
  return line.toLowerCase() === lastTitleLower;
}

/** Month and weekday names (and their abbreviations) in the languages of the evaluation pages. */
const MONTH_OR_DAY =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar|rero)?|fév(?:rier)?|mar(?:ch|z|s|zo)?|märz|apr(?:il)?|avril|abril|may|mai|mayo|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|ago(?:sto)?|août|sep(?:t|tember|tiembre|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|iembre|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre)?|ene(?:ro)?|' +
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
/** One piece of a date or time stamp: a number, a month or weekday name, or a word that goes with stamps ("Uhr", "updated"). */
const DATE_PIECE = new RegExp(
  `^(?:\\d[\\d.:/-]*(?:st|nd|rd|th|h)?\\.?|(?:${MONTH_OR_DAY})\\.?|at|um|uhr|am|pm|a\\.m\\.|p\\.m\\.|on|de|del|le|the|updated|published|posted|veröffentlicht|aktualisiert|stand|gmt|utc|cet|cest|est|edt|pst)$`,
  'iu',
);
/** A year or a clock time: what a publication stamp carries, unlike a fixture date in a text ("Tuesday, 1 March"). */
const STAMP_MARK = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)|\d{1,2}:\d{2}/;

/** A line that is only a date or time stamp with a year or a time ("Donnerstag, 31. Mai 2012", "12.12.2022, 08:30 Uhr", "3:59 PM"). */
function isDateLine(line: string): boolean {
  if (line.length > 60 || !STAMP_MARK.test(line)) return false;
  const pieces = line.split(/[\s,|·•–—()]+/).filter(Boolean);
  // A year alone may be a heading of a timeline ("2021"); a clock time alone is a stamp ("16:45").
  return (pieces.length > 1 || /\d:\d/.test(line)) && pieces.every((piece) => DATE_PIECE.test(piece));
}

const BYLINE_NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3}";
const BYLINE_PREFIXED = new RegExp(`^(?:by|By|BY)\\s+${BYLINE_NAME}(?:\\s*(?:,|and|&)\\s*${BYLINE_NAME})*(?:\\s*[,|\\-–]\\s*.{0,60})?$`, 'u');
const BYLINE_ROLE = new RegExp(`^${BYLINE_NAME}\\s*[,|\\-–]\\s*(?:(?:senior|chief|staff|contributing|political|foreign|deputy|associate|national|white house)\\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?$`, 'iu');

interface CaptionIndex {
  counts: Map<string, number>;
  /** Lines carrying a photo credit (the credit pattern is the costliest test: run once per line). */
  credited: Set<string>;
}

/** Per document: how often each line occurs, and the lines carrying a credit (indexed once, not per line). */
const captionIndex = new WeakMap<readonly string[], CaptionIndex>();

function captionIndexOf(context: LineContext): CaptionIndex {
  let index = captionIndex.get(context.lines);
  if (index === undefined) {
    const counts = new Map<string, number>();
    const credited = new Set<string>();
    for (const other of context.lines) {
      if (other === '') continue;
      counts.set(other, (counts.get(other) ?? 0) + 1);
      if (CREDIT.test(other)) credited.add(other);
    }
    index = { counts, credited };
    captionIndex.set(context.lines, index);
  }
  return index;
}

function isRepeatedCaption(line: string, context: LineContext): boolean {
  const index = captionIndexOf(context);
  if ((index.counts.get(line) ?? 0) > 1) return true;
  for (const other of index.credited) if (other !== line && other.startsWith(line + ' ')) return true;
  return false;
}

export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'comments-start',
    description: 'Comment counters and section openers ("2 thoughts on ...", "Leave a Reply", "Schreibe einen Kommentar"); the rest of the page is comments.',
    matches: (line) => COMMENT_SECTION_START.test(line),
  },
  {
    id: 'comment-form',
    description: 'Comment forms and their login text (WordPress, Twitter, Facebook).',
    matches: (line) => COMMENT_FORM.test(line),
  },
  {
    id: 'comment-section',
    description: 'Any line after a comment-section opener.',
    matches: (_line, context) => context.inCommentSection,
  },
  {
    id: 'related-start',
    description: 'Heading of a related-content block ("Related posts", "Ähnliche Beiträge", "À lire aussi"); after article text, the rest of the page is that block.',
    matches: (line) => line.length <= 80 && RELATED_HEADING.test(line),
  },
  {
    id: 'related-section',
    description: 'Any line after a related-content heading that followed the article text, except long prose lines (an inline related box in mid-article: the article goes on).',
    matches: (line, context) => context.inRelatedSection === true && !(line.length >= MIN_PROSE_AFTER_RELATED && endsWithOneOf(line, SENTENCE_END)),
  },
  {
    id: 'byline',
    description: 'Author lines ("By Jane Doe", "Brigid Kennedy, Staff Writer").',
    matches: (line) => line.length <= 120 && (BYLINE_PREFIXED.test(line) || BYLINE_ROLE.test(line)),
  },
  {
    id: 'reading-time',
    description: 'Reading-time badges ("·1 min read").',
    matches: (line) => /^[·•|\-\s]*\d+\s*(?:min|mins|minutes?)\s+read\b/i.test(line) && hasAtMostWords(line, 6),
  },
  {
    id: 'dateline',
    description: 'Date and time stamps on their own line ("Donnerstag, 31. Mai 2012", "12.12.2022, 08:30 Uhr", "Updated 3:59 PM").',
    matches: (line) => isDateLine(line),
  },
  {
    id: 'photo-credit',
    description: 'Photo credits, with or without the caption before them ("... Pool/Keystone via Getty Images").',
    matches: (line) => !endsWithOneOf(line, SENTENCE_END) && hasAtMostWords(line, 25) && CREDIT.test(line),
  },
  {
    id: 'caption',
    description: 'Short caption lines that the page repeats, alone or in front of a credit line ("Putin and Biden.").',
    // Short lines first: the document's caption index is built only when such a line asks (most news lines are long).
    matches: (line, context) => hasAtMostWords(line, 10) && isRepeatedCaption(line, context),
  },
  {
    id: 'title-repeat',
    description: 'The headline repeated as a body line.',
    matches: (line, context) => context.title !== null && sameLowerCase(line, context.title),
  },
  {
    id: 'see-also',
    description: '"SEE ALSO:", "Read more", "Related:" link lines.',
    matches: (line) => /^(?:see also|read more|read also|also read|related(?: articles?| stories)?|recommended|more on this(?: story)?|watch|listen)\s*(?::|$|[-–|]\s)/i.test(line),
  },
  {
    id: 'copyright',
    description: 'Copyright and republication notices.',
    matches: (line) => /^(?:copyright\b|©|\(c\)\s*\d{4})/i.test(line) || (NOTICE_HINT.test(line) && NOTICE.test(line)),
  },
  {
    id: 'newsletter',
    description: 'Newsletter sign-ups and their blurbs.',
    matches: (line, context) =>
      (/^(?:sign up|subscribe|get our|join our)\b/i.test(line) && hasAtMostWords(line, 15)) ||
      (/\bnewsletters?\b/i.test(line) && hasAtMostWords(line, 30) && (context.previousRule === 'newsletter' || /^(?:sign up|subscribe)\b/i.test(line))),
  },
  {
    id: 'related-links',
    description: 'Short "More ..." / "Top stories" link headings ("More US News", "Access More").',
    matches: (line) => /^(?:more|access more|top stories|most read|trending|latest news|you may also like)\b/i.test(line) && hasAtMostWords(line, 5) && !endsWithOneOf(line, SENTENCE_END),
  },
  {
    id: 'share-bar',
    description: 'Share and follow buttons ("Share this:", "Tweet", "Follow us on Twitter").',
    matches: (line) =>
      /^(?:(?:share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link)(?:\s+(?:this|article|story|on \w+))?:?\s*[|·•]?\s*)+$/i.test(line) ||
      /^(?:(?:diesen |den )?(?:artikel|beitrag|seite) (?:teilen|drucken)|teilen|drucken|partager(?: cet article)?|compartir(?: (?:en|este artículo))?|condividi|udostępnij)\s*:?$/i.test(line) ||
      (/^follow (?:us|@?\w+) on\b/i.test(line) && hasAtMostWords(line, 8)),
  },
  {
    id: 'ad-label',
    description: 'Advertisement labels on their own line ("Anzeige", "Advertisement:", "- Reklama -").',
    matches: (line) => line.length <= 40 && AD_LABEL.test(line),
  },
  {
    id: 'rating-prompt',
    description: 'Article rating and feedback prompts ("Was this article helpful?", "War der Artikel nützlich?").',
    matches: (line) => line.length <= 80 && RATING_PROMPT.test(line),
  },
  {
    id: 'cookie-notice',
    description: 'Cookie and privacy banners.',
    matches: (line) => COOKIE_HINT.test(line) && COOKIE_NOTICE.test(line) && hasAtMostWords(line, 40),
  },
  {
    id: 'affiliate-notice',
    description: 'Affiliate and advertiser disclosures ("... we may earn an affiliate commission", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision").',
    matches: (line) => AFFILIATE_HINT.test(line) && AFFILIATE_NOTICE.test(line) && hasAtMostWords(line, 60),
  },
  {
    id: 'nav-crumb',
    description: 'Navigation breadcrumbs ("Home > World > Europe").',
    matches: (line) => /^[\p{L} &]{1,25}(?:\s*[>»›|\/]\s*[\p{L} &]{1,25}){2,}$/u.test(line) && !endsWithOneOf(line, SENTENCE_END),
  },
];

/** Every rule id a `removed_lines` row can carry: the line rules, then the classifier's and the corpus detector's. */
export const RULE_IDS: readonly string[] = [...LINE_RULES.map((rule) => rule.id), ...CLASSIFIER_RULE_IDS, 'corpus-repeat'];
