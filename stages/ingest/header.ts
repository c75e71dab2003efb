/**
 * Metadata at the top of scraped text dumps. Three shapes occur in the seeds:
 *   " date 2021-12-07 <headline>"  publication date and title on the first line;
 *   "<headline>"                    a bare first line followed by a blank line is the title;
 *   "Tue, 18 Jan 2022"              a lone date line is the *crawl* date, not the publication date.
 */

export interface Header {
  title: string | null;
  published_at: string | null;
  crawled_at: string | null;
  /** Number of lines the header occupies (they are not part of the body). */
  lines: number;
}

const DATED_TITLE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s*$/i;
const CRAWL_DATE = /^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\s*$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A bare title is a short line without sentence-final punctuation, followed by a blank line. */
export const MAX_TITLE_CHARS = 300;
export const NOT_A_TITLE_END = /[.:;,]$/;

export function parseHeader(lines: string[]): Header {
  const first = lines[0] ?? '';
  const dated = DATED_TITLE.exec(first);
  if (dated && isValidDate(dated[1]!)) {
    return { title: dated[2]!, published_at: dated[1]!, crawled_at: null, lines: 1 };
  }
  const crawl = CRAWL_DATE.exec(first);
  if (crawl) {
    const date = `${crawl[3]}-${pad(MONTHS.indexOf(crawl[2]!.toLowerCase().slice(0, 3)) + 1)}-${pad(Number(crawl[1]))}`;
    if (isValidDate(date)) return { title: null, published_at: null, crawled_at: `${date}T00:00:00Z`, lines: 1 };
  }
  if (looksLikeTitle(first) && (lines[1] ?? '').trim() === '' && lines.length > 2) {
    return { title: first.trim(), published_at: null, crawled_at: null, lines: 1 };
  }
  return { title: null, published_at: null, crawled_at: null, lines: 0 };
}

export function looksLikeTitle(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_TITLE_CHARS && !NOT_A_TITLE_END.test(trimmed);
}

export function isValidDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
