/**
 * Where dates can be: the stretches of a text that chrono-node (and the forms in ./forms.ts) could
 * read a date from. Running chrono on the whole text costs one pass per parser pattern over every
 * character; most of news copy holds no date, so dates.ts parses only these windows (about 30% of
 * the BBC corpus text), joined into one string. What is left of chrono's cost is per result.
 *
 * A window reaches MARGIN characters either side of a date cue (snapped outward to a space, and
 * windows that meet are merged). The cues are every word or character that starts a chrono English
 * pattern, or one of ours, and can give a date or a time:
 *   - digits that can belong to a date or a time: digit, separator, digit ("5/12", "9:30",
 *     "2014-05-12", "3.5"), four digits (a year), an ordinal, unit or unit-word suffix ("18th",
 *     "5m", "25year"), a spaced unit abbreviation or a.m./p.m./o'clock ("10 a.m.", "90 s");
 *     a plain amount ("25", "1,000", "£5") reads as no date on its own;
 *   - month and weekday names and chrono's abbreviations of them, also glued to digits ("Dec",
 *     "Thurs", "april22", "22april");
 *   - now, today, tonight, tomorrow, tmr, tmrw, yesterday, overmorrow;
 *   - the time-unit words (second, minute, hour, day, week(end), month, quarter, year, fortnight,
 *     decade) as word prefixes, and the abbreviations (s, min, h, d, w, mo, y, …), a.m./p.m. and
 *     o'clock after a spelled number ("ten mins", "ten pm");
 *   - times of day (night, morning, afternoon, evening, midnight, midday, noon);
 *   - holiday names the forms know (Christmas, Boxing Day, Halloween, Valentine's, Juneteenth,
 *     Thanksgiving, Easter).
 * Why this changes no row: every date chrono returns contains a cue (the few misreadings that
 * contain none, "lasts" read as "last s(econd)", "- the money" as "- the mon(th)", are dropped in
 * both modes by dates.ts); no result reaches farther
 * than MARGIN from its cues (the longest lead, "within approximately about a couple of days", is
 * under 40 characters before "days"), nor do the look-arounds at its ends; and results that chrono
 * merges (ranges, a date and its time) sit within a few characters of each other, so in one
 * window. test/extract/dates.test.ts checks that windows and the whole text give the same rows on
 * the seeds and on dates glued by every separator; a check on the BBC and WikiRef corpora and every
 * Recognizers-Text DateTime, Number and NumberWithUnit input (alone and glued together) found no
 * difference.
 */

const UNIT_ABBREVIATIONS = 's|secs?|m|mins?|h|hrs?|d|w|mos?|qtr|y|yrs?';
const NAMES = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december'
  + '|sun|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sunday|monday|tuesday|wednesday|thursday|friday|saturday';
/**
 * One pass over the text. Every alternative starts with a digit or a word boundary, so that the
 * many positions inside words fail at once.
 */
const CUE = new RegExp(
  [
    // Digits that can be part of a date or time; plain amounts ("25", "1,000", "£5") are not.
    '\\d[ \\t]*[/.:\\-–][ \\t]*\\d',
    '(?<!\\d)\\d{4}(?!\\d)',
    `\\d(?:st|nd|rd|th|${UNIT_ABBREVIATIONS})\\b`,
    `\\d[ \\t]{1,3}(?:${UNIT_ABBREVIATIONS}|[ap]\\.?m\\b|o.?clock)\\b`,
    '\\d[ap]\\.?m\\b',
    '\\d(?:second|minute|hour|day|week|month|quarter|year)',
    // Month and weekday names glued after digits ("22april").
    `\\d(?:${NAMES})(?![a-z])`,
    // Words: names (also glued before digits, "april22"), casual words, units, times of day, holidays, spelled number + unit abbreviation.
    `\\b(?:(?:${NAMES}|now|today|tonight|tomorrow|tmr|tmrw|yesterday|overmorrow)(?![a-z])`
      + '|second|minute|hour|day|week|month|quarter|year|fortnight|decade'
      + '|night|morning|afternoon|evening|midnight|midday|noon'
      + '|christmas|boxing|hallowe|valentine|juneteenth|thanksgiving|easter'
      + `|(?:an?\\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|half|couple)\\s{0,3}(?:${UNIT_ABBREVIATIONS}|[ap]\\.?m\\b|o.?clock)\\b)`,
  ].join('|'),
  'i',
);

/** The text holds a date cue (dates.ts drops chrono results that hold none: misreadings). */
export function hasDateCue(text: string): boolean {
  return CUE.test(text);
}

/** Characters a window reaches past its first and last cue: longer than any chrono result reaches from its nearest cue plus the look-arounds at its ends. */
const MARGIN = 48;

/** [start, end) windows of `text` that may hold a date, in order, not overlapping; each starts and ends at a space or the text's ends. */
export function dateWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  const cue = new RegExp(CUE.source, 'gi');
  let m: RegExpExecArray | null;
  let open = Number.NaN; // start of the window being grown (may be below 0 before snapping); NaN: none yet
  let end = -1;
  while ((m = cue.exec(text)) !== null) {
    const from = m.index;
    const to = from + m[0].length;
    if (!Number.isNaN(open) && from - MARGIN <= end) {
      end = Math.max(end, to + MARGIN);
    } else {
      if (!Number.isNaN(open)) windows.push([open, end]);
      open = from - MARGIN;
      end = to + MARGIN;
    }
    cue.lastIndex = Math.max(to, from + 1);
  }
  if (!Number.isNaN(open)) windows.push([open, end]);
  const out: [number, number][] = [];
  for (const [s, e] of windows) {
    const a = spaceBefore(text, s);
    const b = spaceAfter(text, e);
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}

/** `pos` moved back to a space (or 0), so that a window never starts inside a word. */
function spaceBefore(text: string, pos: number): number {
  if (pos <= 0) return 0;
  while (pos > 0 && !isSpaceCode(text.charCodeAt(pos))) pos--;
  return pos;
}

/** `pos` moved on to a space (or the end), so that a window never ends inside a word. */
function spaceAfter(text: string, pos: number): number {
  if (pos >= text.length) return text.length;
  while (pos < text.length && !isSpaceCode(text.charCodeAt(pos))) pos++;
  return pos;
}
