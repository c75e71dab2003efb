/**
 * Published offsets count Unicode code points, the unit of DuckDB's substring() and of Python
 * string slicing; JavaScript strings index UTF-16 code units. The two differ only after a
 * character outside the Basic Multilingual Plane (emoji, some CJK), so most texts take the fast path.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (utf16) => utf16;
  const map = new Int32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = codePoints;
    const code = text.charCodeAt(i);
    // A high surrogate and its low surrogate are one code point.
    if (!(code >= 0xd800 && code <= 0xdbff && i + 1 < text.length)) codePoints++;
  }
  map[text.length] = codePoints;
  return (utf16) => map[utf16]!;
}
