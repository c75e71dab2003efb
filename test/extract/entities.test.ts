import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../stages/clean/index.js';
import { splitSentences } from '../../stages/clean/segment.js';
import { annotate, entityId } from '../../stages/extract/index.js';
import { extractEntities } from '../../stages/extract/entities/index.js';
import { findPlace, isFirstName, lookupForm } from '../../stages/extract/entities/lexicon.js';
import { canonicalOf } from '../../stages/extract/entities/link.js';
import { label, LABELS } from '../../stages/extract/entities/model.js';
import { tokenizeText } from '../../stages/extract/entities/tokenize.js';
import { parseFile } from '../../stages/ingest/records.js';
import type { EntityMention } from '../../stages/types.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

function run(text: string, title?: string): EntityMention[] {
  return extractEntities(text, splitSentences(text), title);
}

/** "text|TYPE|subtype|code|canonical" per mention, compact enough to compare whole outputs. */
function brief(mentions: EntityMention[]): string[] {
  return mentions.map((m) => [m.text, m.type, m.subtype ?? '-', m.country_code ?? '-', m.canonical].join('|'));
}

function seed(prefix: string): EntityMention[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return run(readFileSync(join(SEEDS, file), 'utf8'));
}

function find(mentions: EntityMention[], text: string): EntityMention[] {
  return mentions.filter((m) => m.text === text);
}

describe('extractEntities on small texts', () => {
  it('cuts titles and possessives out of person spans and links the surname', () => {
    const text = "President Joe Biden met Russian President Vladimir Putin. Biden's aides were there.";
    expect(brief(run(text))).toEqual([
      'Joe Biden|PER|-|-|Joe Biden',
      'Russian|MISC|NORP|RU|Russian',
      'Vladimir Putin|PER|-|-|Vladimir Putin',
      'Biden|PER|-|-|Joe Biden',
    ]);
    const biden = run(text).at(-1)!;
    expect(text.slice(biden.start, biden.end)).toBe('Biden');
    expect(biden.start).toBe(text.indexOf("Biden's"));
  });

  it('strips multi-word titles and lower-case role words', () => {
    const text = 'Secretary of State Antony Blinken spoke. Kremlin spokesman Dmitry Peskov told reporters that.';
    expect(brief(run(text))).toEqual([
      'Antony Blinken|PER|-|-|Antony Blinken',
      'Kremlin|ORG|-|-|Kremlin',
      'Dmitry Peskov|PER|-|-|Dmitry Peskov',
    ]);
  });

  it('maps country variants to one canonical name with its ISO code', () => {
    const text = 'Officials in the U.S. and the US said America and the United States agree. The U.K. and Britain too.';
    const places = run(text).map((m) => `${m.text}>${m.canonical}/${m.country_code}/${m.subtype}`);
    expect(places).toEqual([
      'U.S.>United States/US/GPE',
      'US>United States/US/GPE',
      'America>United States/US/GPE',
      'United States>United States/US/GPE',
      'U.K.>United Kingdom/GB/GPE',
      'Britain>United Kingdom/GB/GPE',
    ]);
  });

  it('types nationalities as MISC/NORP with the country code, plural included', () => {
    const m = run('Ukrainian officials met Russians on the border.');
    expect(brief(m)).toEqual(['Ukrainian|MISC|NORP|UA|Ukrainian', 'Russians|MISC|NORP|RU|Russian']);
  });

  it('links an acronym to the expansion the text defines', () => {
    const text = 'The North Atlantic Treaty Organization (NATO) met in Brussels. Later NATO said it would expand.';
    const natos = find(run(text), 'NATO');
    expect(natos).toHaveLength(2);
    for (const m of natos) expect([m.type, m.canonical]).toEqual(['ORG', 'North Atlantic Treaty Organization']);
    expect(find(run(text), 'North Atlantic Treaty Organization')[0]?.type).toBe('ORG');
  });

  it('recognises laws, events and organisation suffixes', () => {
    const text = 'He wants to revive the Minsk agreements before the Summit for Democracy, reports The Wall Street Journal.';
    expect(brief(run(text))).toEqual([
      'Minsk agreements|MISC|LAW|-|Minsk agreements',
      'Summit for Democracy|MISC|EVENT|-|Summit for Democracy',
      'Wall Street Journal|ORG|-|-|Wall Street Journal',
    ]);
  });

  it('splits a hyphen pair of known names and keeps the name part of "Kremlin-led"', () => {
    const text = 'Officials say Putin spoke and Biden answered. The Biden-Putin call eased fears of a Kremlin-led war.';
    const tail = run(text).slice(2).map((m) => `${m.text}@${m.start}`);
    const at = text.indexOf('Biden-Putin');
    expect(tail).toEqual([`Biden@${at}`, `Putin@${at + 6}`, `Kremlin@${text.indexOf('Kremlin-led')}`]);
  });

  it('gives a one-word person the full name in the document that ends with it, earlier or later', () => {
    const text = 'Maynes says the talks failed. Later, Charles Maynes added that nothing changed.';
    const maynes = run(text).filter((m) => m.text.endsWith('Maynes'));
    expect(maynes.map((m) => `${m.text}|${m.type}|${m.canonical}`)).toEqual([
      'Maynes|PER|Charles Maynes',
      'Charles Maynes|PER|Charles Maynes',
    ]);
  });

  it('links a lone given name to the full name it opens', () => {
    const text = 'Michelle Obama visited a school in Chicago on Monday. Michelle told the pupils that reading matters.';
    expect(brief(run(text))).toEqual([
      'Michelle Obama|PER|-|-|Michelle Obama',
      'Chicago|LOC|GPE|-|Chicago',
      'Michelle|PER|-|-|Michelle Obama',
    ]);
  });

  it('links a lone generic head word to the one organisation it ends, and not when two do', () => {
    const one = 'Manchester United beat Arsenal 2-1 at Old Trafford. United scored twice after the break.';
    expect(find(run(one), 'United').map((m) => `${m.type}|${m.canonical}`)).toEqual(['ORG|Manchester United']);
    const two = 'Manchester United drew with Leeds United on Saturday. United had more of the ball.';
    expect(find(run(two), 'United').map((m) => m.canonical)).toEqual(['United']);
  });

  it('keeps a title word that opens an organisation name ("Premier League") as part of it', () => {
    const text = 'Clubs voted on Thursday. Rules apply only to Premier League matches.';
    expect(brief(run(text))).toEqual(['Premier League|ORG|-|-|Premier League']);
  });

  it('names the airline, not "Flight", before a flight number', () => {
    const text = 'Search teams looked for Malaysia Airlines Flight 370 over the Indian Ocean.';
    expect(run(text).map((m) => `${m.text}|${m.type}`)).toEqual(['Malaysia Airlines|ORG', 'Indian Ocean|LOC']);
  });

  it('uses the title as evidence but returns mentions of the text only', () => {
    const text = 'Kowalska said she was pleased with the prize.';
    const mentions = run(text, 'Maria Kowalska wins the Warsaw poetry prize');
    expect(brief(mentions)).toEqual(['Kowalska|PER|-|-|Maria Kowalska']);
    expect(mentions.every((m) => m.end <= text.length)).toBe(true);
  });

  it('returns sorted, non-overlapping spans whose text matches the offsets, the same on every call', () => {
    const text = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[4]!), 'utf8');
    const a = run(text);
    expect(run(text)).toEqual(a);
    for (let i = 0; i < a.length; i++) {
      expect(text.slice(a[i]!.start, a[i]!.end)).toBe(a[i]!.text);
      if (i > 0) expect(a[i]!.start).toBeGreaterThanOrEqual(a[i - 1]!.end);
    }
  });
});

describe('extractEntities negatives', () => {
  it('does not take capitalised sentence openers for names', () => {
    const text = 'When Biden meets Putin, he will push. According to reports, Putin is wary. Importantly, nobody agreed. Should talks fail, sanctions should follow.';
    expect(run(text).map((m) => m.text)).toEqual(['Biden', 'Putin', 'Putin']);
  });

  it('keeps only supported names in an ALL-CAPS headline line', () => {
    const text = 'PUTIN WARNS NATO\n\nRussian President Vladimir Putin said NATO must not expand, and warns of a response.';
    const headline = run(text).filter((m) => m.end <= text.indexOf('\n'));
    expect(headline.map((m) => `${m.text}|${m.type}|${m.canonical}`)).toEqual(['PUTIN|PER|Vladimir Putin', 'NATO|ORG|NATO']);
  });

  it('does not flood an ALL-CAPS or Title-Case line of common words with names', () => {
    const text = 'STOCKS FALL AS OIL PRICES SURGE\n\nMarkets Slide As Investors Fear Higher Energy Costs\n\nStocks fell on Monday as oil prices surged and investors feared that higher energy costs would slow the economy.';
    expect(run(text)).toEqual([]);
  });

  it('knows places in an ALL-CAPS headline from the gazetteer alone', () => {
    const text = 'TROOPS MASS AS RUSSIA AND NEW ZEALAND TALK\n\nSoldiers gathered while talks went on.';
    expect(brief(run(text))).toEqual(['RUSSIA|LOC|GPE|RU|Russia', 'NEW ZEALAND|LOC|GPE|NZ|New Zealand']);
  });

  it('keeps only supported names in a Title-Case headline line', () => {
    const text = 'Tuesday’s Call Could Determine Ukraine’s Future With Biden\n\nThe call with President Joe Biden will determine the future of Ukraine.';
    const headline = run(text).filter((m) => m.end <= text.indexOf('\n'));
    expect(headline.map((m) => m.text)).toEqual(['Ukraine', 'Biden']);
  });
});

describe('name forms for look-ups (each has a fast path for plain names)', () => {
  it('gives canonical names straight apostrophes and single spaces', () => {
    expect(canonicalOf('Joe Biden', false)).toBe('Joe Biden');
    expect(canonicalOf('Joe  Biden', false)).toBe('Joe Biden');
    expect(canonicalOf('Joe\u00a0Biden', false)).toBe('Joe Biden');
    expect(canonicalOf('Joe\nBiden', false)).toBe('Joe Biden');
    expect(canonicalOf('O’Brien', false)).toBe("O'Brien");
    expect(canonicalOf('LEICESTERSHIRE', true)).toBe('Leicestershire');
    expect(canonicalOf('NATO', true)).toBe('NATO');
  });

  it('compares ALL-CAPS words and phrases in title case, anything else as written', () => {
    expect(lookupForm('NEW ZEALAND')).toBe('New Zealand');
    expect(lookupForm('BIDEN-PUTIN')).toBe('Biden-Putin');
    expect(lookupForm('USA')).toBe('USA');
    expect(lookupForm('Biden')).toBe('Biden');
    expect(lookupForm('McDONALD')).toBe('McDONALD');
    expect(lookupForm('ÉCOLE')).toBe('École');
  });

  it('finds places written with curly apostrophes or in capitals, and first names in capitals', () => {
    expect(findPlace('People’s Republic of China')?.code).toBe('CN');
    expect(findPlace('NEW ZEALAND')?.canonical).toBe('New Zealand');
    expect(findPlace('New Zealand')?.canonical).toBe('New Zealand');
    expect(findPlace('NEW zealand')).toBeUndefined();
    expect(isFirstName('MICHELLE')).toBe(true);
    expect(isFirstName('Michelle')).toBe(true);
    expect(isFirstName('michelle')).toBe(false);
  });
});

describe('the learned labeller', () => {
  it('tokenizes like CoNLL-2003: possessive apart, acronyms, numbers and hyphen compounds whole', () => {
    const text = "Biden's U.S.-backed plan: 175,000 troops, Mr. Peskov said.";
    expect(tokenizeText(text, [{ start: 0, end: text.length }]).words).toEqual([
      'Biden', "'s", 'U.S.', '-', 'backed', 'plan', ':', '175,000', 'troops', ',', 'Mr.', 'Peskov', 'said', '.',
    ]);
  });

  it('labels a sentence given as tokens (BIO), the way the CoNLL evaluation calls it', () => {
    const words = 'German Chancellor Helmut Kohl told the European Commission in Brussels on Thursday that Bonn would vote against it .'.split(' ');
    const unitStart = new Uint8Array(words.length);
    unitStart[0] = 1;
    const tags = Array.from(label({ words, unitStart, lineStart: unitStart }), (y) => LABELS[y]);
    expect(tags.join(' ')).toBe('B-MISC O B-PER I-PER O O B-ORG I-ORG O B-LOC O O O B-LOC O O O O O');
  });

  it('finds modern names the 1996 training data never saw', () => {
    const text = 'Ukrainian President Volodymyr Zelensky met executives of TikTok and Microsoft in Kyiv on Friday, officials said.';
    const m = run(text).map((x) => `${x.text}|${x.type}`);
    expect(m).toContain('Volodymyr Zelensky|PER');
    expect(m).toContain('Kyiv|LOC');
    expect(m).toContain('Microsoft|ORG');
  });
});

describe('extractEntities on the seed articles', () => {
  const prefixes = ['000', '001', '002', '003', '004'];

  it.each(prefixes)('seed %s names Joe Biden and Vladimir Putin canonically', (prefix) => {
    const people = new Set(seed(prefix).filter((m) => m.type === 'PER').map((m) => m.canonical));
    expect(people).toContain('Joe Biden');
    expect(people).toContain('Vladimir Putin');
  });

  it('seed 004: Peskov, Kremlin, NATO, Ukraine, White House', () => {
    const m = seed('004');
    expect(find(m, 'Dmitry Peskov').map((x) => x.type)).toEqual(['PER']);
    expect(new Set(find(m, 'Kremlin').map((x) => x.type))).toEqual(new Set(['ORG']));
    expect(new Set(find(m, 'NATO').map((x) => x.type))).toEqual(new Set(['ORG']));
    expect(new Set(find(m, 'Ukraine').map((x) => `${x.type}/${x.subtype}/${x.country_code}`))).toEqual(new Set(['LOC/GPE/UA']));
    expect(find(m, 'White House').map((x) => x.type)).toEqual(['ORG']);
  });

  it('seed 003: Blinken without his title, the Minsk agreements, the White House', () => {
    const m = seed('003');
    expect(find(m, 'Antony Blinken').map((x) => x.type)).toEqual(['PER']);
    expect(m.some((x) => x.text.includes('Secretary'))).toBe(false);
    expect(find(m, 'Minsk agreements').map((x) => `${x.type}/${x.subtype}`)).toEqual(['MISC/LAW']);
    expect(find(m, 'White House').map((x) => x.type)).toEqual(['ORG']);
  });

  it('seed 000: sentence openers "When", "According", "While" and "The" are not names', () => {
    const texts = new Set(seed('000').map((m) => m.text));
    for (const w of ['When', 'According', 'While', 'The', 'Any', 'There']) expect(texts).not.toContain(w);
  });
});

describe('mentions after the clean stage, across the seeds', () => {
  const all = readdirSync(SEEDS).sort().map((name) => {
    const record = parseFile(readFileSync(join(SEEDS, name), 'utf8'), 'txt').records[0]!;
    const article = cleanDocument({ ...record, doc_id: name, source_path: name, format: 'txt', encoding: 'utf-8', bytes: 0 });
    return annotate(article).mentions;
  });
  const canonicals = new Set(all.flat().map((m) => m.canonical));

  it('every seed yields Joe Biden and Vladimir Putin as people', () => {
    for (const mentions of all) {
      const people = new Set(mentions.filter((m) => m.type === 'PER').map((m) => m.canonical));
      expect([people.has('Joe Biden'), people.has('Vladimir Putin')]).toEqual([true, true]);
    }
  });

  it('the seeds together name the places, organisations and people of the story', () => {
    const expected = ['NATO', 'Ukraine', 'Russia', 'United States', 'Antony Blinken', 'Dmitry Peskov', 'Kremlin', 'SWIFT', 'White House', 'Crimean Peninsula', 'Geneva', 'Afghanistan', 'Taiwan', 'Iran'];
    expect(expected.filter((name) => !canonicals.has(name))).toEqual([]);
  });

  it('names that occur only in removed boilerplate are not mentioned', () => {
    const texts = new Set(all.flat().flatMap((m) => [m.text, m.canonical]));
    for (const name of ['Getty Images', 'Getty', 'Peter Klaunzer', 'Klaunzer', 'WordPress.com', 'WordPress', 'Brigid Kennedy', 'Kennedy']) expect(texts).not.toContain(name);
  });
});

describe('entities aggregate (stages/aggregate/10-entities.sql)', () => {
  it('gives one entity per canonical name, typed by the most documents, then the most mentions', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE documents (doc_id VARCHAR, is_canonical BOOLEAN, published_at DATE, outlet VARCHAR);
      CREATE TABLE mentions (doc_id VARCHAR, entity_id VARCHAR, text VARCHAR, type VARCHAR, subtype VARCHAR, canonical VARCHAR, country_code VARCHAR);
      INSERT INTO documents VALUES ('a', true, NULL, 'x'), ('b', true, NULL, 'x'), ('c', true, NULL, 'y'), ('d', false, NULL, 'y');
      INSERT INTO mentions VALUES
        ('a', '${entityId('Samsung')}', 'Samsung', 'ORG', NULL, 'Samsung', NULL),
        ('b', '${entityId('Samsung')}', 'Samsung', 'ORG', NULL, 'Samsung', NULL),
        ('c', '${entityId('Samsung')}', 'Samsung', 'PER', NULL, 'Samsung', NULL),
        ('c', '${entityId('Samsung')}', 'Samsung', 'PER', NULL, 'Samsung', NULL),
        ('c', '${entityId('Samsung')}', 'SAMSUNG', 'PER', NULL, 'Samsung', NULL),
        ('d', '${entityId('Samsung')}', 'Samsung', 'LOC', NULL, 'Samsung', NULL),
        ('d', '${entityId('Samsung')}', 'Samsung', 'LOC', NULL, 'Samsung', NULL),
        ('a', '${entityId('Georgia')}', 'Georgia', 'LOC', 'GPE', 'Georgia', 'GE'),
        ('b', '${entityId('Georgia')}', 'Georgia', 'PER', NULL, 'Georgia', NULL),
        ('b', '${entityId('Georgia')}', 'Georgia', 'PER', NULL, 'Georgia', NULL)`);
    await db.run(readFileSync(join(import.meta.dirname, '..', '..', 'stages', 'aggregate', '10-entities.sql'), 'utf8'));
    const rows = (await db.runAndReadAll('SELECT name, type, subtype, country_code, aliases, mention_count, doc_count, source_count FROM entities ORDER BY name')).getRowObjectsJson();
    expect(rows).toEqual([
      // One document each: the tie goes to the type with more mentions.
      { name: 'Georgia', type: 'PER', subtype: null, country_code: null, aliases: ['Georgia'], mention_count: '3', doc_count: '2', source_count: '1' },
      // The duplicate document d does not vote.
      { name: 'Samsung', type: 'ORG', subtype: null, country_code: null, aliases: ['SAMSUNG', 'Samsung'], mention_count: '5', doc_count: '3', source_count: '2' },
    ]);
  });
});
