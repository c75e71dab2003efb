import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../stages/clean/index.js';
import { countWords, hasAtMostWords, normalizeLine, WORD } from '../../stages/clean/normalize.js';
import { LINE_RULES } from '../../stages/clean/rules.js';
import { parseFile } from '../../stages/ingest/records.js';
import type { RawDoc } from '../../stages/types.js';

function clean(lines: string[], title: string | null = null, disabled: string[] = []) {
  const doc: RawDoc = { doc_id: 'd', source_path: 'd.txt', record_no: null, format: 'txt', encoding: 'utf-8', text: lines.join('\n'), first_line_no: 1, title, published_at: null, crawled_at: null, url: null, source: null, bytes: 0 };
  return cleanDocument(doc, LINE_RULES.filter((r) => !disabled.includes(r.id)));
}

const BODY = 'The minister said on Monday that the talks would continue next week in Geneva.';

describe('line rules', () => {
  it.each([
    ['By Jane Doe and John Smith', 'byline'],
    ['Jane Doe, Senior Political Correspondent', 'byline'],
    ['5 min read', 'reading-time'],
    ['Share this:', 'share-bar'],
    ['Follow us on Twitter', 'share-bar'],
    ['We use cookies to improve your experience. Read our cookie policy', 'cookie-notice'],
    ['Home > World > Europe', 'nav-crumb'],
    ['Read more: Why the talks failed', 'see-also'],
    ['© 2021 Example Media. All rights reserved.', 'copyright'],
    ['Subscribe to our morning newsletter', 'newsletter'],
    ['Photograph: Alex Brandon/AP', 'photo-credit'],
    ['12 Comments', 'comments-start'],
    ['Anzeige', 'ad-label'],
    ['- Advertisement -', 'ad-label'],
    ['War der Artikel nützlich?', 'rating-prompt'],
    ['Was this article helpful?', 'rating-prompt'],
    ['Diesen Artikel teilen', 'share-bar'],
    ['Donnerstag, 31. Mai 2012', 'dateline'],
    ['12.12.2022, 08:30 Uhr', 'dateline'],
    ['Updated 3:59 PM GMT', 'dateline'],
    ['2022-04-26 21:21:50', 'dateline'],
    ['PC Gamer is supported by its audience. When you buy through links on our site, we may earn an affiliate commission.', 'affiliate-notice'],
    ['Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler.', 'affiliate-notice'],
    ['Protesters outside the venue. Foto: Jane Doe', 'photo-credit'],
    ['Merkel und Marin in Berlin. Bild: dpa', 'photo-credit'],
    // Link lines to other articles in other languages; ambiguous labels ("Lea", "Mira") only with a colon.
    ['Lesen Sie auch: Warum die Gespräche scheiterten', 'see-also'],
    ['À lire aussi » Les dix plages préférées des lecteurs', 'see-also'],
    ['Czytaj też: Wyścig zbrojeń ruszył z kopyta', 'see-also'],
    ['LE PUEDE INTERESAR: La ficha del expresidente en Nueva York', 'see-also'],
    ['MIRA: Madre se acerca a conocer los motivos de la captura', 'see-also'],
    ['Lea más: El Gobierno propone una nueva ley', 'see-also'],
    // Share and follow prompts.
    ['Click to share on Facebook (Opens in new window)', 'share-bar'],
    ['Folgen Sie uns auf', 'share-bar'],
    ['Dir hat der Artikel gefallen? Jetzt teilen...', 'share-bar'],
    ['Teile diesen Beitrag auf Social Media.', 'share-bar'],
    // Subscription prompts and newsletter headings.
    ['Newsletter abonnieren', 'newsletter'],
    ["S'abonner à nos newsletters", 'newsletter'],
    ['You can subscribe to this blog by email.', 'newsletter'],
    ['Get the Most Popular Stories in a Weekly Newsletter', 'newsletter'],
    // Cookie banners in other languages.
    ['Cookies erleichtern die Bereitstellung unserer Dienste.', 'cookie-notice'],
    ['Was sind Cookies?', 'cookie-notice'],
    ['Ce site utilise des cookies pour améliorer votre expérience', 'cookie-notice'],
    // Credits at the end of a caption, and credit labels alone.
    ['Weltspitze der Junioren angekommen. (Foto: Privat)', 'photo-credit'],
    ['Puerto de Montevideo. Foto: Archivo El País.', 'photo-credit'],
    ['Quelle:', 'photo-credit'],
    // Link-list headings.
    ['Otras noticias', 'related-links'],
    ['Most Popular', 'related-links'],
    ['Inne artykuły autora', 'related-links'],
    // Paywalls and reader-revenue appeals.
    ['To view the full story, please subscribe to The Daily.', 'paywall'],
    ["If you're seeing this message but you're already a subscriber, you can log in for immediate access.", 'paywall'],
    ['Vous avez lu 1 des 4 articles gratuits ce mois-ci.', 'paywall'],
    ['Ihr Beitrag hilft, unsere Berichterstattung noch weiter auszubauen.', 'paywall'],
    // Tag and category lines.
    ['Tags: Berlin, Interior design', 'tags'],
    ['Tags Homestory, Interior design, Berlin', 'tags'],
    ['Kategorie: News', 'tags'],
    // Disclaimers and comment policies.
    ['Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die Inhalte externer Links.', 'disclaimer'],
    ['Example News is not responsible for the opinions, statements or media content presented by contributors', 'disclaimer'],
    ['Please understand that comments are moderated and it is not always possible to publish all that have been submitted.', 'comment-form'],
    // Skip links, US time zones.
    ['Skip to main content', 'nav-crumb'],
    ['Updated 10:32 AM ET', 'dateline'],
    // Photo agencies and credits in other words.
    ['picture alliance | Jane Doe', 'photo-credit'],
    ['Die Minister beim Treffen in Berlin. (Bildquelle: Example Verlag)', 'photo-credit'],
    ['Crédits photos : Jane Doe', 'photo-credit'],
    // Comment counters, login prompts and consent lines of comment forms.
    ['11 Antworten zu “Ein Sonntag am See”', 'comments-start'],
    ['142 Antworten zu Ein Sonntag am See', 'comments-start'],
    ['3 réponses à « Un dimanche au lac »', 'comments-start'],
    ['Du musst eingeloggt sein, um Kommentare zu schreiben!', 'comment-form'],
    ['You must be logged in to post a comment.', 'comment-form'],
    ['Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)', 'comment-form'],
    ['By using this form you agree with the storage and handling of your data by this website.', 'comment-form'],
    // Licence notices.
    ['This work is licensed under a Creative Commons Attribution 4.0 International License.', 'copyright'],
    ['Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.', 'copyright'],
    ['Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.', 'copyright'],
    // A newsletter next to a prompt to subscribe.
    ['Keine Neuigkeiten mehr verpassen: Abonnieren Sie kostenlos unseren Newsletter und bleiben Sie auf dem Laufenden.', 'newsletter'],
    // Consent placeholders of embedded content.
    ['Klicken Sie auf den Button, um den Inhalt von www.example.com zu laden.', 'cookie-notice'],
    ['Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.', 'cookie-notice'],
    // Post metadata opened by a stamp, and stamps among "|" fields.
    ['Posted on May 5, 2020 by admin in News', 'dateline'],
    ['Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials.', 'dateline'],
    ['24. März 2004, 19:49 | Genesis', 'dateline'],
    ['Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020', 'dateline'],
    ['Aktualisiert: 11.04.2020, 10:27', 'dateline'],
    // Blog entry footers, back links, arrow teasers, outlet bylines, most-commented lists, author boxes.
    ['This entry was posted in News and tagged Berlin, Geneva. Bookmark the permalink.', 'tags'],
    ['Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit Berlin von Jane Doe. Permanentlink.', 'tags'],
    ['Zurück zur Übersicht', 'nav-crumb'],
    ['Back to top', 'nav-crumb'],
    ['Neue Regeln für den Ausbau der Windenergie Weiter ›', 'see-also'],
    ['Zehn Tipps für den Urlaub »', 'see-also'],
    ['By Jane Doe And John Smith For The Daily Post', 'byline'],
    ['Meistdiskutierte Artikel', 'related-links'],
    ['Über den Autor', 'related-start'],
    ['Explore further', 'related-start'],
    ['Abbildung 4: Die grösste Lawine dieser Woche wurde am Montag ausgelöst.', 'caption'],
    ['Figure 2. Sales by region', 'caption'],
    ['Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE', 'photo-credit'],
    ['Sie sind nicht verbunden. Loggen Sie sich ein oder registrieren Sie sich', 'comment-form'],
    // Post navigation and listing buttons.
    ['Next post', 'post-nav'],
    ['Vorheriger Beitrag', 'post-nav'],
    ['Lade weitere Inhalte ...', 'post-nav'],
    // Teasers that end in their "read more" link.
    ['Die Saison beginnt im Mai, und die Hütten sind schon ausgebucht. Weiterlesen', 'see-also'],
    ['Auskunft über das Wetter von gestern… mehr •••', 'see-also'],
    // Calls to action.
    ['Tell us in the comments: which route do you take?', 'call-to-action'],
    ['Verraten Sie uns in den Kommentaren: Wie war Ihr Urlaub?', 'call-to-action'],
    ['If you liked this post, would you consider supporting our work?', 'call-to-action'],
    ['Get the latest news straight to your phone with our app.', 'call-to-action'],
    ['Únete a nuestro canal de Telegram', 'call-to-action'],
    ['Want updates on the campaign? Sign up here', 'call-to-action'],
    ['Submit a letter to the editor.', 'call-to-action'],
    ['Um unsere Beiträge per E-Mail zu erhalten, trage hier deine Adresse ein.', 'call-to-action'],
    ['Möchtest du diesen Beitrag teilen?', 'share-bar'],
    // Entry footers with a stamp, labelled metadata fields.
    ['This entry was posted on Monday, March 4th, 2019 at 10:12 am and is filed under News, Events. You can follow any responses to this entry through the RSS 2.0 feed.', 'tags'],
    ['Der Beitrag wurde am Montag, den 4. März 2019 um 10:12 Uhr veröffentlicht und wurde unter Allgemein, Termine, Region abgelegt. Du kannst die Kommentare zu diesem Beitrag durch den RSS-2.0-Feed verfolgen.', 'tags'],
    ['Aufrufe: 310 | Autor: Jane | Tags: Berlin, Sommer', 'tags'],
    // Metering cuts and reader-revenue appeals in other languages, citation labels, disclaimers.
    ['Pour lire la suite, identifiez-vous.', 'paywall'],
    ['Zapraszamy do subskrypcji naszego tygodnika.', 'paywall'],
    ['SUGGESTED CITATION Doe, Jane: A new court, Example Blog, 2020/4/09.', 'copyright'],
    ['Pour citer cet article :', 'copyright'],
    ['Disclaimer: This post is not financial advice.', 'disclaimer'],
    ['We welcome your comments. Some comments may be republished in print.', 'comment-form'],
    // A single comment's header, dated bylines, author notes, reading times.
    ['Comment by Jane Doe — 17.07, 2011 @ 13:04', 'comments-start'],
    ['von Jane Doe am 14. Mai 2014, 15:40 Uhr', 'byline'],
    ['par Jean Dupont, le 28 mai 2009', 'byline'],
    ['Jane Doe is a senior writer for Example News, covering energy.', 'author-bio'],
    ['Jana Beispiel ist Redakteurin im Ressort Wirtschaft.', 'author-bio'],
    ['View all posts by Jane Doe', 'author-bio'],
    ['She has been writing about local politics for the Post since 2008.', 'author-bio'],
    ['Lesezeit: ca. 3 Minuten', 'reading-time'],
    ['5 Minuten Lesezeit', 'reading-time'],
    ['Ten tekst przeczytasz w 2 minuty', 'reading-time'],
    // Download links, link-list headings, source lines, zoom captions, newsletter consent.
    ['Jahresbericht 2021 (PDF, 298 KB)', 'file-link'],
    ['Mehr zum Thema Gesundheit', 'related-links'],
    ['Weitere Reisetipps', 'related-links'],
    ['Quelle: Deutscher Wetterdienst', 'photo-credit'],
    ['Vergrößern Die neue Kamera sitzt in einer Aussparung im Display.', 'caption'],
    ['Mit Absenden meiner E-Mail-Adresse willige ich ein, den Newsletter zu erhalten.', 'newsletter'],
  ])('removes %j as %s', (line, rule) => {
    expect(clean([BODY, line]).removed).toEqual([{ line_no: 2, text: line, rule }]);
  });

  it.each([
    'Reuters reported that the talks had stalled after a long night of negotiations.',
    'More than 90,000 troops have been deployed along the border, officials said.',
    'By the end of the day, the two leaders had agreed to keep talking.',
    'The newsletter industry has grown fast, with thousands of writers now charging readers directly for their work.',
    'Die Anzeige wurde am Montag bei der Polizei erstattet.',
    'Was this article helpful to the minister? He did not say.',
    'On May 5, 2021 the talks resumed.',
    '175,000 troops',
    '2021',
    'The company said it would cut its sales commission from 30 to 15 percent for small developers next year.',
    // Words of the newer rules in ordinary news sentences.
    'Lea Carpenter, a former editor, wrote the novel in 2012.',
    'Mira Sorvino said she would return to the stage next year.',
    'Customers who subscribe to the service before June get a discount, the company said in a statement to investors on Monday.',
    'Vor allem freuen wir uns, wenn Dir unsere Podcasts gefallen, Du sie abonnierst und uns Feedback gibst.',
    'Journalists were told the views expressed by the minister were his own, officials said.',
    'His views are not those of the party, the spokesman said.',
    'Shoppers accepted the free cookies handed out at the store on Saturday, the report said.',
    'Cookie exports to the USA rose by a fifth last year',
    'Prices rose by 3 per cent in May (source: Eurostat).',
    'Category 5 hurricane hits the coast',
    'Tags are attached to every parcel before it leaves the warehouse.',
    'Most popular among voters was the plan to cut taxes',
    'The minister said journalists would be allowed to attend, and that subscribers to the channel could watch it live.',
    'Please understand that the minister cannot comment on the case.',
    // Words and shapes of the newer rules in ordinary news sentences.
    'No comments were made by the minister after the meeting.',
    'Published on Monday, the report found that 2021 was the warmest year on record in Europe, and the scientists who wrote it warned that the next decade would be warmer still.',
    'Back to the drawing board, the engineers said after the test failed.',
    '« Nous avons fait notre travail », a déclaré la ministre, « et nous continuerons »',
    'Die Band spielte »Yesterday« und »Let It Be«.',
    'The project is funded under a grant from the city and the state, officials said.',
    'Figures from 2020 show that sales rose by a fifth, the company said.',
    'Efecto dominó en los mercados de Asia',
    '10 Antworten auf die wichtigsten Fragen zum neuen Gesetz',
    '3 réponses à vos questions sur la réforme',
    'Back to school',
    'Published in 2019, the study found that most cities had missed their targets.',
    'Berlin | The council said on 5 May 2020 that it would close the old harbour bridge to cars from next spring, after months of debate.',
    // Words and shapes of the end-of-article rules in ordinary news sentences.
    'Next post office closures were announced on Monday.',
    'Am Ende wollte der Vermieter noch mehr',
    'Read more about the plan on the ministry website.',
    'Die Leser schreiben in den Kommentaren, sie seien empört.',
    'Jane Doe is a reporter who was jailed in 2019, her lawyer said.',
    'The company has been reporting on its emissions since 2015.',
    'Sie ist Redakteurin und lebt in Berlin.',
    'Von Berlin am 3. Mai nach Hamburg: die Route der Tour.',
    'Comment by the minister was not available on Monday.',
    'The PDF is 12 MB and was sent to all members on Monday, the union said.',
    'Weitere Informationen gab die Polizei am Montag nicht bekannt.',
    'Quelle: Das Ministerium bestätigte am Montag, dass die Zahl der Anträge im vergangenen Jahr um ein Fünftel gestiegen war.',
    'Disclaimers are common in the industry, the regulator said.',
    'Lesezeit und Aufmerksamkeit sinken, sagen Forscher.',
    'Berlin | Paris | Rome: the tour visits three capitals in May.',
    // News that uses the words of calls to action, source lines, download links and zoom buttons.
    'Russia’s defence ministry said on its Telegram channel that 70,000 troops had moved.',
    'Users can download the free app from Apple’s store from Monday.',
    '“We rely on donations to support our work,” said the charity’s director.',
    'Readers were asked to submit letters to the editor about the plan.',
    'Source: the ministry said that 175,000 troops had massed.',
    'The report (PDF, 2 MB) was published on Tuesday.',
    'Enlarge the map to see the troop positions.',
  ])('keeps the body sentence %j', (line) => {
    expect(clean([BODY, line]).removed).toEqual([]);
  });

  // An author's note closes the article; the same sentence with the article going on is news about a journalist.
  it.each([
    'Evan Gershkovich is a reporter for The Wall Street Journal.',
    'She has been reporting on the war for the BBC since 2022.',
  ])('keeps %j when the article goes on after it', (line) => {
    expect(clean([BODY, line, 'His trial is due to start in Yekaterinburg next month, the court said on Tuesday.']).removed).toEqual([]);
    expect(clean([BODY, line]).removed).toEqual([{ line_no: 2, text: line, rule: 'author-bio' }]);
  });

  it('treats everything after a comment-section opener as comments', () => {
    const result = clean([BODY, 'Leave a Reply', 'Great article, thanks!']);
    expect(result.removed.map((r) => r.rule)).toEqual(['comments-start', 'comment-section']);
    expect(result.text).toBe(BODY);
  });

  it.each(['Schreibe einen Kommentar Antworten abbrechen', 'Hinterlasse einen Kommentar', 'Laisser un commentaire', 'Deja un comentario'])('opens a comment section at %j', (opener) => {
    expect(clean([BODY, opener, 'Toller Artikel, danke!']).removed.map((r) => r.rule)).toEqual(['comments-start', 'comment-section']);
  });

  it('does not let a comment counter above the article end the body', () => {
    const result = clean(['12 Comments', BODY, 'A second paragraph of the article, also kept.']);
    expect(result.removed.map((r) => r.rule)).toEqual(['comments-start']);
    expect(result.text).toBe(`${BODY}\n\nA second paragraph of the article, also kept.`);
  });

  it('ends readability output at a related-content heading after the body, but only drops the heading in text dumps', () => {
    const lines = [BODY, 'Ähnliche Beiträge', 'Zehn Tipps für den Urlaub'];
    const html = cleanDocument({ doc_id: 'd', source_path: 'd.html', record_no: null, format: 'html', encoding: 'utf-8', text: lines.join('\n'), first_line_no: 1, title: null, published_at: null, crawled_at: null, url: null, source: null, bytes: 0, html_extraction: 'readability' });
    expect(html.removed.map((r) => r.rule)).toEqual(['related-start', 'related-section']);
    expect(clean(lines).removed.map((r) => r.rule)).toEqual(['related-start']);
  });

  it('drops a short label ending in a colon after the last prose line of readability output only', () => {
    const lines = ['The figures:', BODY, 'Contact:', 'press@example.org'];
    const html = cleanDocument({ doc_id: 'd', source_path: 'd.html', record_no: null, format: 'html', encoding: 'utf-8', text: lines.join('\n'), first_line_no: 1, title: null, published_at: null, crawled_at: null, url: null, source: null, bytes: 0, html_extraction: 'readability' });
    expect(html.removed.filter((r) => r.rule === 'tail-label').map((r) => r.text)).toEqual(['Contact:']);
    expect(html.text).toContain('The figures:');
    expect(clean(lines).removed.some((r) => r.rule === 'tail-label')).toBe(false);
  });

  it('ends a text dump at a related-content heading only after a whole article of prose', () => {
    const prose = Array.from({ length: 18 }, (_, i) => `Paragraph ${i + 1} of the report explains what the council decided and why the bridge must close.`);
    expect(prose.join('').length).toBeGreaterThan(1500);
    const lines = [...prose, 'Das könnte Sie auch interessieren!', 'Zehn Tipps für den Urlaub'];
    expect(clean(lines).removed.map((r) => r.rule)).toEqual(['related-start', 'related-section']);
    expect(clean([...prose.slice(0, 2), ...lines.slice(-2)]).removed.map((r) => r.rule)).toEqual(['related-start']);
  });

  it('removes the headline repeated as the first body line', () => {
    expect(clean(['Talks Resume In Geneva', BODY], 'Talks resume in Geneva').removed.map((r) => r.rule)).toEqual(['title-repeat']);
    // Lower-casing changes the length of "İ" (to "i̇"): the title still matches.
    expect(clean(['İstanbul talks resume', BODY], 'i̇stanbul talks resume').removed.map((r) => r.rule)).toEqual(['title-repeat']);
  });

  it('finds notices anywhere in the line, in any case, and keeps lines that only share a word with them', () => {
    expect(clean([BODY, 'Example Media 2021. ALL RIGHTS RESERVED']).removed.map((r) => r.rule)).toEqual(['copyright']);
    expect(clean([BODY, 'This site uses Cookies. By continuing you accept our Privacy Policy']).removed.map((r) => r.rule)).toEqual(['cookie-notice']);
    expect(clean([BODY, 'The court said the material may not be relevant to the case, and the cookie maker denied wrongdoing.']).removed).toEqual([]);
  });

  it('searches long lines for notices of any length, not for the short ones', () => {
    // Over 300 characters (NOTICE_MAX_CHARS): the copyright notice is still found, a paywall notice is not looked for.
    const paragraph = `${BODY} ${BODY} ${BODY} ${BODY}`;
    expect(clean([BODY, `${paragraph} Example Media 2021. All rights reserved.`]).removed.map((r) => r.rule)).toEqual(['copyright']);
    expect(clean([BODY, `${paragraph} If you are already a subscriber, log in.`]).removed).toEqual([]);
  });

  it('takes a credit line only when it does not end like a sentence', () => {
    expect(clean([BODY, 'Protesters outside the venue. Photo by Jane Doe']).removed.map((r) => r.rule)).toEqual(['photo-credit']);
    expect(clean([BODY, 'Protesters outside the venue, Reuters reported.']).removed).toEqual([]);
  });

  it('removes a template line read as a dump\'s title and takes the headline below it, past navigation words', () => {
    const dump = ['Subscribe to our newsletter', '', 'Home', '', 'Talks resume in Geneva', '', BODY, '', 'Share this:'].join('\n');
    const record = parseFile(dump, 'txt').records[0]!;
    const article = cleanDocument({ ...record, doc_id: 'd', source_path: 'd.txt', format: 'txt', encoding: 'utf-8', bytes: 0 } as RawDoc);
    expect(article.title).toBe('Talks resume in Geneva');
    expect(article.removed).toEqual([
      { line_no: 1, text: 'Subscribe to our newsletter', rule: 'newsletter' },
      { line_no: 9, text: 'Share this:', rule: 'share-bar' },
    ]);
    expect(article.text).toBe(`Home\n\n${BODY}`);
    expect(article.paragraph_line_nos).toEqual([3, 7]);
    // A title from metadata is never second-guessed.
    expect(clean([BODY], 'Subscribe to our newsletter').title).toBe('Subscribe to our newsletter');
  });

  it('lets a disabled rule keep its lines', () => {
    expect(clean([BODY, '5 min read'], null, ['reading-time']).removed).toEqual([]);
  });

  it('joins kept lines as paragraphs and splits sentences', () => {
    const result = clean(['First sentence here. Second one, from the U.S. Senate.', '', 'Another paragraph.']);
    expect(result.text).toBe('First sentence here. Second one, from the U.S. Senate.\n\nAnother paragraph.');
    expect(result.sentences.map((s) => result.text.slice(s.start, s.end))).toEqual(['First sentence here.', 'Second one, from the U.S. Senate.', 'Another paragraph.']);
    expect(result.n_words).toBe(11);
  });
});

describe('normalisation and word counts', () => {
  it('normalises lines: NFC, invisible characters out, Unicode spaces collapsed, trimmed', () => {
    expect(normalizeLine('  Cafe\u0301\u00a0\u00a0 au\u200b lait\r')).toBe('Café au lait');
    expect(normalizeLine('plain  ascii  ')).toBe('plain ascii');
  });

  it.each([
    ['U.S. troops, 175,000 of them, aren’t there', 7],
    ['a..b, c,,d', 4],
    ["it's -- e-mail", 3],
    ['𝐀𝐁 and ٣٤', 3],
    ['e\u0301 x', 2],
    ['', 0],
  ])('counts %j as %i words, as the WORD pattern does', (text, n) => {
    expect(countWords(text)).toBe(n);
    expect(text.match(WORD)?.length ?? 0).toBe(n);
    expect(hasAtMostWords(`${text} `, n)).toBe(true);
    expect(hasAtMostWords(`${text} `, n - 1)).toBe(false);
  });
});
