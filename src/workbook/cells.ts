/**
 * Tolerant reading of single cell values as `getValues()` and custom functions deliver them:
 * numbers, text, booleans, Date objects, "" for blank cells and error text such as "#N/A".
 * Nothing here throws: every reader returns the value (null for a blank cell) or a problem
 * that says what is wrong and how to fix it; the caller adds the sheet, row and column.
 */

export type CellRead<T> = { ok: true; value: T | null } | { ok: false; problem: string };

/** The error values Sheets shows in a cell (getValues returns them as text). */
const SHEETS_ERRORS = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
]);

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  'done',
  'x',
  '1',
  'on',
  'checked',
  'complete',
  'completed',
  '✓',
  '✔',
  '✔️',
  '✅',
  '☑',
  '☑️',
]);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  'not done',
  '0',
  'off',
  'unchecked',
  'open',
  'todo',
  'to do',
  '✗',
  '✘',
  '❌',
  '☐',
]);

// Shared so that the many blank cells of a big sheet allocate nothing.
const BLANK: CellRead<never> = Object.freeze({ ok: true, value: null });
const ok = <T>(value: T | null): CellRead<T> => (value === null ? BLANK : { ok: true, value });
const fail = <T>(problem: string): CellRead<T> => ({ ok: false, problem });

/** True for Date objects from any realm (the emulator runs the bundle in a separate node:vm context). */
export function isDateValue(cell: unknown): cell is Date {
  return (
    cell instanceof Date ||
    (typeof cell === 'object' &&
      cell !== null &&
      Object.prototype.toString.call(cell) === '[object Date]')
  );
}

/** An empty cell: "" from getValues, null/undefined from callers, or only whitespace. */
export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Plain text that reads as itself: starts and ends with a printable ASCII character other than
 * "#", so trimming changes nothing and it cannot be an error value such as #N/A.
 */
export function isPlainText(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && first !== 35 && last > 32 && last < 127;
}

/** A cell showing a Sheets error value such as #N/A or #REF!. */
export function isErrorCell(cell: unknown): boolean {
  return (
    typeof cell === 'string' && cell.includes('#') && SHEETS_ERRORS.has(cell.trim().toUpperCase())
  );
}

/** Formats a cell value for a message: text in quotes (shortened), others as Sheets shows them. */
export function showCell(cell: unknown): string {
  if (typeof cell === 'string') {
    const text = cell.trim();
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
  }
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDateValue(cell)) return isNaN(cell.getTime()) ? 'an invalid date' : formatIsoDate(cell);
  return 'this value';
}

/** yyyy-mm-dd of a date's calendar day (a wall-clock date, src/core/wallClock.ts). */
export function formatIsoDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function errorProblem(cell: unknown): string {
  return `The cell shows the error ${String(cell).trim().toUpperCase()}. Fix the formula, or type a value in its place.`;
}

/** 99.9 → 0.999 by moving the decimal point in the digits, so no float error creeps in (99.9 / 100 is 0.9990000000000001). */
function fromPercentPoints(points: number): number {
  const digits = String(points);
  return /e/i.test(digits) ? points / 100 : Number(`${digits}e-2`);
}

/**
 * Reads number text the way people type it: "1,234", "1 234", "$1,200", "-3.5", "1e3", "45%"
 * (a fraction, 0.45). Returns null when the text is not a number.
 */
export function parseNumberText(text: string): number | null {
  let rest = text.trim();
  let percent = false;
  if (rest.endsWith('%')) {
    percent = true;
    rest = rest.slice(0, -1).trimEnd();
  }
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1).trimStart();
  }
  rest = rest.replace(/^[$€£¥]\s*/, '');
  const grouped = /^\d{1,3}(?:[,\u0020\u00a0\u202f]\d{3})+(?:\.\d+)?$/;
  const plain = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
  if (grouped.test(rest)) rest = rest.replace(/[,\u0020\u00a0\u202f]/g, '');
  else if (!plain.test(rest)) return null;
  const value = sign * (percent ? fromPercentPoints(Number(rest)) : Number(rest));
  return Number.isFinite(value) ? value : null;
}

export function readNumber(cell: unknown): CellRead<number> {
  const hint = 'Type a number such as 120.';
  // Numbers first: they are most cells of a numeric column and can be neither blank nor an error.
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? ok(cell) : fail(`${showCell(cell)} is not a number. ${hint}`);
  }
  if (isBlankCell(cell)) return ok(null);
  if (isErrorCell(cell)) return fail(errorProblem(cell));
  if (typeof cell === 'string') {
    const value = parseNumberText(cell);
    return value === null ? fail(`${showCell(cell)} is not a number. ${hint}`) : ok(value);
  }
  if (isDateValue(cell)) return fail(`${showCell(cell)} is a date, not a number. ${hint}`);
  return fail(`${showCell(cell)} is not a number. ${hint}`);
}

/** 45 → 0.45: a number above 1 where a fraction is expected is taken as percent points. */
export function percentPointsToFraction(value: number): number {
  return Math.abs(value) > 1 ? fromPercentPoints(value) : value;
}

/**
 * Reads a percentage as a fraction. Percent-formatted cells already arrive as fractions
 * (45% → 0.45) and "45%" text is read the same way; a plain number above 1 is taken as percent
 * points (45 → 0.45), so a hand-typed 1.2 reads as 1.2%, not 120%.
 */
export function readPercent(cell: unknown): CellRead<number> {
  const value = readNumber(cell);
  if (!value.ok) {
    return isErrorCell(cell)
      ? value
      : fail(`${showCell(cell)} is not a percentage. Type a percentage such as 45% (or 0.45).`);
  }
  const written = typeof cell === 'string' && cell.trim().endsWith('%');
  return value.value === null || written ? value : ok(percentPointsToFraction(value.value));
}

/** Builds a wall-clock date, or null when the parts name no real day (2026-02-30). */
function calendarDate(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
  ms = 0,
): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms));
  // Date.UTC maps years 0–99 to 1900–1999; set the year again to keep it as typed.
  date.setUTCFullYear(year);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && hours < 24 && minutes < 60 && seconds < 60 ? date : null;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads ISO text as a wall-clock date: "2026-10-01" is that calendar day, "2026-10-01 09:30" that
 * time of it; a time with Z or an offset is taken at that offset's clock.
 */
export function parseIsoDateText(text: string): Date | null {
  const trimmed = text.trim();
  const day = ISO_DATE.exec(trimmed);
  if (day) return calendarDate(Number(day[1]), Number(day[2]), Number(day[3]));
  const moment = ISO_DATE_TIME.exec(trimmed);
  if (!moment) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = moment;
  const local = calendarDate(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, '0')),
  );
  if (!local || zone === undefined) return local;
  const asUtc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, '0')),
  );
  if (zone.toUpperCase() === 'Z') return new Date(asUtc);
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!offset) return null;
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(asUtc - minutes * 60_000);
}

/** Sheets' day 0 (date serial numbers count days from 1899-12-30). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Sheets shows. */
const LAST_SERIAL = 2_958_465;

/** A date serial number (0 is 1899-12-30, 46023 is 2026-01-01, 46023.5 its noon) as a wall-clock date. */
function serialDate(serial: number): Date | null {
  return serial >= 0 && serial < LAST_SERIAL + 1
    ? new Date(SERIAL_EPOCH + Math.round(serial * 86_400_000))
    : null;
}

/**
 * Reads a date: a Date cell (already a wall-clock date, as the gateway hands them over), ISO text
 * or a date serial number, as formulas such as ARRAYFORMULA(IF(…)) may deliver dates.
 */
export function readDate(cell: unknown): CellRead<Date> {
  const hint = 'Type a date such as 2026-10-01.';
  // Dates first: they can be neither blank nor an error, and a copy keeps the caller's Date apart.
  if (isDateValue(cell)) {
    return isNaN(cell.getTime())
      ? fail(`This cell holds an invalid date. ${hint}`)
      : ok(new Date(cell.getTime()));
  }
  if (isBlankCell(cell)) return ok(null);
  if (isErrorCell(cell)) return fail(errorProblem(cell));
  if (typeof cell === 'string') {
    const date = parseIsoDateText(cell);
    return date ? ok(date) : fail(`${showCell(cell)} is not a date. ${hint}`);
  }
  if (typeof cell === 'number') {
    const date = serialDate(cell);
    return date
      ? ok(date)
      : fail(
          `${showCell(cell)} is a number, not a date: Sheets numbers days from 0 (1899-12-30) to ${LAST_SERIAL} (9999-12-31). ${hint} (or format the cell as a date)`,
        );
  }
  return fail(`${showCell(cell)} is not a date. ${hint}`);
}

/** Reads a yes/no word; null when the text is none of them. */
function booleanWord(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

export function readBoolean(cell: unknown): CellRead<boolean> {
  const hint = 'Type TRUE or FALSE (yes, no, done and ✓ work too).';
  if (isBlankCell(cell)) return ok(null);
  if (isErrorCell(cell)) return fail(errorProblem(cell));
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  if (typeof cell === 'string') {
    const value = booleanWord(cell);
    if (value !== null) return ok(value);
  }
  return fail(`${showCell(cell)} is not yes or no. ${hint}`);
}

/** Reads text as shown: trimmed, numbers as typed digits, booleans as TRUE/FALSE, dates as yyyy-mm-dd. */
export function readText(cell: unknown): CellRead<string> {
  if (typeof cell === 'string') {
    // Text is most cells of a big sheet: trim once and check for an error only when it could be one.
    const text = cell.trim();
    if (text === '') return BLANK;
    return text.charCodeAt(0) === 35 && isErrorCell(text) ? fail(errorProblem(text)) : ok(text);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'number')
    return Number.isFinite(cell)
      ? ok(String(cell))
      : fail(`${showCell(cell)} is not text. Type plain text.`);
  if (typeof cell === 'boolean') return ok(cell ? 'TRUE' : 'FALSE');
  if (isDateValue(cell) && !isNaN(cell.getTime())) return ok(formatIsoDate(cell));
  return fail('This cell holds a value that is not text. Type plain text.');
}

/** Reads an email address (one person); a name or anything without user@domain is a problem. */
export function readEmail(cell: unknown): CellRead<string> {
  const text = readText(cell);
  if (!text.ok || text.value === null) return text;
  return /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/.test(text.value)
    ? ok(text.value)
    : fail(
        `${showCell(text.value)} is not an email address. Type the person's email such as ana@example.com.`,
      );
}

/**
 * Reads a measured value (a KR's Current or a check-in's Value): a number, or yes/no for binary
 * key results. Number text wins over yes/no words, so "1" and "0" stay numbers.
 */
export function readMeasured(cell: unknown): CellRead<number | boolean> {
  const hint = 'Type a number such as 120, or TRUE/FALSE for a yes-or-no key result.';
  // Numbers and booleans first: they can be neither blank nor an error.
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? ok(cell) : fail(`${showCell(cell)} is not a number. ${hint}`);
  if (typeof cell === 'boolean') return ok(cell);
  if (isBlankCell(cell)) return ok(null);
  if (isErrorCell(cell)) return fail(errorProblem(cell));
  if (typeof cell === 'string') {
    const number = parseNumberText(cell);
    if (number !== null) return ok(number);
    const word = booleanWord(cell);
    if (word !== null) return ok(word);
  }
  if (isDateValue(cell)) return fail(`${showCell(cell)} is a date, not a measured value. ${hint}`);
  return fail(`${showCell(cell)} is not a number or yes/no. ${hint}`);
}

/** Reads an ID: trimmed text; numbers such as 12 become "12". */
export function readId(cell: unknown): CellRead<string> {
  const text = readText(cell);
  if (text.ok || isErrorCell(cell)) return text;
  return fail('This cell holds a value that is not an ID. Type an ID such as O1 or KR-3.');
}

/** The form of an ID used for matching: IDs match trimmed and case-insensitively. */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}

export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}
