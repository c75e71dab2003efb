import type { ReportData } from './data.js';
import { barChart, escapeXml, lineChart, networkChart, rangeChart } from './svg.js';

type Row = Record<string, unknown>;

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
.muted { color: #666; } svg { max-width: 100%; height: auto; font-size: 12px; }
table { border-collapse: collapse; margin: 0.5em 0; } td, th { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; } .card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 1.4em; } a { color: #2a5db0; }`;

/** A self-contained page (inline CSS and SVG, no script, no network) over one output folder. */
export function renderReport(data: ReportData): string {
  const sections = [
    summary(data),
    section('Top entities', 'entities', data.topEntities.length === 0 ? empty() : barChart(data.topEntities.map((e) => ({ label: `${e['name']} (${e['type']})`, value: Number(e['salient_doc_count']) })), 'Documents in which the entity is among the three most mentioned (nationalities left out)')),
    section('Who appears with whom', 'cooccurrence', data.cooccurrence.length === 0 ? empty() : networkChart(data.cooccurrence.map((p) => ({ a: String(p['name_a']), b: String(p['name_b']), weight: Number(p['sentence_count']) || Number(p['doc_count']) })), 'Entity co-occurrence: line width = shared sentences')),
    section('Timeline', 'entity_daily', timeline(data.timeline)),
    section('Claims: same subject, different numbers', 'claims', claims(data.claims)),
    section('Stories', 'stories', data.stories === null ? '<p class="muted">This output has no stories table.</p>' : table(data.stories.map((s) => pick(s, ['label', 'n_documents', 'n_sources', 'first_date', 'last_date'])))),
    section('Outlets', 'sources', table(data.sources.map((s) => ({ ...s, boilerplate_share: `${(Number(s['boilerplate_share']) * 100).toFixed(1)} %` })))),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>News pipeline report — ${escapeXml(String(data.run['run_id']))}</title><style>${STYLE}</style></head>
<body><h1>News pipeline report</h1>
<p class="muted">Run ${escapeXml(String(data.run['run_id']))}, ${escapeXml(String(data.run['started_at']))} → ${escapeXml(String(data.run['finished_at']))}. Each figure links to the table it is drawn from (Parquet and CSV in this folder).</p>
${sections.join('\n')}
</body></html>
`;
}

function summary(data: ReportData): string {
  const cards = Object.entries(data.counts).map(([name, n]) => `<div class="card"><b>${n.toLocaleString('en-US')}</b>${escapeXml(name.replace('_', ' '))}</div>`).join('');
  const stages = table(data.stages.map((s) => ({ stage: s['name'], seconds: s['skipped'] ? 'skipped' : Number(s['seconds']).toFixed(2), in: s['n_in'], out: s['n_out'] })));
  return `<h2 id="summary">Run summary</h2><div class="cards">${cards}</div>${stages}<p><a href="runs.csv">runs.csv</a> · <a href="manifest.json">manifest.json</a> · <a href="problems.csv">problems.csv</a></p>`;
}

function timeline(rows: Row[]): string {
  if (rows.length === 0) return '<p class="muted">No document in this output has a publication date.</p>';
  const byName = new Map<string, { date: string; value: number }[]>();
  for (const r of rows) {
    const name = String(r['name']);
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name)!.push({ date: String(r['date']), value: Number(r['mention_count']) });
  }
  return lineChart([...byName].map(([name, points]) => ({ name, points })), 'Mentions per publication day');
}

function claims(rows: Row[]): string {
  if (rows.length === 0) return '<p class="muted">No subject with disagreeing figures.</p>';
  const subjects = [...new Set(rows.map((r) => String(r['subject'])))];
  return subjects.slice(0, 4).map((subject) => {
    const figures = rows.filter((r) => r['subject'] === subject).map((r) => {
      const low = r['value'] ?? r['low'];
      const high = r['value'] ?? r['high'];
      const who = Array.isArray(r['attributed_to']) ? (r['attributed_to'] as string[]).join(', ') : 'unattributed';
      return { label: `${(r['texts'] as string[]).join(' / ')} — ${who} (${r['doc_count']} doc)`, low: Number(low), high: Number(high) };
    });
    return `<h3>${escapeXml(subject)}</h3>${rangeChart(figures, `Figures reported for ${subject}`)}`;
  }).join('');
}

function section(title: string, tableName: string, body: string): string {
  return `<h2 id="${tableName}">${escapeXml(title)}</h2>${body}<p class="muted">From <a href="${tableName}.csv">${tableName}.csv</a> / <a href="${tableName}.parquet">${tableName}.parquet</a></p>`;
}

function table(rows: Row[]): string {
  if (rows.length === 0) return empty();
  const columns = Object.keys(rows[0]!);
  const cell = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) ? `<td class="n">${escapeXml(String(v))}</td>` : `<td>${escapeXml(Array.isArray(v) ? v.join(', ') : String(v ?? ''))}</td>`);
  return `<table><tr>${columns.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${columns.map((c) => cell(r[c])).join('')}</tr>`).join('')}</table>`;
}

function pick(row: Row, columns: string[]): Row {
  return Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]]));
}

function empty(): string {
  return '<p class="muted">Nothing to show for this output.</p>';
}
