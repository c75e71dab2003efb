import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES } from '../../pipeline/tables.js';

/** Parses the `## \`table\`` sections of docs/SCHEMA.md into "column TYPE" lists. */
function documentedTables(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of readFileSync('docs/SCHEMA.md', 'utf8').split('\n')) {
    const heading = /^## `(\w+)`/.exec(line);
    if (heading) tables.set(heading[1]!, (current = []));
    const row = /^\| `(\w+)` \| ([^|]+) \|/.exec(line);
    if (row && current) current.push(`${row[1]} ${row[2]!.trim()}`);
  }
  return tables;
}

describe('docs/SCHEMA.md', () => {
  it('documents every published table with exactly its columns and types', () => {
    const documented = documentedTables();
    expect([...documented.keys()].sort()).toEqual(PUBLISHED_TABLES.map((t) => t.name).sort());
    for (const table of PUBLISHED_TABLES) {
      expect(documented.get(table.name), table.name).toEqual(table.columns.map((c) => `${c.name} ${c.type}`));
    }
  });
});
