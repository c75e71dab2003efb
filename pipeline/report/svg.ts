/**
 * Small server-side SVG charts for the report: the page needs no script to draw them, so it
 * renders the same in any browser, prints, and works offline.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLORS = ['#4c72b0', '#dd8452', '#55a868', '#c44e52', '#8172b3', '#937860', '#da8bc3', '#8c8c8c'];

export function color(i: number): string {
  return COLORS[i % COLORS.length]!;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Horizontal bars, largest first. */
export function barChart(rows: { label: string; value: number }[], title: string): string {
  const rowHeight = 22;
  const labelWidth = 170;
  const width = 640;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows.map((r, i) => {
    const y = i * rowHeight + 4;
    const w = ((width - labelWidth - 60) * r.value) / max;
    return `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeXml(r.label)}</text>` +
      `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${color(0)}"><title>${escapeXml(r.label)}: ${formatNumber(r.value)}</title></rect>` +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 14}">${formatNumber(r.value)}</text>`;
  });
  return svg(width, rows.length * rowHeight + 8, title, bars.join(''));
}

/** Nodes on a circle; edge width by weight. */
export function networkChart(edges: { a: string; b: string; weight: number }[], title: string): string {
  const size = 560;
  const radius = size / 2 - 90;
  const names = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  const at = new Map(names.map((n, i) => [n, [size / 2 + radius * Math.cos((2 * Math.PI * i) / names.length), size / 2 + radius * Math.sin((2 * Math.PI * i) / names.length)] as const]));
  const max = Math.max(1, ...edges.map((e) => e.weight));
  const lines = edges.map((e) => {
    const [x1, y1] = at.get(e.a)!;
    const [x2, y2] = at.get(e.b)!;
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${color(0)}" stroke-opacity="0.5" stroke-width="${(0.5 + (5 * e.weight) / max).toFixed(2)}"><title>${escapeXml(e.a)} — ${escapeXml(e.b)}: ${e.weight}</title></line>`;
  });
  const nodes = names.map((n) => {
    const [x, y] = at.get(n)!;
    const anchor = x < size / 2 - 5 ? 'end' : x > size / 2 + 5 ? 'start' : 'middle';
    const dx = anchor === 'end' ? -8 : anchor === 'start' ? 8 : 0;
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${color(1)}"/><text x="${(x + dx).toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="${anchor}">${escapeXml(n)}</text>`;
  });
  return svg(size, size, title, lines.join('') + nodes.join(''));
}

/** One line per series over dates (YYYY-MM-DD), points marked. */
export function lineChart(series: { name: string; points: { date: string; value: number }[] }[], title: string): string {
  const width = 640;
  const height = 260;
  const pad = { left: 40, right: 150, top: 10, bottom: 30 };
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const x = (date: string) => pad.left + (dates.length === 1 ? (width - pad.left - pad.right) / 2 : ((width - pad.left - pad.right) * dates.indexOf(date)) / (dates.length - 1));
  const y = (value: number) => height - pad.bottom - ((height - pad.top - pad.bottom) * value) / max;
  const axes = `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>` +
    `<text x="${pad.left}" y="${height - 8}">${escapeXml(dates[0] ?? '')}</text>` +
    (dates.length > 1 ? `<text x="${width - pad.right}" y="${height - 8}" text-anchor="end">${escapeXml(dates.at(-1)!)}</text>` : '') +
    `<text x="${pad.left - 6}" y="${pad.top + 10}" text-anchor="end">${formatNumber(max)}</text>`;
  const lines = series.map((s, i) => {
    const points = s.points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`);
    const marks = s.points.map((p) => `<circle cx="${x(p.date).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="${color(i)}"><title>${escapeXml(s.name)} ${p.date}: ${p.value}</title></circle>`);
    return `<polyline points="${points.join(' ')}" fill="none" stroke="${color(i)}" stroke-width="2"/>${marks.join('')}` +
      `<text x="${width - pad.right + 10}" y="${pad.top + 14 + i * 16}" fill="${color(i)}">${escapeXml(s.name)}</text>`;
  });
  return svg(width, height, title, axes + lines.join(''));
}

/** Reported figures of one subject as points (single values) or bars (ranges) on one axis. */
export function rangeChart(rows: { label: string; low: number; high: number }[], title: string): string {
  const width = 760;
  const rowHeight = 30;
  const left = 20;
  const right = 380;
  const max = Math.max(1, ...rows.map((r) => r.high)) * 1.05;
  const x = (v: number) => left + ((width - left - right) * v) / max;
  const marks = rows.map((r, i) => {
    const y = i * rowHeight + 16;
    const shape = r.low === r.high
      ? `<circle cx="${x(r.low).toFixed(1)}" cy="${y}" r="6" fill="${color(0)}"/>`
      : `<rect x="${x(r.low).toFixed(1)}" y="${y - 5}" width="${(x(r.high) - x(r.low)).toFixed(1)}" height="10" fill="${color(1)}"/>`;
    return `${shape}<text x="${(x(r.high) + 10).toFixed(1)}" y="${y + 4}">${escapeXml(r.label)}</text>`;
  });
  const axis = `<line x1="${left}" y1="${rows.length * rowHeight + 6}" x2="${width - right}" y2="${rows.length * rowHeight + 6}" stroke="#999"/>` +
    `<text x="${left}" y="${rows.length * rowHeight + 22}">0</text><text x="${width - right}" y="${rows.length * rowHeight + 22}" text-anchor="end">${formatNumber(max)}</text>`;
  return svg(width, rows.length * rowHeight + 30, title, marks.join('') + axis);
}

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${body}</svg>`;
}
