/**
 * Shape of data/gazetteer.json, shared by scripts/build-gazetteers.ts (writer) and lexicon.ts
 * (reader) so the two cannot drift apart.
 */

/** country: sovereign or ISO-listed territory; gpe: other political unit or city; region: plain place; norp: nationality or group. */
export type PlaceKind = 'country' | 'gpe' | 'region' | 'norp';

/** [kind, canonical name, ISO 3166-1 alpha-2 code or null, surface forms]. */
export type GazetteerEntry = [kind: PlaceKind, canonical: string, code: string | null, surfaces: string[]];

export interface GazetteerFile {
  /** Where each part came from and under which licence. */
  sources: string[];
  entries: GazetteerEntry[];
  /** Given names, title-case, sorted. */
  firstNames: string[];
}
