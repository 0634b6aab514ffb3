// Reference implementation of a strict rule for user text in Mermaid gantt and timeline charts
// (npq itself now codes only the characters the grammar reads as syntax: README.md) (titles, section titles, task names, timeline periods and events).
// See README.md for the evidence; self_test.mjs and probe.mjs check it with the real renderer.
//
//   1. Every run of whitespace (space, tab, CR, LF, ...) becomes one space; trim both ends.
//      Drop other control characters (U+0000-U+001F, U+007F).
//   2. Write the FIRST character, and every character that is not an ASCII letter, digit or
//      space, as Mermaid's entity code '#' + decimal code point + ';' (':' -> '#58;',
//      '<' -> '#60;', 'é' -> '#233;', '🙂' -> '#128578;' - one code per code point).
//   3. An empty result is written as '#8203;' (zero-width space): a label cannot be empty.
//
// Mermaid turns '#NN;' into '&#NN;' in the SVG it returns, after parsing, so the parser never
// sees the character and the browser shows it as text. Step 2's first character stops a label
// from starting with a keyword ('section', 'title', 'click', 'excludes', a YYYY-MM-DD date...).

export function mermaidText(text) {
  const clean = String(text)
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (clean === '') return '#8203;';
  let out = '';
  let first = true;
  for (const ch of clean) { // iterates code points, not UTF-16 units
    out += first || !/^[A-Za-z0-9 ]$/.test(ch) ? `#${ch.codePointAt(0)};` : ch;
    first = false;
  }
  return out;
}

// What a reader sees for mermaidText(text): the cleaned text (an empty label shows nothing).
export function mermaidShown(text) {
  return String(text)
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
