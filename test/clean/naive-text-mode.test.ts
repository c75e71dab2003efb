import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../scripts/eval/boilerplate/naive-text.js';
import { cleanDocument } from '../../stages/clean/index.js';
import { parseFile } from '../../stages/ingest/records.js';
import { BODY, NEWS_PAGE } from '../ingest/html-fixtures.js';

describe("the boilerplate eval's text mode (a naive rendering fed to the text cleaner)", () => {
  it('renders one block per line, drops scripts and decodes every named entity', () => {
    expect(htmlToText('<title>T</title><script>var x = "<p>no</p>";</script><p>Die Lebensdauer erh&ouml;ht sich, caf&eacute; &amp; th&eacute;&nbsp;&#8217;s</p><div>two</div>')).toBe('T\n\nDie Lebensdauer erhöht sich, café & thé\u00a0’s\n\ntwo');
  });

  it('removes the page furniture and keeps the body', () => {
    const record = parseFile(htmlToText(NEWS_PAGE), 'txt').records[0]!;
    const article = cleanDocument({ ...record, doc_id: 'd', source_path: 'd.txt', format: 'txt', encoding: 'utf-8', bytes: 0 });
    const kept = article.paragraphs.map((p) => article.text.slice(p.start, p.end));
    for (const line of BODY.filter((l) => l.length > 40)) expect(kept).toContain(line);
    for (const boilerplate of ['We use cookies', 'Sport', 'Most read', 'About time!', '© 2023', 'Leave a Reply', 'Storm warning']) {
      expect(article.text).not.toContain(boilerplate);
    }
  });
});
