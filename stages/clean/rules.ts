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

const CREDIT = /\b(imagen:|getty images|associated press|ap photo|reuters|afp|efe\b|shutterstock|alamy|epa-efe|picture[- ]alliance|pool\/|\/pool|keystone|via getty|photo(?:graph)? by|photo(?:graph)?:|image:|credit:|courtesy of|fotos?:|bild:|kuva:|crédito:|crédits? photos?)/i;
/**
 * A caption that ends in its credit in parentheses ("Weltspitze der Junioren. (Foto: Privat)",
 * "(Bild: Audi)"): the credit label opens the last parenthesis. Article text cites sources in
 * parentheses too, but not with a photo label.
 */
const CREDIT_IN_PARENTHESES = /\((?:fotos?|photo|photograph|bild|bildquelle|image|imagen|crédito|credit)\s*:[^()]{0,80}\)$/i;
/** The same credit as the caption's last sentence ("Puerto de Montevideo. Foto: Archivo El País."): the label before the last colon. */
const CREDIT_LABEL_BEFORE_COLON = /(?:^|[.!?]\s+)(?:fotos?|photo|photograph|bild|image|imagen|crédito|credit)\s*$/i;
/** A source or picture label alone on its line ("Quelle:", "Źródło:", "Titelbild:"): the credit follows on the next line. */
const CREDIT_LABEL = /^(?:quelle|bildquelle|titelbild|beitragsbild|źródło|fuente|fonte|source|foto|photo|bild|imagen)\s*:$/i;
/** A source label and the source ("Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022", "Źródło: ISBnews"): the credit of a text or a picture. */
const SOURCE_LINE = /^(?:quelle|bildquelle|source|fuente|fonte|źródło)\s*:\s*\S/i;
/** Most words of a source line: a longer line that opens with the label is text ("Source: the ministry said that ..."). */
const SOURCE_LINE_MAX_WORDS = 12;
/** A caption ending in its credit: in parentheses, as its last sentence, or a credit label alone. Most lines have no colon and are passed over at once. */
function creditAtEnd(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  if (last === 58 /* : */) return line.length <= 16 && CREDIT_LABEL.test(line);
  if (last !== 41 /* ) */ && last !== 46 /* . */) return false;
  // The credit's colon is near the end (most lines have none there): only the tail is searched.
  const tail = Math.max(0, line.length - (last === 41 ? 84 : 63));
  const colon = line.indexOf(':', tail);
  if (colon < 0) return false;
  if (last === 41) return CREDIT_IN_PARENTHESES.test(line.slice(Math.max(0, tail - 30))) && hasAtMostWords(line, 40);
  const credit = line.slice(line.lastIndexOf(':') + 1);
  const at = line.length - credit.length - 1;
  return credit.length <= 62 && credit.indexOf('.') === credit.length - 1 && CREDIT_LABEL_BEFORE_COLON.test(line.slice(Math.max(0, at - 40), at)) && hasAtMostWords(line, 40);
}

/** Characters that end a sentence line (checked on the last character only). */
const SENTENCE_END = '.!?"”’\')]';

/**
 * Markers after which the rest of the page is reader comments, not the article. Counters in other
 * languages in the blog templates' wording ("11 Antworten zu „Titel“", "3 réponses à « Titre »"), not in
 * a heading's ("10 Antworten auf die wichtigsten Fragen", "3 réponses à vos questions"). The header of
 * a single comment ("Comment by Jane Doe — 17.07, 2011 @ 13:04") opens the section too.
 */
const COMMENT_SECTION_START =
  /^(?:\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b|comment by [^—–]{1,60}[—–]\s*\d|leave a (?:reply|comment)\b|post a comment\b|\d+\s+comments?$|\d+\s+(?:antworten|kommentare|gedanken) zu\s|\d+\s+(?:réponses|commentaires) (?:à|a|sur)\s*["“«]|\d+\s+(?:respuestas|comentarios) (?:a|en)\s*["“«]|(?:schreibe|hinterlasse) einen kommentar\b|(?:einen )?kommentar (?:schreiben|hinterlassen)\b|laisser un commentaire\b|deja(?:r)? un comentario\b|lascia un commento\b|deixe um comentário\b)/i;

/** Comment policies under the form ("Please understand that comments are moderated ..."); searched only in lines with a HINT_COMMENT key phrase. */
const COMMENT_POLICY = /\bcomments? (?:are|is|will be) (?:moderated|reviewed)\b|^we ask that comments\b|\bsome comments may be (?:republished|published)\b|\bkommentare werden (?:moderiert|vor der veröffentlichung)/i;

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
    '^you must be (?:logged in|registered) to (?:post a )?comment',
    '^(?:you are not logged in|sie sind nicht (?:verbunden|angemeldet|eingeloggt))\\b',
    '^(?:du musst|sie müssen) (?:eingeloggt|angemeldet) sein,? um (?:einen )?kommentare?',
    '^um .{1,80} kommentieren zu können, müssen sie (?:eingeloggt|angemeldet)',
    // An empty comment section's placeholder ("No comments yet.", "Keine Kommentare (Kommentare erscheinen erst nach Freigabe)").
    '^(?:no comments(?: yet)?|(?:noch )?keine kommentare(?: vorhanden)?)\\s*(?:[.!:]|\\(.*\\))?$',
    '^kommentare insgesamt:\\s*\\d+$',
    // The privacy consent next to the submit button ("By using this form you agree with the storage and handling of your data ...").
    '^by using this form you agree',
    '^mit der nutzung dieses formulars erklärst du',
    '^mit dem (?:von dir )?abgeschickten kommentar',
  ].join('|'),
  'i',
);

/** Headings of related-content blocks and author boxes after an article, in the languages of the evaluation pages. */
const RELATED_HEADING = new RegExp(
  '^(?:' +
    [
      'related(?: posts?| articles?| stories| content| links| news| reading| coverage)?',
      // The author box closes an article as the related links do.
      'about the authors?', 'über (?:den|die) autor(?:in|en)?', 'zu[mr] autor(?:in)?', "à propos de l['’]auteur", 'sobre (?:el|la) autor(?:a)?',
      'you (?:may|might) also (?:like|enjoy)', 'more (?:stories|from \\S+(?: \\S+)?|on this topic|to read)', 'recommended(?: for you| stories| articles)?', 'read next', 'explore further', 'trending now',
      'ähnliche (?:beiträge|artikel|themen|nachrichten)', 'verwandte (?:artikel|beiträge|themen)', 'auch interessant', 'das (?:könnte|dürfte) (?:sie|dich) auch interessieren',
      'mehr zum thema', 'weitere (?:artikel|beiträge|themen|nachrichten|meldungen|news)', 'lesen sie (?:auch|mehr)', 'das könnte dich auch interessieren', 'empfehlungen',
      'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet', 'articles similaires', 'dans la même rubrique',
      'zum weiterlesen', 'weiterführende? (?:links?|artikel|informationen)', 'schon gelesen', 'audios? et vidéos sur le sujet',
      'leia (?:também|mais)', 'veja também', 'ver también', '(?:también )?(?:te|le) puede interesar', 'puede interesarte', 'noticias relacionadas', 'artículos relacionados', 'leggi anche', 'articoli correlati', 'ezek is érdekelhetnek', 'czytaj (?:też|także)',
    ].join('|') +
    ')\\s*[:.…!?]*$',
  'iu',
);

/**
 * Link lines that point to another article: the label alone, or followed by ":", a dash, "|" or "»"
 * and the teaser. Labels in the languages of the evaluation pages and of news scrapes generally.
 */
const SEE_ALSO = new RegExp(
  '^(?:' +
    [
      'see also', 'read more', 'read also', 'also read', 'related(?: articles?| stories)?', 'recommended', 'more on this(?: story)?', 'watch', 'listen',
      'lesen sie (?:auch|mehr|hier)', 'siehe auch', 'mehr zum thema', 'auch interessant',
      '(?:à |a )?lire aussi', 'voir aussi', 'lire la suite',
      'lea (?:más|también|además)', 'lee (?:más|también)', 'ver también', '(?:también )?(?:te|le) puede interesar', 'puedes ver', 'seguir leyendo',
      'leia (?:também|mais)', 'veja (?:também|mais)', 'saiba mais', 'leggi anche', 'vedi anche',
      'czytaj (?:też|także|również|więcej)', 'zobacz (?:też|także|również|więcej)',
    ].join('|') +
    ')\\s*(?::|$|[-–|»]\\s)',
  'iu',
);
/**
 * A teaser that links on with an arrow at its end ("Neue EU-Taxonomie verhindern Weiter ›", "Vorstudie zur
 * Menüerweiterung »"). A closing guillemet ends a quotation too: only lines without an opening one count.
 */
function isArrowTeaser(line: string): boolean {
  // Normalised lines hold plain spaces only: the arrow stands apart when a space precedes it.
  return endsWithOneOf(line, '»›→') && line[line.length - 2] === ' ' && !line.includes('«') && !line.includes('‹') && hasAtMostWords(line, 30);
}

/**
 * A teaser that ends in its "read more" link after a sentence or an ellipsis ("... Seht selbst! Weiterlesen",
 * "Auskunft über vergangenes Wetter… mehr •••", "... the rest. Continue reading →"). Only a bare "mehr"
 * after an ellipsis: after a full stop it ends German sentences.
 */
/** Characters at a line's end that hold READ_MORE_END: the longest label, the sentence's end before it and an arrow; only they are searched. */
const READ_MORE_END_CHARS = 32;
const READ_MORE_END = /(?:[.!?…]|\.\.\.)\s*(?:weiterlesen|read more|continue reading|lire la suite|leer más|leia mais|seguir leyendo)\s*[»›→…]*$|…\s*mehr\s*(?:•+|»|›|→)?$/i;

/** Labels that are also ordinary words or names ("Lea", "Mira"): only with a colon ("Lea: ...", "MIRA: ..."). */
const SEE_ALSO_COLON = /^(?:lea|lee|mira|ver|leia|veja|leggi|czytaj|zobacz)\s*:/iu;

/** Link-list headings in German, French, Spanish, Portuguese, Italian and Polish ("Otras noticias", "Neueste Artikel", "Mehr zum Thema Gesundheit", "Weitere Tourentipps in Schweden", "Les plus lus", "Inne artykuły autora"). */
const RELATED_LINKS_OTHER = /^(?:(?:otras|más|últimas) noticias|noch mehr\b|mehr zum thema\b|mehr (?:infos?|informationen) (?:zu|zum|zur|über|für)\b|weitere \p{L}*(?:tipps|infos|informationen|themen|artikel|beiträge|news)\b|lo más (?:leído|visto)|neueste (?:artikel|beiträge|nachrichten|meldungen)|meistgelesen(?:e)?|meistdiskutiert(?:e)?|meistkommentiert(?:e)?|am meisten gelesen|empfohlen für (?:dich|sie)|weitere (?:artikel|beiträge|nachrichten|meldungen) (?:zu|zum|von|aus)\b|les plus (?:lus|populaires)|(?:autres|dernières) (?:articles|actualités|infos)|outras notícias|mais lidas|últimas notícias|altre notizie|più letti|inne artykuły|najnowsze|najczęściej czytane|więcej artykułów)/iu;

/**
 * A link back to a listing or the page's top ("Back to overview", "Zurück zum Newsroom", "Retour à l'accueil",
 * "Volver al inicio"); only to such a place: "Back to school" is a heading.
 */
const BACK_LINK = /^[«‹<←\s]*(?:back to (?:the )?|zurück (?:zu[mr]? |nach )|retour (?:à l['’]|à la |au |aux )|volver (?:a la |al )|torna (?:alla |all['’])|voltar (?:à |ao ))(?:top|home(?:page)?|start(?:seite)?|overview|übersicht|newsroom|news|blog|list[ea]?|archiv(?:e)?|index|inicio|accueil|sommaire|portada|seitenanfang|anfang|oben)\b/iu;

/**
 * Links between posts and listing buttons of blog and news templates ("Next post →", "Vorheriger Beitrag",
 * "Vorschau auf den nächsten Artikel", "Load more", "Lade weitere Inhalte ..."), alone on their line.
 */
const POST_NAV = /^[«‹←\s]*(?:(?:next|previous|prev) (?:post|article|story|entry)|(?:nächster|vorheriger) (?:beitrag|artikel|eintrag)|(?:vorschau auf den )?nächsten artikel|(?:article|billet) (?:suivant|précédent)|(?:siguiente|anterior) (?:artículo|entrada|noticia)|(?:artículo|entrada|noticia) (?:siguiente|anterior)|load more(?: stories| articles| posts| news)?|show more (?:stories|articles|posts)|weitere (?:inhalte|artikel|beiträge) laden|lade weitere (?:inhalte|artikel|beiträge)|mehr laden|charger plus d['’]articles|cargar más(?: noticias)?)\s*[.…:»›→]*$/i;

/** A download link's file type and size at the line's end, also glued to a date before it ("2021PDF | 38 KB", "(PDF, 298KB)", "mp3 (30 MB)"); not in a sentence ("The report (PDF, 2 MB) was published on Tuesday."). */
const FILE_SIZE = /(?<!\p{L})(?:pdf|docx?|xlsx?|pptx?|odt|zip|epub|mp3|m4a|mp4)\s*[|,(]?\s*\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|kilobytes?|megabytes?)\b(?=[^.!?]{0,30}$)/iu;
/** A number and a size unit: searched first, it passes over almost every line at a twentieth of FILE_SIZE's cost. */
const FILE_SIZE_UNIT = /\d\s?(?:[kmgKMG]i?[bB]|kilobyte|megabyte)/;
/** Most words of a download link line: the document's title, its type and size, an accessibility note. */
const FILE_LINK_MAX_WORDS = 20;

/** Characters from which a line ending in sentence punctuation is article text even inside a related section (teasers are headlines). */
const MIN_PROSE_AFTER_RELATED = 150;

const AD_LABEL = /^[-–—·|\s]*(?:anzeige|advertisement|advertising|werbung|reklama|publicidad|publicité|pubblicità|sponsored(?: content)?|gesponsert)[-–—·|:\s]*$/i;
const RATING_PROMPT = /^(?:was this (?:article|page|post) (?:helpful|useful)|(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|fanden sie diese[nr]? (?:artikel|beitrag) (?:hilfreich|nützlich)|\(?noch keine bewertungen|hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|rate this (?:article|post)|cet article vous a-t-il été utile|¿te ha (?:sido útil|gustado) (?:este|el) artículo)\s*[?!.:)]*$/i;

/*
 * Patterns that search the whole line (not anchored at its start) run only on lines that hold one
 * of their key phrases (HINT_PATTERNS below): most lines are prose that no rule takes, and on them
 * the full searches were the costliest rule tests.
 */
const NOTICE = /\ball rights reserved\b|\brepublished with (?:the )?permission\b|\bmay not be (?:published|broadcast|rewritten|redistributed)\b/i;
/**
 * Licence notices of a page's text or pictures ("This work is licensed under a Creative Commons ...
 * License", "Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert", "... unter
 * der Lizenz CC-BY-NC-ND-4.0-DE"): a copyright notice in other words. Short lines only (HINT_LICENSE).
 */
const LICENSE_NOTICE = /\b(?:under|unter|sous|bajo) (?:a|the|this|einer|der|dieser|une|la|una) (?:creative commons|cc[- ]by)\b|\b(?:licen[cs]ed under|licen[cs]e|lizenz|licencia) (?:creative commons|cc[- ]by)\b/i;
const COOKIE_NOTICE = /\b(?:we use cookies|cookie (?:policy|settings)|accept (?:all )?cookies|manage (?:your )?consent|privacy policy)\b/i;
/**
 * Cookie banners in German, French, Spanish, Portuguese and Italian: "Cookies" next to the banner's
 * verbs (use, accept, agree, make easier) or its headings ("Was sind Cookies?").
 */
const COOKIE_NOTICE_OTHER = /\bcookies?\b.{0,80}\b(?:verwende[nt]?|nutze[nt]?|einsetze[nt]?|erleichtern|einverstanden|akzeptier\w*|zustimm\w*|utilis(?:e|ons|ent|er|ez)|accept(?:er|ez|ons)|usamos|utiliza(?:mos|n)?|acept\w*|utilizza\w*)\b|\b(?:verwende[nt]?|nutze[nt]?|setzen?|utilis(?:e|ons|ent|er|ez)|usamos|utiliza(?:mos|n)?|utilizza\w*|akzeptier\w*|accept(?:er|ez|ons)|acept\w*)\b.{0,40}\bcookies?\b|^(?:was sind|qu'est-ce que les|¿?qué son las?|o que são) cookies\s*\??$/iu;
/**
 * Placeholders of embedded third-party content that loads only on consent ("Klicken Sie auf den Button, um
 * den Inhalt von www.example.com zu laden", "Mit dem Laden des Videos akzeptieren Sie ...", "By loading
 * the video, you agree to ..."): privacy notices in the place of a video, map or post. Short lines only (HINT_EMBED).
 */
const EMBED_CONSENT = /\b(?:um (?:den|die) inhalte? von .{1,60} zu laden|(?:mit dem|beim) laden (?:des|der) (?:inhalts?|videos?|karte|tweets?|beitrags)|ohne (?:dein|ihr) einverständnis keine verbindung|by loading the (?:content|video|map|tweet|post)|click (?:here |the button )?to load (?:the |this )?(?:content|video|map|tweet|post))\b/i;

/** The label of a suggested citation of the page, which academic blogs and journals put under the article ("SUGGESTED CITATION Doe, Jane: Title, Blog, 2020", "Zitiervorschlag: ...", "Cite this article"). */
const CITATION = /^(?:suggested citation|cite this (?:article|page|post)|how to cite this (?:article|page|post)|zitiervorschlag|zitierhinweis|citation suggérée|pour citer cet article|cómo citar este artículo)\b/i;

/** Affiliate disclosures ("When you buy through links on our site, we may earn an affiliate commission", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision"). */
const AFFILIATE_NOTICE = /\b(?:supported by its audience|we may (?:earn|receive) (?:an? )?(?:affiliate )?(?:commission|compensation)|may receive compensation|affiliate (?:commission|links?)\b.{0,40}\b(?:earn|receive|commission)|erhält \S+ (?:ggf\. )?eine provision)/i;

/**
 * Share and follow prompts beyond the bare buttons: WordPress's "Click to share on Facebook (Opens in
 * new window)", "Share on Twitter", and German, French, Spanish, Portuguese, Italian and Polish
 * follow and share prompts ("Folgen Sie uns auf", "Mit Freunden teilen", "Artikel gefallen? Jetzt teilen!").
 */
const SHARE_PROMPT = new RegExp(
  '^(?:' +
    [
      'click to (?:share|email|print)\\b', 'share on \\w+\\s*$', 'share (?:this )?(?:article|story|post)\\b',
      '(?:folgen sie|folge|folgt) uns\\b', 'suivez[- ]nous\\b', 's[ií]guenos\\b', 'siga-nos\\b', 'seguici\\b', 'obserwuj nas\\b',
      '(?:jetzt |mit freunden |(?:den |diesen )?(?:artikel|beitrag) (?:mit (?:anderen|freunden) )?)teilen\\b', '(?:bitte )?teile (?:diesen|den) (?:beitrag|artikel)\\b', '(?:dir|ihnen) hat (?:der|dieser) (?:artikel|beitrag) gefallen\\b', '(?:möchten sie|möchtest du|willst du|wollen sie) (?:den|diesen) (?:artikel|beitrag) teilen\\b', '(?:der )?(?:artikel|beitrag) gefallen\\?',
      'partagez(?: cet article)?\\b', 'comparte(?: esta noticia| este artículo)?\\b', 'compartilhe\\b', 'condividi(?: questo articolo)?\\b',
    ].join('|') +
    ')',
  'iu',
);

/**
 * Subscription prompts and labels in German, French, Spanish, Portuguese, Italian and Polish
 * ("Newsletter abonnieren", "S'abonner", "Suscríbete", "Zapisz się do newslettera") and English ones
 * that do not start with the verb ("You can subscribe to this blog by email.").
 */
const SUBSCRIBE_PROMPT = /\b(?:abonnieren|abonniere|abonnierst|abonniert euch|s'abonner|abonnez-vous|je m'abonne|suscr[ií]bete|suscribirse|suscribite|assine|inscreva-se|iscriviti|abbonati|zapisz się|subskrybuj|zaprenumeruj)\b|\b(?:subscribe (?:to (?:this|my|our)|by e-?mail|now|today|here)|you(?:'re| are) (?:already )?subscribed)\b/iu;

/** A reader's consent in the first person, as sign-up forms word it. */
const NEWSLETTER_CONSENT = /\b(?:willige ich|ich bin (?:damit )?einverstanden|i (?:agree|consent) to receive|j'accepte de recevoir|acepto recibir)\b/i;

/** Paywall notices addressed to the reader, in English, German, French, Spanish and Portuguese. */
const PAYWALL = new RegExp(
  [
    "\\b(?:already (?:a )?(?:subscriber|subscribed)|subscribers? only|for subscribers|(?:subscribe|sign in|log in) to (?:continue|read|view|unlock)|to (?:continue reading|read|view) (?:the full|this|the rest)[^.]{0,40}\\b(?:subscribe|subscription|sign in|log in)|free articles? (?:left|remaining)|you have (?:\\d+|one|two|three) free articles?)\\b",
    "\\b(?:bereits abonnent(?:in)?|(?:nur|exklusiv) für abonnenten|abonnenten lesen|jetzt weiterlesen mit)\\b",
    "\\b(?:déjà abonné(?:e)?|réservé aux abonnés|articles? gratuits?|abonnez-vous pour lire)\\b",
    "\\b(?:ya (?:eres|es) suscriptor|exclusivo para suscriptores|artículos gratis|já é assinante|exclusivo para assinantes)\\b",
    // Reader-revenue appeals: the same place on the page, the same request for money.
    "\\b(?:support (?:our|independent|quality) journalism|(?:make a|one-off) donation|donate now|(?:unterstütze|unterstützen sie) (?:das projekt|unsere arbeit|unabhängigen journalismus)|jetzt spenden|ihr beitrag hilft,? unsere berichterstattung|zapraszamy (?:też |również |także )?do (?:subskrypcji|prenumeraty))\\b",
  ].join('|'),
  'iu',
);

/** The cut of a metered article, at a line's start: "Pour lire la suite" (and the offer after it), "Para continuar leyendo, adquiere ...". */
const PAYWALL_CUT = /^(?:pour lire la suite|para (?:seguir|continuar) leyendo)\b/i;

/**
 * Calls to action of the page around the article: prompts to comment ("Tell us in the comments",
 * "Verraten Sie gerne in den Kommentaren: ..."), appeals for support ("would you consider supporting our
 * work?"), app and messenger-channel promotions ("Get the latest news straight to your phone with the ...
 * app", "Únete a nuestro canal de Telegram"), invitations to write a letter to the editor, e-mail sign-up
 * prompts ("Enter your email address to receive ...", "Um neue Beiträge per E-Mail zu erhalten, ...") and
 * sign-up links at a line's end ("... actions? Sign up here").
 */
const CALL_TO_ACTION = /\b(?:(?:tell|let) (?:us|me) (?:know )?in the comments|(?:verraten|sagen|schreiben) sie (?:uns )?(?:gerne )?(?:es )?in den kommentaren|(?:verrate|sag|schreib) (?:uns|mir) (?:gerne )?in den kommentaren|dites-(?:le-)?nous en commentaire|consider supporting (?:us|our work)|download our (?:free )?app|news (?:straight|directly) to your (?:phone|inbox)|(?:our|unsere[mn]?) (?:telegram|whatsapp)[- ](?:kanal|channel)|nuestro canal de (?:telegram|whatsapp)|join (?:us|our channel) on (?:telegram|whatsapp)|(?:submit|write|send) (?:us )?(?:a|your) letter to the editor|enter your e-?mail(?: address)? to (?:subscribe|receive|get)|per e-mail zu erhalten)\b|\bsign up here[.!]?$/i;
/** Key words of CALL_TO_ACTION's phrases: a search for them alone skips most lines at a tenth of the full pattern's cost. */
const CALL_TO_ACTION_HINT = /omment|support|\bapp\b|telegram|whatsapp|editor|mail|sign up|your (?:phone|inbox)/i;
/** Most words of a call to action: a longer line that uses its words is text. */
const CALL_TO_ACTION_MAX_WORDS = 40;

/** A tag or category label at the start of a line, with a colon or followed by a comma-separated list ("Tags Homestory, Interior design"; not "Category 5 hurricane hits the coast"). */
const TAG_LINE = /^(?:tags?|tagged(?: with)?|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|kategorien?|categories|category|filed under|posted in|etiquetas|mots-clés|tagi)(?:\s*:\s*\S|\s+[^,]+,)/iu;
/** The entry footer of blog templates, which names the post's categories and tags in a sentence ("This entry was posted in News and tagged Berlin. Bookmark the permalink.", "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit ..."). */
const ENTRY_FOOTER = /^(?:this (?:entry|post) was (?:posted|filed) in|this (?:entry|post) was posted on .{0,80}\band is filed under|(?:der|dieser) (?:beitrag|eintrag) wurde am .{0,80}\bveröffentlicht und (?:wurde )?unter|erstellt am .{0,80}\bund abgelegt unter|dieser (?:eintrag|beitrag) wurde (?:.{0,40} )?(?:veröffentlicht|abgelegt) (?:in|unter)|cette entrée a été publiée dans|esta entrada (?:fue publicada|se publicó) en|questa voce è stata pubblicata in)\b/iu;
/** Most words of an entry footer: with the date, the categories and the feed and trackback notes the stamped ones run to 60. */
const ENTRY_FOOTER_MAX_WORDS = 80;
/** A field of post metadata: a short label and its value ("Aufrufe: 1120", "Autor: Jane Doe", "Tags: Berlin"). */
const LABELLED_FIELD = /^\p{L}[\p{L} ]{0,20}:\s*\S/u;
/** Most words of a line of labelled fields. */
const FIELDS_MAX_WORDS = 40;

/**
 * A line of post metadata split by "|" into three or more fields, two or more of them labelled
 * ("Aufrufe: 1120 | Hinzugefügt von: Jane | Tags: Berlin | Rating: 0.0/0",
 * "Veröffentlicht: 05.01.2020 | Autor: Jane | Abgelegt unter: Fotografie").
 */
function isLabelledFields(line: string): boolean {
  if (!line.includes('|') || !hasAtMostWords(line, FIELDS_MAX_WORDS)) return false;
  const fields = line.split('|');
  return fields.length >= 3 && fields.filter((field) => LABELLED_FIELD.test(field.trim())).length >= 2;
}

/** Liability disclaimers: publishers' and blogs' standard sentences. */
const DISCLAIMER = /\b(?:is not responsible for the (?:opinions|content|views)|(?:do|does) not necessarily reflect|(?:are|is) not necessarily (?:those|the views) of|the views expressed (?:here|in this (?:article|column|post|blog))|trotz sorgfältiger (?:inhaltlicher )?kontrolle|(?:übernehme[n]?|übernimmt) (?:ich |wir )?keine haftung für|für den inhalt der verlinkten seiten sind ausschließlich)\b/iu;

/*
 * Key phrases of the rules that search a whole line, found in one pass over the line (one search
 * instead of one per rule: in a profile on the BBC corpus, the separate searches of the copyright,
 * cookie, affiliate and newsletter rules took 11 % of the clean stage's time, the one search 6 %).
 * The subscription, paywall, disclaimer and comment-policy notices are short (up to 20-60 words),
 * so their phrases are not searched in lines longer than NOTICE_MAX_CHARS, most of a news text's
 * characters.
 */
const NOTICE_MAX_CHARS = 300;
const HINT_SUBSCRIBE = 1;
const HINT_PAYWALL = 2;
const HINT_DISCLAIMER = 4;
const HINT_COMMENT = 8;
const HINT_NOTICE = 16;
const HINT_COOKIE = 32;
const HINT_AFFILIATE = 64;
const HINT_NEWSLETTER = 128;
const HINT_LICENSE = 256;
const HINT_EMBED = 512;
/** Bits of the phrases searched in lines of any length. */
const HINT_ANY_LENGTH = HINT_NOTICE | HINT_COOKIE | HINT_AFFILIATE | HINT_NEWSLETTER;
const HINT_PATTERNS: readonly (readonly [number, RegExp])[] = [
  [HINT_SUBSCRIBE | HINT_PAYWALL, /abonn|subscri|suscri|assin|inscreva|iscriviti|abbonati|zapisz|subskry|prenumer/i],
  [HINT_PAYWALL, /free article|gratuit|journalism|berichterstattung|unterstütze|spende|donat/i],
  [HINT_DISCLAIMER, /responsible for the|necessarily|views expressed|kontrolle|haftung|verlinkten/i],
  [HINT_COMMENT, /omments (?:are|is|will|may)|omment (?:is|will|may)|ask that comments|kommentare werden/i],
  [HINT_NOTICE, /rights reserved|republished with|may not be/i],
  [HINT_COOKIE, /cookie|consent|privacy policy/i],
  [HINT_AFFILIATE, /commission|compensation|provision|audience/i],
  [HINT_NEWSLETTER, /newsletter/i],
  [HINT_LICENSE, /creative commons|cc[- ]by/i],
  // "laden de" stands for EMBED_CONSENT's "laden des" and "laden der".
  [HINT_EMBED, / zu laden|laden de|einverständnis|to load|loading the/i],
];
/** Any of the patterns (a plain alternation, the fastest search for a line that has none). */
function anyOf(patterns: readonly (readonly [number, RegExp])[]): RegExp {
  return new RegExp(patterns.map(([, pattern]) => pattern.source).join('|'), 'i');
}
const HINT_ANY = anyOf(HINT_PATTERNS);
const HINT_ANY_IN_LONG_LINES = anyOf(HINT_PATTERNS.filter(([bits]) => (bits & HINT_ANY_LENGTH) !== 0));
let hintLine = '';
let hintBits = 0;

/** The HINT_ bits of the key phrases in `line` (remembered for the last line asked; only HINT_ANY_LENGTH ones for lines over NOTICE_MAX_CHARS). */
function hintsOf(line: string): number {
  if (line !== hintLine) {
    hintLine = line;
    hintBits = 0;
    const short = line.length <= NOTICE_MAX_CHARS;
    if ((short ? HINT_ANY : HINT_ANY_IN_LONG_LINES).test(line)) {
      for (const [bits, pattern] of HINT_PATTERNS) if ((short || (bits & HINT_ANY_LENGTH) !== 0) && pattern.test(line)) hintBits |= bits;
    }
  }
  return hintBits;
}

const NON_ASCII = /[^\x00-\x7f]/;
let lastTitle = '';
let lastTitleLower = '';

/** `line.toLowerCase() === title.toLowerCase()`, lower-casing the title once per document and lines only when needed (ASCII keeps its length). */
function sameLowerCase(line: string, title: string): boolean {
  if (title !== lastTitle) {
    lastTitle = title;
    lastTitleLower = title.toLowerCase();
  }
  // Lower-casing never shortens a string (of all code points only "İ" changes length, to two units):
  // a line longer than the lower-cased title, as most body lines are, differs without a search.
  if (line.length > lastTitleLower.length) return false;
  if (line.length !== title.length && !NON_ASCII.test(line) && !NON_ASCII.test(title)) return false;
  return line.toLowerCase() === lastTitleLower;
}

/** Month and weekday names (and their abbreviations) in the languages of the evaluation pages. */
const MONTH_OR_DAY =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar|rero)?|fév(?:rier)?|mar(?:ch|z|s|zo)?|märz|apr(?:il)?|avril|abril|may|mai|mayo|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|ago(?:sto)?|août|sep(?:t|tember|tiembre|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|iembre|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre)?|ene(?:ro)?|' +
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
/** One piece of a date or time stamp: a number, a month or weekday name, or a word that goes with stamps ("Uhr", "updated"). */
const DATE_PIECE = new RegExp(
  `^(?:\\d[\\d.:/-]*(?:st|nd|rd|th|h)?\\.?|(?:${MONTH_OR_DAY})\\.?|at|um|uhr|am|pm|a\\.m\\.|p\\.m\\.|on|de|del|le|the|(?:updated|published|posted|veröffentlicht|publiziert|aktualisiert|stand):?|gmt|utc|cet|cest|est|edt|pst|pdt|cst|cdt|bst|et|pt|ct)$`,
  'iu',
);
/** A year or a clock time: what a publication stamp carries, unlike a fixture date in a text ("Tuesday, 1 March"). */
const STAMP_MARK = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)|\d{1,2}:\d{2}/;

/** The verb of a publication stamp at the start of a line ("Posted on", "Erstellt am", "Der Beitrag wurde am"). */
const STAMP_LEAD = /^(?:(?:posted|published|updated|created|erstellt|veröffentlicht|geschrieben|aktualisiert|publié|publicado|pubblicato)(?:\s+(?:am|on|le|el|il))?|(?:der|dieser) (?:beitrag|artikel|eintrag) wurde am)\s/iu;
/** What a date after STAMP_LEAD starts with: a number, or a month or weekday name ("Published in 2019, the study ..." is a sentence). */
const DATE_START = new RegExp(`^(?:\\d|(?:${MONTH_OR_DAY})\\b)`, 'iu');
/** Most words of a line that STAMP_LEAD opens: post metadata is short, a sentence that starts "Published on ..." longer. */
const STAMP_LINE_MAX_WORDS = 25;
/** Most words of a line of "|" fields with a stamp among them (a byline, a category, a comment count beside the date). */
const STAMPED_FIELDS_MAX_WORDS = 16;

/**
 * Post metadata around a publication stamp: a short line of fields split by "|" one of which is a stamp
 * ("24. März 2004, 19:49 | Genesis", "Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT,
 * 28 September 2020"), or a line that a stamp's verb opens, with a date right after it
 * ("Posted on May 5, 2020 by admin in News", "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux").
 */
function isStampedMetaLine(line: string): boolean {
  if (line.includes('|') && hasAtMostWords(line, STAMPED_FIELDS_MAX_WORDS) && line.split('|').some((field) => isDateLine(field.trim()))) return true;
  const lead = STAMP_LEAD.exec(line);
  if (lead === null) return false;
  const date = line.slice(lead[0].length, lead[0].length + 40);
  return DATE_START.test(date) && STAMP_MARK.test(date) && hasAtMostWords(line, STAMP_LINE_MAX_WORDS);
}

/** A line that is only a date or time stamp with a year or a time ("Donnerstag, 31. Mai 2012", "12.12.2022, 08:30 Uhr", "3:59 PM"). */
function isDateLine(line: string): boolean {
  if (line.length > 60 || !STAMP_MARK.test(line)) return false;
  const pieces = line.split(/[\s,|·•–—()]+/).filter(Boolean);
  // A year alone may be a heading of a timeline ("2021"); a clock time alone is a stamp ("16:45").
  return (pieces.length > 1 || /\d:\d/.test(line)) && pieces.every((piece) => DATE_PIECE.test(piece));
}

const BYLINE_NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3}";
/** "By" and names, then the outlet they write for ("By Jane Doe And John Smith For The Daily Post") or a role or date after a separator. */
const BYLINE_PREFIXED = new RegExp(`^(?:by|By|BY)\\s+${BYLINE_NAME}(?:\\s*(?:,|and|And|AND|&)\\s*${BYLINE_NAME})*(?:\\s+(?:for|For|FOR)\\s+${BYLINE_NAME})?(?:\\s*[,|\\-–]\\s*.{0,60})?$`, 'u');
/** An author and a date in German, French, Spanish, Italian or English ("von Jane Doe am 14. Mai 2014, 15:40 Uhr", "par Jane Doe, le 28 mai 2009"): a stamp (a year or a time) after the date's first number. */
/** BYLINE_DATED's first word, tested first: a plain pattern fails most lines at a fraction of the names' cost. */
const BYLINE_DATED_LEAD = /^(?:von|par|por|di|by) /i;
const BYLINE_DATED = new RegExp(`^(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Bb]y) ${BYLINE_NAME},? (?:am|le|el|il|on) \\d[^\\n]{0,40}$`, 'u');
const BYLINE_ROLE = new RegExp(`^${BYLINE_NAME}\\s*[,|\\-–]\\s*(?:(?:senior|chief|staff|contributing|political|foreign|deputy|associate|national|white house)\\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?$`, 'iu');

/**
 * The author's note under an article: a name, then the journalist's role where they work ("Jane Doe is a
 * senior writer for Example, covering ...", "Jane Doe ist Redakteurin im Team Politik", "... ist Head of
 * Social bei Example"). The name is matched case-sensitively (BIO_SUBJECT), the rest in any case (BIO_ROLE).
 */
const BIO_SUBJECT = new RegExp(`^${BYLINE_NAME} (?:is|was|Is|ist|war) `, 'u');
const BIO_ROLE =
  /^(?:(?:a|an|the) (?:[\p{L}-]+ ){0,4}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|photographer)s? (?:at|for|with|of|on|covering)\b|(?:[\p{L}-]+ ){0,3}(?:redakteur(?:in)?|journalist(?:in)?|autor(?:in)?|korrespondent(?:in)?|volontär(?:in)?|reporter(?:in)?|head of [\p{L}& ]+) (?:bei|für|der|des|von|im)\b)/iu;

/** The verb after BIO_SUBJECT's name, searched first in the line's first BIO_VERB_CHARS characters: it skips most lines at a fraction of the name's pattern's cost. */
const BIO_VERB = / (?:is|was|Is|ist|war) /;
const BIO_VERB_CHARS = 80;

/** A line that opens with an author's note (BIO_SUBJECT, then BIO_ROLE). */
function isAuthorBio(line: string): boolean {
  if (!BIO_VERB.test(line.length > BIO_VERB_CHARS ? line.slice(0, BIO_VERB_CHARS) : line)) return false;
  const subject = BIO_SUBJECT.exec(line);
  return subject !== null && BIO_ROLE.test(line.slice(subject[0].length));
}

/**
 * The rest of an author's note ("She has been writing about politics for the Post since 2008"); with the
 * pronoun only ("The company has been reporting on its emissions" is news). Searched only in lines with "has been ".
 */
const AUTHOR_HISTORY = /\b(?:he|she) has been (?:writing|reporting) (?:about|on|for)\b/i;
/**
 * The author box's link to the author's other posts at the end of the note ("View all posts by Jane Doe",
 * "Zeige alle Beiträge von Jane Doe →"); the link has no sentence's end. Searched in the last
 * AUTHOR_LINK_CHARS of a line only (a search of whole lines was the costliest test of all rules).
 */
const AUTHOR_LINK = /\b(?:(?:view|see) all (?:posts|articles|stories) by|more (?:posts|articles|stories) by|(?:zeige )?alle beiträge von|voir tous les articles de|ver todas las entradas de) [^.!?]{1,60}$/i;
const AUTHOR_LINK_CHARS = 110;

/** An author's note (isAuthorBio, AUTHOR_HISTORY) or the author box's link (AUTHOR_LINK). */
function isAuthorNote(line: string): boolean {
  return isAuthorBio(line) || (line.includes('has been ') && AUTHOR_HISTORY.test(line)) || AUTHOR_LINK.test(line.length > AUTHOR_LINK_CHARS ? line.slice(-AUTHOR_LINK_CHARS) : line);
}

/** Most words of an author's note: a longer line is an article about a journalist. */
const AUTHOR_BIO_MAX_WORDS = 100;

/**
 * Whether a prose line (60 characters or more, ending a sentence) other than an author's note comes
 * after the line. An author's note closes the article; news about a journalist ("Evan Gershkovich is
 * a reporter for The Wall Street Journal.") goes on after the sentence. Asked only of lines that are
 * notes, which are rare.
 */
function articleGoesOn(context: LineContext): boolean {
  for (let i = context.index + 1; i < context.lines.length; i++) {
    const next = context.lines[i]!;
    if (next.length >= 60 && endsWithOneOf(next, SENTENCE_END) && !isAuthorNote(next)) return true;
  }
  return false;
}

/**
 * A reading-time badge: "1 min read", and the labels of German, French, Spanish, Portuguese and Polish
 * templates with a number of minutes ("Lesezeit: ca. 3 Minuten", "5 Minuten Lesezeit", "Tiempo de lectura: 4 min",
 * "Ten tekst przeczytasz w mniej niż minutę").
 */
const READING_TIME =
  /^[·•|\-\s]*(?:\d+\s*(?:min|mins|minutes?)\s+read\b|(?:lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|czas czytania)\s*(?::\s*)?(?:ca\.\s*|etwa\s*|von\s*)?\d+\s*(?:min|minuten?|minutes?|minutos?)\b|\d+\s*(?:min\.?|minuten?)\s+(?:lesezeit|lesedauer)\b|ten tekst przeczytasz w\b)/i;

interface CaptionIndex {
  counts: Map<string, number>;
  /** Lines carrying a photo credit (the credit pattern is the costliest test: run once per line). */
  credited: Set<string>;
}

/**
 * Per document: how often each line occurs, and the lines carrying a credit (indexed once, not per
 * line). Kept for the last document asked only: a cleaner asks for one document at a time, and a
 * WeakMap entry per document (two with the title's check) took 1 % of the clean stage's time in a
 * profile on the BBC corpus.
 */
let captionLines: readonly string[] | null = null;
let captionIndex: CaptionIndex = { counts: new Map(), credited: new Set() };

function captionIndexOf(context: LineContext): CaptionIndex {
  if (context.lines !== captionLines) {
    const counts = new Map<string, number>();
    const credited = new Set<string>();
    for (const other of context.lines) {
      if (other === '') continue;
      counts.set(other, (counts.get(other) ?? 0) + 1);
      if (CREDIT.test(other)) credited.add(other);
    }
    captionLines = context.lines;
    captionIndex = { counts, credited };
  }
  return captionIndex;
}

/** A numbered figure caption ("Abbildung 4: Die grösste Lawine ...", "Figure 2. Sales by region", "Abb. 3: ..."). */
const FIGURE_CAPTION = /^(?:abbildung|abb\.|figure|fig\.|grafik|schaubild|illustration|bild|foto|photo|image|imagen)\s*\d+[a-z]?\s*[:.]\s/iu;

/** A caption that the picture's zoom button opens ("Vergrößern Eine kleine runde Aussparung ...", "Enlarge Image"). */
/** Case-sensitive: the caption after the button opens with a capital ("Enlarge the map to see ..." is text; under /iu, \p{Lu} would match any letter). */
const ZOOM_CAPTION = /^(?:Vergrößern|VERGRÖSSERN|Enlarge|ENLARGE)(?: (?:[Ii]mage|[Pp]hoto|[Pp]icture))?(?: \p{Lu}|$)/u;

function isRepeatedCaption(line: string, context: LineContext): boolean {
  const index = captionIndexOf(context);
  if ((index.counts.get(line) ?? 0) > 1) return true;
  for (const other of index.credited) if (other !== line && other.startsWith(line + ' ')) return true;
  return false;
}

export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'comments-start',
    description: 'Comment counters and section openers ("2 thoughts on ...", "11 Antworten zu ...", "Leave a Reply", "Schreibe einen Kommentar"); the rest of the page is comments.',
    matches: (line) => COMMENT_SECTION_START.test(line),
  },
  {
    id: 'comment-form',
    description: 'Comment forms, their login and privacy-consent text (WordPress, Twitter, Facebook), empty-section placeholders ("No comments yet") and comment policies ("Comments are moderated ...").',
    matches: (line) => COMMENT_FORM.test(line) || ((hintsOf(line) & HINT_COMMENT) !== 0 && COMMENT_POLICY.test(line)),
  },
  {
    id: 'comment-section',
    description: 'Any line after a comment-section opener.',
    matches: (_line, context) => context.inCommentSection,
  },
  {
    id: 'related-start',
    description: 'Heading of a related-content block or an author box ("Related posts", "Ähnliche Beiträge", "À lire aussi", "Über den Autor"); after article text, the rest of the page is that block.',
    matches: (line) => line.length <= 80 && RELATED_HEADING.test(line),
  },
  {
    id: 'related-section',
    description: 'Any line after a related-content heading that followed the article text, except long prose lines (an inline related box in mid-article: the article goes on).',
    matches: (line, context) => context.inRelatedSection === true && !(line.length >= MIN_PROSE_AFTER_RELATED && endsWithOneOf(line, SENTENCE_END)),
  },
  {
    id: 'byline',
    description: 'Author lines ("By Jane Doe", "Brigid Kennedy, Staff Writer", "von Jane Doe am 14. Mai 2014, 15:40 Uhr").',
    matches: (line) => line.length <= 120 && (BYLINE_PREFIXED.test(line) || BYLINE_ROLE.test(line) || (BYLINE_DATED_LEAD.test(line) && BYLINE_DATED.test(line) && STAMP_MARK.test(line))),
  },
  {
    id: 'author-bio',
    description: 'Author notes and author-box links after the last paragraph of the article ("Jane Doe is a senior writer for Example", "Jane Doe ist Redakteurin im Team Politik", "View all posts by Jane Doe").',
    matches: (line, context) => isAuthorNote(line) && hasAtMostWords(line, AUTHOR_BIO_MAX_WORDS) && !articleGoesOn(context),
  },
  {
    id: 'reading-time',
    description: 'Reading-time badges ("·1 min read", "Lesezeit: 2 Minuten", "5 Minuten Lesezeit", "Temps de lecture : 3 min", "Ten tekst przeczytasz w 1 minutę").',
    matches: (line) => READING_TIME.test(line) && hasAtMostWords(line, 8),
  },
  {
    id: 'dateline',
    description: 'Date and time stamps on their own line ("Donnerstag, 31. Mai 2012", "12.12.2022, 08:30 Uhr", "Updated 3:59 PM"), and post metadata they open ("Posted on May 5, 2020 by admin").',
    matches: (line) => isDateLine(line) || isStampedMetaLine(line),
  },
  {
    id: 'photo-credit',
    description: 'Photo credits, with or without the caption before them ("... Pool/Keystone via Getty Images", "Screenshot of the app. (Foto: privat)"), and source lines ("Quelle: Landesregierung", "Źródło: ISBnews").',
    matches: (line) => (!endsWithOneOf(line, SENTENCE_END) && hasAtMostWords(line, 25) && CREDIT.test(line)) || creditAtEnd(line) || (SOURCE_LINE.test(line) && !endsWithOneOf(line, '.!?') && hasAtMostWords(line, SOURCE_LINE_MAX_WORDS)),
  },
  {
    id: 'caption',
    description: 'Short caption lines that the page repeats, alone or in front of a credit line ("Putin and Biden."), numbered figure captions ("Abbildung 4: ...", "Figure 2. ...") and captions behind a zoom button ("Vergrößern Die neue Kamera ...").',
    // Short lines first: the document's caption index is built only when such a line asks (most news lines are long).
    matches: (line, context) => (hasAtMostWords(line, 10) && isRepeatedCaption(line, context)) || ((FIGURE_CAPTION.test(line) || ZOOM_CAPTION.test(line)) && hasAtMostWords(line, 40)),
  },
  {
    id: 'title-repeat',
    description: 'The headline repeated as a body line.',
    matches: (line, context) => context.title !== null && sameLowerCase(line, context.title),
  },
  {
    id: 'see-also',
    description: '"SEE ALSO:", "Read more", "Related:" link lines, and their German, French, Spanish, Portuguese, Italian and Polish forms ("Lesen Sie auch:", "À lire aussi", "Lea más:", "Czytaj też: ..."); teasers that end in a link arrow ("... Weiter ›").',
    matches: (line) => SEE_ALSO.test(line) || SEE_ALSO_COLON.test(line) || isArrowTeaser(line) || READ_MORE_END.test(line.length > READ_MORE_END_CHARS ? line.slice(-READ_MORE_END_CHARS) : line),
  },
  {
    id: 'copyright',
    description: 'Copyright, licence ("... under a Creative Commons license") and republication notices, and citation suggestions ("SUGGESTED CITATION Doe, Jane: ...", "Pour citer cet article :").',
    matches: (line) => /^(?:copyright\b|©|\(c\)\s*\d{4})/i.test(line) || CITATION.test(line) || ((hintsOf(line) & HINT_NOTICE) !== 0 && NOTICE.test(line)) || ((hintsOf(line) & HINT_LICENSE) !== 0 && LICENSE_NOTICE.test(line)),
  },
  {
    id: 'newsletter',
    description: 'Newsletter sign-ups and their blurbs, and subscription prompts ("Newsletter abonnieren", "S\'abonner", "You can subscribe to this blog by email.").',
    matches: (line, context) =>
      (/^(?:sign up|subscribe|get our|join our)\b/i.test(line) && hasAtMostWords(line, 15)) ||
      ((hintsOf(line) & HINT_NEWSLETTER) !== 0 &&
        /\bnewsletters?\b/i.test(line) &&
        ((hasAtMostWords(line, 30) && (context.previousRule === 'newsletter' || /^(?:sign up|subscribe)\b/i.test(line))) ||
          // A short line naming the newsletter without a sentence's end is its sign-up heading ("Get the Most Popular Stories in a Weekly Newsletter").
          (hasAtMostWords(line, 12) && !endsWithOneOf(line, '.')) ||
          // The consent to the mailing in a sign-up form ("Mit Absenden meiner E-Mail-Adresse willige ich ... ein, den Newsletter ... zu erhalten").
          (hasAtMostWords(line, 80) && NEWSLETTER_CONSENT.test(line)) ||
          // A newsletter named next to a prompt to subscribe, in a line of up to NOTICE_MAX_CHARS (the subscribe phrases are
          // only searched there), is a sign-up blurb ("Abonnieren Sie kostenlos die ...-Newsletter und bleiben Sie ... auf dem Laufenden.").
          ((hintsOf(line) & HINT_SUBSCRIBE) !== 0 && SUBSCRIBE_PROMPT.test(line)))) ||
      // A sentence of more than 12 words that mentions subscribing is text ("... wenn Dir unsere Podcasts gefallen, Du sie abonnierst und uns Feedback gibst.").
      ((hintsOf(line) & HINT_SUBSCRIBE) !== 0 && hasAtMostWords(line, 20) && (hasAtMostWords(line, 12) || !endsWithOneOf(line, '.!')) && SUBSCRIBE_PROMPT.test(line)),
  },
  {
    id: 'related-links',
    description: 'Short "More ..." / "Top stories" link headings ("More US News", "Access More", "Otras noticias", "Neueste Artikel", "Inne artykuły autora").',
    matches: (line) => (/^(?:more|access more|top stories|most read|most popular|most viewed|most commented|most discussed|trending|latest news|you may also like)\b/i.test(line) || RELATED_LINKS_OTHER.test(line)) && hasAtMostWords(line, 5) && !endsWithOneOf(line, SENTENCE_END),
  },
  {
    id: 'share-bar',
    description: 'Share and follow buttons and prompts ("Share this:", "Tweet", "Follow us on Twitter", "Click to share on Facebook", "Folgen Sie uns auf", "Artikel gefallen? Jetzt teilen!").',
    matches: (line) =>
      /^(?:(?:share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link)(?:\s+(?:this|article|story|on \w+))?:?\s*[|·•]?\s*)+$/i.test(line) ||
      /^(?:(?:diesen |den )?(?:artikel|beitrag|seite) (?:teilen|drucken)|teilen|drucken|partager(?: cet article)?|compartir(?: (?:en|este artículo))?|condividi|udostępnij)\s*:?$/i.test(line) ||
      (/^follow (?:us|@?\w+) on\b/i.test(line) && hasAtMostWords(line, 8)) ||
      (SHARE_PROMPT.test(line) && hasAtMostWords(line, 10)),
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
    description: 'Cookie and privacy banners (English, and "Cookies" with a banner verb in German, French, Spanish, Portuguese and Italian), and consent placeholders of embedded content ("... um den Inhalt von www.example.com zu laden").',
    matches: (line) =>
      ((hintsOf(line) & HINT_COOKIE) !== 0 && (COOKIE_NOTICE.test(line) || COOKIE_NOTICE_OTHER.test(line)) && hasAtMostWords(line, 40)) ||
      ((hintsOf(line) & HINT_EMBED) !== 0 && EMBED_CONSENT.test(line)),
  },
  {
    id: 'affiliate-notice',
    description: 'Affiliate and advertiser disclosures ("... we may earn an affiliate commission", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision").',
    matches: (line) => (hintsOf(line) & HINT_AFFILIATE) !== 0 && AFFILIATE_NOTICE.test(line) && hasAtMostWords(line, 60),
  },
  {
    id: 'paywall',
    description: 'Paywall and metering notices, and reader-revenue appeals ("To view the full story, please subscribe", "If you are already a subscriber, log in", "Vous avez lu 1 des 4 articles gratuits", "Unterstützen Sie unabhängigen Journalismus").',
    // Only lines that name the reader as (not yet) a subscriber or count free articles: news text
    // about subscriptions talks about companies and customers, not "you".
    matches: (line) => (((hintsOf(line) & HINT_PAYWALL) !== 0 && PAYWALL.test(line)) || PAYWALL_CUT.test(line)) && hasAtMostWords(line, 40),
  },
  {
    id: 'call-to-action',
    description: 'Prompts to comment, support, install an app, join a messenger channel, write a letter to the editor or sign up by e-mail, and trailing sign-up links ("Tell us in the comments", "Would you consider supporting our work?", "Únete a nuestro canal de Telegram", "... Sign up here").',
    // Notices are short: the search runs on lines up to NOTICE_MAX_CHARS only.
    matches: (line) => line.length <= NOTICE_MAX_CHARS && CALL_TO_ACTION_HINT.test(line) && CALL_TO_ACTION.test(line) && hasAtMostWords(line, CALL_TO_ACTION_MAX_WORDS),
  },
  {
    id: 'tags',
    description: 'Tag and category lines of blog and news templates ("Tags: Berlin, Interior", "Kategorie: News", "Filed under: Politics", "Schlagwörter: ...", "This entry was posted in News and tagged ..."), and lines of labelled metadata fields ("Aufrufe: 1120 | Autor: Jane | Tags: Berlin").',
    // A label, then a list; no sentence (a line that ends in "." is text that starts with the word).
    matches: (line) => (TAG_LINE.test(line) && hasAtMostWords(line, 20) && !endsWithOneOf(line, '.!?')) || (ENTRY_FOOTER.test(line) && hasAtMostWords(line, ENTRY_FOOTER_MAX_WORDS)) || isLabelledFields(line),
  },
  {
    id: 'disclaimer',
    description: 'Liability and opinion disclaimers ("X is not responsible for the opinions ... presented", "Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung ...", "Disclaimer: ...").',
    matches: (line) => (/^disclaimer\s*:/i.test(line) || ((hintsOf(line) & HINT_DISCLAIMER) !== 0 && DISCLAIMER.test(line))) && hasAtMostWords(line, 60),
  },
  {
    id: 'post-nav',
    description: 'Links to the next or previous post and listing buttons ("Next post →", "Vorheriger Beitrag", "Load more", "Lade weitere Inhalte ...").',
    matches: (line) => line.length <= 60 && POST_NAV.test(line),
  },
  {
    id: 'file-link',
    description: 'Download links with the file\'s type and size ("Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB", "Studie (PDF, 298KB)").',
    matches: (line) => FILE_SIZE_UNIT.test(line) && FILE_SIZE.test(line) && hasAtMostWords(line, FILE_LINK_MAX_WORDS),
  },
  {
    id: 'nav-crumb',
    description: 'Navigation breadcrumbs ("Home > World > Europe"), skip links ("Skip to main content", "Zum Inhalt springen") and back links ("Back to overview", "Zurück zur Übersicht").',
    // The last character first: prose lines end a sentence, and the breadcrumb pattern backtracks on them.
    matches: (line) =>
      (!endsWithOneOf(line, SENTENCE_END) && (/^[\p{L} &]{1,25}(?:\s*[>»›|\/]\s*[\p{L} &]{1,25}){2,}$/u.test(line) || (BACK_LINK.test(line) && hasAtMostWords(line, 5)))) || /^(?:skip to (?:the )?(?:main )?(?:content|navigation|search|footer)|zum inhalt springen|direkt zum inhalt|aller au contenu(?: principal)?|saltar al contenido(?: principal)?)$/i.test(line),
  },
];

/** Every rule id a `removed_lines` row can carry: the line rules, then the classifier's and the corpus detector's. */
export const RULE_IDS: readonly string[] = [...LINE_RULES.map((rule) => rule.id), ...CLASSIFIER_RULE_IDS, 'corpus-repeat'];
