import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStories } from '../../stages/stories/index.js';

let instance: DuckDBInstance;
let db: DuckDBConnection;

const quake = 'An earthquake struck northern Japan, and a tsunami warning was issued for the coast of Miyagi. Rescue teams searched for survivors of the earthquake.';
const election = 'Greek voters went to the polls in an election dominated by austerity and the bailout. Syriza led the election polls in Athens.';

async function load(docs: Array<[string, string, string | null, string | null]>, dups: Array<[string, string]> = []): Promise<void> {
  await db.run(`CREATE TABLE documents_stage (doc_id VARCHAR, title VARCHAR, text VARCHAR, published_at DATE, outlet VARCHAR);
    CREATE TABLE document_groups (doc_id VARCHAR, exact_hash VARCHAR, dup_group_id VARCHAR, is_canonical BOOLEAN);
    CREATE TABLE mentions (doc_id VARCHAR, entity_id VARCHAR, canonical VARCHAR)`);
  for (const [id, text, date, source] of docs) {
    await db.run(`INSERT INTO documents_stage VALUES ('${id}', NULL, '${text}', ${date ? `DATE '${date}'` : 'NULL'}, ${source ? `'${source}'` : 'NULL'})`);
    const canonical = dups.find(([d]) => d === id)?.[1] ?? id;
    await db.run(`INSERT INTO document_groups VALUES ('${id}', 'h', '${canonical}', ${canonical === id})`);
  }
}

async function stories(): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll('SELECT story_id, n_documents, n_sources, CAST(first_date AS VARCHAR) AS first_date, CAST(last_date AS VARCHAR) AS last_date, doc_ids FROM stories ORDER BY story_id')).getRowObjectsJson() as Record<string, unknown>[];
}

beforeEach(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});
afterEach(() => {
  db.closeSync();
  instance.closeSync();
});

describe('buildStories', () => {
  it('groups reports of the same event and separates other events', async () => {
    await load([
      ['a', quake, '2011-03-11', 'bbc'],
      ['b', quake.replace('Rescue teams', 'Soldiers'), '2011-03-12', 'cnn'],
      ['c', election, '2015-01-25', 'bbc'],
      ['d', election.replace('voters', 'citizens'), '2015-01-26', 'reuters'],
    ]);
    expect(await buildStories(db)).toBe(2);
    expect(await stories()).toEqual([
      { story_id: 'a', n_documents: '2', n_sources: '2', first_date: '2011-03-11', last_date: '2011-03-12', doc_ids: ['a', 'b'] },
      { story_id: 'c', n_documents: '2', n_sources: '2', first_date: '2015-01-25', last_date: '2015-01-26', doc_ids: ['c', 'd'] },
    ]);
  });

  it('keeps the same words apart when the known dates are further apart than the window', async () => {
    await load([
      ['a', quake, '2011-03-11', null],
      ['b', quake.replace('Rescue teams', 'Soldiers'), '2016-04-16', null],
    ]);
    expect(await buildStories(db)).toBe(2);
  });

  it('gives duplicates the story of their canonical member, counted in n_documents', async () => {
    await load([
      ['a', quake, null, null],
      ['b', quake, null, null],
      ['c', election, null, null],
    ], [['b', 'a']]);
    expect(await buildStories(db)).toBe(2);
    const rows = (await db.runAndReadAll('SELECT doc_id, story_id FROM document_stories ORDER BY doc_id')).getRowObjectsJson();
    expect(rows).toEqual([{ doc_id: 'a', story_id: 'a' }, { doc_id: 'b', story_id: 'a' }, { doc_id: 'c', story_id: 'c' }]);
    expect((await stories())[0]).toMatchObject({ story_id: 'a', n_documents: '2', n_sources: '1' });
  });
});
