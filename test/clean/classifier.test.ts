import { describe, expect, it } from 'vitest';
import { classifyLines, contextFreeClass, DEFAULT_CLASSIFIER_OPTIONS, documentLanguage, lineFeatures, PRECISION_CLASSIFIER_OPTIONS, smooth, tokenize, type LineClass, type LineFeatures } from '../../stages/clean/classifier.js';
import { cleanDocument } from '../../stages/clean/index.js';
import { LANGUAGES } from '../../stages/clean/stopwords.js';
import type { RawDoc } from '../../stages/types.js';

const EN = LANGUAGES.indexOf('en');
const features = (line: string, title: string | null = null) => lineFeatures(line, 0, 1, EN, title ? new Set(tokenize(title).map((t) => t.toLowerCase())) : null);
const o = DEFAULT_CLASSIFIER_OPTIONS;

const PROSE = [
  'The council voted on Tuesday to close the old harbour bridge to cars from next spring, ending months of debate about whether it was still safe to use.',
  'Engineers told the members that the steel supports had corroded much faster than expected and that a full repair would take at least two years of work.',
  'Cyclists and pedestrians will still be allowed to cross, and a ferry between the two banks of the river will run every fifteen minutes while the works go on.',
];

function doc(lines: string[], title: string | null = null): RawDoc {
  return { doc_id: 'd', source_path: 'd.txt', record_no: null, format: 'txt', encoding: 'utf-8', text: lines.join('\n'), first_line_no: 1, title, published_at: null, crawled_at: null, url: null, source: null, bytes: 0 };
}

describe('line features', () => {
  it('measures stop-word density, terminal punctuation and capitalisation', () => {
    const f = features('The talks will continue in Geneva next week.');
    expect(f.words).toBe(8);
    expect(f.stopwordDensity).toBeCloseTo(3 / 8);
    expect(f.terminalPunctuation).toBe(true);
    expect(f.capitalisedShare).toBeCloseTo(2 / 8);
    expect(f.headingLike).toBe(false);
  });

  it('counts link-like tokens, separators and navigation words', () => {
    expect(features('Home | News | Sport | Contact').navShare).toBeCloseTo(2 / 4);
    expect(features('Home | News | Sport | Contact').linkShare).toBeGreaterThanOrEqual(0.75);
    expect(features('www.example.com/page.html').linkShare).toBe(1);
    expect(features('© 2021 Example Media').copyrightSign).toBe(true);
  });

  it('tokenizes letters and digits with inner link characters, across any script', () => {
    expect(tokenize('Visit www.example.com/a_b or mail@x.de: it’s 𝐀b, Ärger (7.5%) -- e-mail')).toEqual(['Visit', 'www.example.com/a_b', 'or', 'mail@x.de:', 'it’s', '𝐀b', 'Ärger', '7.5', 'e-mail']);
  });

  it('treats a token as link-like on its characters, not on a final period', () => {
    expect(features('He said it was over.').linkShare).toBe(0);
    expect(features('Read it at example.com.').linkShare).toBeCloseTo(1 / 4);
    expect(features('Write to news@example.org').linkShare).toBeCloseTo(1 / 3);
  });

  it('looks up stop words and title words in any case and script', () => {
    const f = features('THE TALKS AND DIE GESPRÄCHE FÜR Geneva', 'Gespräche in GENEVA');
    expect(f.words).toBe(7);
    expect(f.stopwordDensity).toBeCloseTo(2 / 7);
    expect(f.titleOverlap).toBeCloseTo(2 / 7);
  });

  it('measures overlap with the title and position', () => {
    expect(features('Harbour bridge to close', 'Harbour bridge to close to cars').titleOverlap).toBe(1);
    expect(lineFeatures('last line', 4, 5, EN, null).position).toBe(1);
  });

  it('uses the best-fitting stop list for long lines of another language', () => {
    expect(lineFeatures('Die Stadt hat am Montag die neue Brücke für den Verkehr freigegeben, wie sie mitteilte.', 0, 1, EN, null).stopwordDensity).toBeGreaterThan(0.3);
    expect(documentLanguage([tokenize('Die Stadt und der Fluss sind in der Nähe von dem Bahnhof')])).toBe(LANGUAGES.indexOf('de'));
  });

  it('has a Polish stop list: Polish prose reads as prose', () => {
    const polish = 'Rada miasta zdecydowała we wtorek, że stary most nad rzeką zostanie zamknięty dla samochodów od przyszłej wiosny, ponieważ jego konstrukcja jest w złym stanie.';
    expect(documentLanguage([tokenize(polish)])).toBe(LANGUAGES.indexOf('pl'));
    expect(lineFeatures(polish, 0, 1, LANGUAGES.indexOf('pl'), null).stopwordDensity).toBeGreaterThan(o.stopwordsHigh);
  });
});

describe('context-free classes (jusText)', () => {
  it.each<[string, LineClass]>([
    [`${PROSE[0]} ${PROSE[1]}`, 'good'],
    ['The bridge will close to cars from next spring, the council said on Tuesday.', 'near-good'],
    ['Read the full story', 'short'],
    ['Home | News | Sport | Business | Weather | Contact', 'bad'],
    ['© 2023 The Daily Example', 'bad'],
    ['Kindersitze Autositze Babyschalen Reboarder Isofix Gurtbefestigung Testergebnisse Preisvergleich Angebote Bestseller', 'bad'],
  ])('%j is %s', (line, expected) => {
    expect(contextFreeClass(features(line), o)).toBe(expected);
  });
});

describe('neighbour smoothing', () => {
  const f = (chars: number, headingLike = false) => ({ chars, headingLike }) as LineFeatures;
  it('turns a short line between good lines good and one between bad lines bad', () => {
    expect(smooth(['good', 'short', 'good'], [f(300), f(20), f(300)], o)).toEqual(['good', 'good', 'good']);
    expect(smooth(['bad', 'short', 'bad'], [f(10), f(20), f(10)], o)).toEqual(['bad', 'bad', 'bad']);
  });

  it('keeps a near-good line unless both neighbours are bad (document edges count as bad)', () => {
    expect(smooth(['good', 'near-good', 'bad'], [f(300), f(100), f(10)], o)).toEqual(['good', 'good', 'bad']);
    expect(smooth(['bad', 'near-good', 'bad'], [f(10), f(100), f(10)], o)).toEqual(['bad', 'bad', 'bad']);
  });

  it('keeps a heading directly followed by good text', () => {
    expect(smooth(['bad', 'short', 'good'], [f(10), f(20, true), f(300)], o)).toEqual(['bad', 'good', 'good']);
    expect(smooth(['bad', 'short', 'good'], [f(10), f(20, false), f(300)], o)).toEqual(['bad', 'bad', 'good']);
  });
});

describe('the classifier in the clean stage', () => {
  const page = ['Home', 'News', 'Sport', 'Weather', ...PROSE, 'Subscribe now and save', 'About us', 'Careers', 'Contact'];

  it('removes menus around the body with their own rule ids and keeps every body line', () => {
    const article = cleanDocument(doc(page));
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(PROSE);
    expect(article.removed.map((r) => [r.text, r.rule])).toEqual([
      ['Home', 'classifier-outside'], ['News', 'classifier-outside'], ['Sport', 'classifier-outside'], ['Weather', 'classifier-outside'],
      ['Subscribe now and save', 'newsletter'], ['About us', 'classifier-outside'], ['Careers', 'classifier-outside'], ['Contact', 'classifier-outside'],
    ]);
  });

  it('is switched off by config, or per rule id', () => {
    expect(cleanDocument(doc(page), { disabledRules: [], classifier: { enabled: false } }).removed.map((r) => r.rule)).toEqual(['newsletter']);
    expect(cleanDocument(doc(page), { disabledRules: ['classifier-outside'] }).removed.map((r) => r.rule)).toEqual(['newsletter']);
  });

  it('removes short lines next to bad ones: up to contextMaxWords words by default, all of them in the precision profile', () => {
    const lines = [PROSE[0]!, PROSE[1]!, 'Five things to know', 'What the town council decided about the old bridge', '© 2023 Example Media', 'Advertisement', PROSE[2]!];
    const precise = cleanDocument(doc(lines), { disabledRules: [], classifier: PRECISION_CLASSIFIER_OPTIONS });
    expect(precise.text.split('\n\n')).toEqual(PROSE);
    expect(precise.removed.map((r) => r.rule)).toContain('classifier-context');
    const recallFirst = cleanDocument(doc(lines));
    expect(recallFirst.removed.map((r) => [r.text, r.rule])).toEqual([
      ['Five things to know', 'classifier-context'],
      ['© 2023 Example Media', 'copyright'],
      ['Advertisement', 'ad-label'],
    ]);
    expect(cleanDocument(doc(lines), { disabledRules: [], classifier: { contextMaxWords: 0, contextMaxHeadingWords: 0 } }).text).toContain('Five things to know');
  });

  it('removes teaser headlines between boilerplate, up to contextMaxHeadingWords words, and keeps headings in the body', () => {
    const lines = [PROSE[0]!, 'How the bridge was built', PROSE[1]!, PROSE[2]!, 'Advertisement', 'Six new cafes open on the waterfront', '© 2023 Example Media', PROSE[0]!.replace('council', 'mayor')];
    const result = cleanDocument(doc(lines));
    expect(result.removed.map((r) => [r.text, r.rule])).toEqual([
      ['Advertisement', 'ad-label'],
      ['Six new cafes open on the waterfront', 'classifier-context'],
      ['© 2023 Example Media', 'copyright'],
    ]);
    expect(cleanDocument(doc(lines), { disabledRules: [], classifier: { contextMaxHeadingWords: 5 } }).text).toContain('Six new cafes');
  });

  it('ends a text dump at a run of boilerplate lines followed by little good text', () => {
    const tail = ['Share this', 'More from Example News', 'Newsletter', 'Ferry timetables change for the winter as the council reviews all of its transport contracts for the coming year.'];
    const lines = [...PROSE, PROSE[0]!.replace('council', 'city'), ...tail];
    expect(cleanDocument(doc(lines)).removed.map((r) => [r.text, r.rule]).slice(-1)).toEqual([[tail[3], 'classifier-outside']]);
    // With as much good text after the run as before it, the run is a box inside the article.
    const box = [...PROSE, ...tail.slice(0, 3), ...PROSE.map((p) => p.replace('the', 'this'))];
    expect(cleanDocument(doc(box)).text.split('\n\n')).toHaveLength(6);
    expect(cleanDocument(doc(lines), { disabledRules: [], classifier: { tailRun: 0 } }).text).toContain('Ferry timetables');
  });

  it('starts a text dump at its headline when the title comes back before any good line', () => {
    const header = ['The independent voice of the harbour district since 1887!', '13 visitors are online, 8 of them reading the news.'];
    const headline = 'Harbour bridge to close to cars';
    const page = doc([...header, headline, ...PROSE], `${headline} | Example News`);
    const article = cleanDocument(page);
    expect(article.text.split('\n\n')).toEqual([headline, ...PROSE]);
    expect(article.removed.map((r) => [r.text, r.rule])).toEqual(header.map((line) => [line, 'classifier-outside']));
    // Without the headline anchor, lines of more than headMaxWords words above the article stay.
    expect(cleanDocument(page, { disabledRules: [], classifier: { headlineOverlap: 0 } }).removed).toEqual([]);
    // After article text, a line that repeats the title is not where the article starts.
    const teaserAfter = doc([...header, PROSE[0]!, headline, ...PROSE.slice(1)], `${headline} | Example News`);
    expect(cleanDocument(teaserAfter).text).toContain(header[1]);
  });

  it('leaves documents shorter than minLines, and documents without any good line, to the rules', () => {
    expect(cleanDocument(doc(['Home', PROSE[0]!])).removed).toEqual([]);
    const menus = ['Home', 'News', 'Sport', 'Weather', 'Contact', 'About'];
    expect(classifyLines(menus, null).every((d) => d.keep)).toBe(true);
  });

  it('keeps a bulleted or numbered list that follows the article text, and still removes the menu after it', () => {
    const list = ['- Best actor - Richard Griffiths for The History Boys', '- Best actress - Clare Higgins for Hecuba', '- Best new play - The History Boys by Alan Bennett'];
    const menu = ['Home', 'About us', 'Contact'];
    const article = cleanDocument(doc([...PROSE, ...list, ...menu]));
    expect(article.text.split('\n\n')).toEqual([...PROSE, ...list]);
    expect(article.removed.map((r) => [r.text, r.rule])).toEqual(menu.map((m) => [m, 'classifier-outside']));
    // Without keepLists the items read as the page's tail.
    expect(cleanDocument(doc([...PROSE, ...list, ...menu]), { disabledRules: [], classifier: { keepLists: false } }).text).not.toContain('Best actor');
    const steps = ['1. Heat the oven', '2. Mix the flour and eggs', '3. Bake for an hour'];
    expect(cleanDocument(doc([...PROSE, ...steps, ...menu])).text.split('\n\n')).toEqual([...PROSE, ...steps]);
    // A bulleted menu after other boilerplate is not the article's list.
    const bulletedMenu = ['- Home', '- News', '- Contact'];
    expect(cleanDocument(doc([...PROSE, 'Share this', 'Newsletter', 'About us', ...bulletedMenu])).text.split('\n\n')).toEqual(PROSE);
  });

  it('lets the article go on after its last good line through sentences (line-ups, results), past captions and short headings', () => {
    const lineUp = ['Nash, Reiziger, Riggott, Southgate, Queudrue, Parlour, Doriva, Zenden, Downing.', 'Subs Not Used: Cooper, Knight.', 'Referee: M Riley.'];
    const menu = ['Home', 'About us', 'Contact'];
    const article = cleanDocument(doc([...PROSE, ...lineUp, ...menu]));
    expect(article.text.split('\n\n')).toEqual([...PROSE, ...lineUp]);
    expect(article.removed.map((r) => r.rule)).toEqual(['classifier-outside', 'classifier-outside', 'classifier-outside']);
    expect(cleanDocument(doc([...PROSE, ...lineUp, ...menu]), { disabledRules: [], classifier: { tailProse: false } }).text.split('\n\n')).toEqual(PROSE);
    // A photo credit and a heading between the sentences do not end the article.
    const more = ['Photo: Jane Doe/Reuters', 'What happens next', 'The club will appeal against the decision before the end of the month.'];
    expect(cleanDocument(doc([...PROSE, ...lineUp.slice(0, 1), ...more, ...menu])).text.split('\n\n')).toEqual([...PROSE, lineUp[0], ...more.slice(1)]);
    // The first line must have a few words, and sign-offs ending in "!" are not sentences of the article.
    expect(cleanDocument(doc([...PROSE, 'Ihre RNZ.', ...lineUp, ...menu])).text.split('\n\n')).toEqual(PROSE);
    expect(cleanDocument(doc([...PROSE, 'Thank you for your support!', ...menu])).text.split('\n\n')).toEqual(PROSE);
  });

  it('keeps short headings and list items inside readability output (HTML profile)', () => {
    const lines = [PROSE[0]!, 'What happens next', PROSE[1]!, '200 g sugar', '2 eggs', PROSE[2]!];
    const article = cleanDocument({ ...doc(lines), format: 'html', html_extraction: 'readability' });
    expect(article.removed).toEqual([]);
  });
});
