import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../stages/clean/index.js';
import { normalizeLine } from '../../stages/clean/normalize.js';
import { parseFile } from '../../stages/ingest/records.js';
import type { RawDoc } from '../../stages/types.js';

/** Every boilerplate line of the seeds (../shared/README.md lists the families) with the rule expected to remove it. */
const EXPECTED_REMOVALS: Record<string, [number, string, string][]> = {
  '000_3f5ed36b88a2d749.txt': [],
  '001_1479a6f34d5dad64.txt': [
    [3, 'byline', 'Brigid Kennedy, Staff Writer'],
    [4, 'reading-time', '·1 min read'],
    [5, 'caption', 'Putin and Biden.'],
    [6, 'photo-credit', 'Putin and Biden. Peter Klaunzer - Pool/Keystone via Getty Images'],
  ],
  '002_7175a7e198ed7ad5.txt': [
    [9, 'comments-start', '2 thoughts on “Tuesday’s Biden-Putin Phone Call Could Determine Ukraine’s Future'],
    [11, 'comments-start', 'Leave a Reply'],
    [13, 'comment-form', 'Fill in your details below or click an icon to log in:'],
    [15, 'comment-form', 'WordPress.com Logo'],
    [17, 'comment-form', 'You are commenting using your WordPress.com account. Log Out / Change )'],
    [19, 'comment-form', 'Twitter picture'],
    [21, 'comment-form', 'You are commenting using your Twitter account. Log Out / Change )'],
    [23, 'comment-form', 'Facebook photo'],
    [25, 'comment-form', 'You are commenting using your Facebook account. Log Out / Change )'],
    [27, 'comment-form', 'Connecting to %s'],
  ],
  '003_c26feeb0a20361a3.txt': [
    [3, 'photo-credit', 'Peter Klaunzer - Pool/Keystone Via Getty Images'],
    [22, 'comment-form', 'Please enter your comment!'],
    [23, 'comment-form', 'Please enter your name here'],
  ],
  '004_010dcf98ec07f859.txt': [
    [21, 'see-also', 'SEE ALSO: NATO Should Put Troops In Ukraine On Rotational Basis To Deter Russia, Bolton Says'],
    [31, 'copyright', 'Copyright (c) 2018. RFE/RL, Inc. Republished with the permission of Radio Free Europe/Radio Liberty, Washington DC 20036'],
    [33, 'related-links', 'More US News'],
    [35, 'related-links', 'Access More'],
    [37, 'newsletter', 'Sign up for US News'],
    [39, 'newsletter', "a daily newsletter full of things to discuss over drinks.and the great thing is that it's on the house!"],
  ],
};

function seed(name: string): RawDoc {
  const record = parseFile(readFileSync(`seeds/${name}`, 'utf8'), 'txt').records[0]!;
  return { ...record, doc_id: name, source_path: name, format: 'txt', encoding: 'utf-8', bytes: 0 };
}

describe('clean stage on the seeds', () => {
  it('covers all five seeds', () => {
    expect(readdirSync('seeds').sort()).toEqual(Object.keys(EXPECTED_REMOVALS));
  });

  for (const [name, expected] of Object.entries(EXPECTED_REMOVALS)) {
    it(`${name}: removes exactly the boilerplate lines, each with its rule`, () => {
      const article = cleanDocument(seed(name));
      expect(article.removed.map((r) => [r.line_no, r.rule, r.text])).toEqual(expected);
    });

    it(`${name}: keeps every other line, i.e. every body sentence, as a paragraph`, () => {
      const raw = seed(name);
      const article = cleanDocument(raw);
      const removedLines = new Set(expected.map(([lineNo]) => lineNo));
      const bodyLines = raw.text
        .split('\n')
        .map((line, i) => ({ line: normalizeLine(line), lineNo: raw.first_line_no + i }))
        .filter(({ line, lineNo }) => line !== '' && !removedLines.has(lineNo))
        .map(({ line }) => line);
      expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(bodyLines);
    });
  }

  it('normalises no-break spaces and keeps curly quotes', () => {
    const article = cleanDocument(seed('002_7175a7e198ed7ad5.txt'));
    expect(article.title).toBe('Tuesday’s Biden-Putin Phone Call Could Determine Ukraine’s Future');
    expect(article.text).not.toMatch(/\u00a0/);
  });
});
