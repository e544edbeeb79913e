/**
 * The human words of a text that may carry spreadsheet formula syntax or links.
 *
 * Names and functions of planned systems arrive from spreadsheets and CSV files, where a cell
 * starting with = + - or @ is a formula (OWASP "CSV injection"): `=HYPERLINK("http://x";"a")
 * Hệ thống đấu thầu`. Compared as text, the function name, cell references and URL syllables
 * (http, x, com) are noise that can pull a proposal towards an unrelated platform. This keeps the
 * words a person wrote: the text after the formula, and the quoted labels inside it that are not
 * links. Links anywhere are dropped too. Pure and bounded: one pass over at most MAX_CHARS.
 */

const MAX_CHARS = 20_000;
/** Formula prefixes, including the full-width forms a Vietnamese IME may type, and their leading blanks. */
const PREFIX = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]+/u;
// Sticky: each is tried exactly at lastIndex, so the scan never copies the text.
const BLANKS = /\s*/y;
const FUNCTION_CALL = /[A-Za-z_][A-Za-z0-9_.]*\s*\(/y;
/** DDE: cmd|' /C calc'!A0 */
const DDE = /[A-Za-z0-9_.]+\|'[^']*'(?:![A-Za-z0-9$:]+)?/y;
/** A1, $B$2, A1:C3, Sheet1!A1, 12, 1.5 */
const OPERAND = /(?:[A-Za-z0-9_]+!)?\$?[A-Za-z]{0,3}\$?\d+(?:\.\d+)?(?::\$?[A-Za-z]{1,3}\$?\d+)?/y;
const OPERATOR = /\s*[&+\-*/^,;:<>=%]+\s*/y;
const URL = /\b(?:(?:https?|ftp|file):\/\/|www\.)[^\s"'<>()[\]{}]+/giu;
/** A label worth keeping has a word of two letters or more ("a" alone is a placeholder). */
const WORDY = /\p{L}{2}/u;

interface Scan {
  /** Where the formula ends in the text. */
  end: number;
  /** Quoted labels met inside it. */
  labels: string[];
}

/** A double-quoted string at `at` (Excel doubles a quote inside one): its text and end. */
function quoted(text: string, at: number): { value: string; end: number } | null {
  if (text[at] !== '"') return null;
  let value = '';
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i++];
  }
  return { value, end: text.length };
}

/** The end of the call whose "(" is at `open` (quotes respected), collecting its labels. */
function call(text: string, open: number, labels: string[]): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const q = quoted(text, i)!;
      labels.push(q.value);
      i = q.end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** The length of a sticky match at `at`, or -1. */
function matchAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : -1;
}

/** The formula after the prefix: operands (calls, strings, references) joined by operators. */
function scanFormula(text: string, start: number, strict: boolean): Scan {
  const labels: string[] = [];
  let at = start;
  let first = true;
  for (;;) {
    const from = at + matchAt(BLANKS, text, at);
    let end = -1;
    const fn = matchAt(FUNCTION_CALL, text, from);
    if (fn > 0) end = call(text, from + fn - 1, labels);
    else if (text[from] === '"') {
      const q = quoted(text, from)!;
      labels.push(q.value);
      end = q.end;
    } else {
      // After + or -, a bare number or reference opens no formula: "- 2 chức năng" is prose.
      let operand = matchAt(DDE, text, from);
      if (operand <= 0 && (strict || !first)) operand = matchAt(OPERAND, text, from);
      if (operand > 0) end = from + operand;
    }
    if (end < 0) return { end: first ? start : at, labels };
    at = end;
    first = false;
    const op = matchAt(OPERATOR, text, at);
    if (op <= 0) return { end: at, labels };
    at += op;
  }
}

/** The text without formula syntax and links, spaces tidied; unchanged when it has neither. */
export function humanText(input: string): string {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const prefix = PREFIX.exec(text);
  let out = text;
  if (prefix) {
    const { end, labels } = scanFormula(text, prefix[0].length, /[=@\uff1d\uff20]/u.test(prefix[0]));
    const kept = labels.map((l) => l.replace(URL, ' ')).filter((l) => WORDY.test(l));
    out = [...kept, text.slice(end)].join(' ');
  }
  if (!prefix && !/(?:\/\/|www\.)/i.test(out)) return input;
  return out.replace(URL, ' ').replace(/\s+/g, ' ').trim();
}
