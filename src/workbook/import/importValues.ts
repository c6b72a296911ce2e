/**
 * Reading the values of a user's OKR sheet the way its team meant them: owners as names, @handles,
 * roles or several in one cell; scores as 0–1 grades, 0–100, "45%", status words or emoji;
 * confidence as words or traffic-light emoji; periods such as "Q1 2026", "FY2026" or "Week 3".
 */
import { isBlankCell, readDate, readNumber } from '../cells';

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

/** An owner as written in one cell, folded for matching (case and spaces). */
export function ownerKey(owner: string): string {
  return owner.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The owners of one cell: "Ana & Bo", "@ana, @bo", "Ana Lima / Head of Sales", "Name <a@x.com>". */
export function ownerTokens(cell: unknown): string[] {
  if (isBlankCell(cell)) return [];
  return String(cell)
    .split(/\s*(?:[,;/&+\n]|\band\b)\s*/i)
    .map((token) => {
      const bracketed = /<([^>]+)>/.exec(token);
      return (bracketed ? bracketed[1]! : token).trim();
    })
    .filter((token) => token !== '');
}

/** True when an owner token is already an email address. */
export function isEmail(token: string): boolean {
  return EMAIL.test(token.trim());
}

/** Status words and emoji that say how far a key result got, as a fraction. */
const DONE_WORDS = new Set([
  'done',
  'complete',
  'completed',
  'achieved',
  'met',
  'yes',
  'shipped',
  '✅',
  '✔',
  '✔️',
  '☑',
  '☑️',
  '💯',
]);
const NOT_STARTED_WORDS = new Set([
  'notstarted',
  'notdone',
  'missed',
  'no',
  'todo',
  '❌',
  '✖',
  '⬜',
  '☐',
]);

/** Words and emoji that carry a confidence but no amount (0–10, as check-ins keep it). */
const CONFIDENCE_WORDS: Record<string, number> = {
  high: 8,
  veryhigh: 9,
  green: 8,
  ontrack: 8,
  '🟢': 8,
  '😀': 8,
  '🙂': 8,
  medium: 5,
  med: 5,
  amber: 5,
  yellow: 5,
  atrisk: 5,
  '🟡': 5,
  '🟠': 5,
  '😐': 5,
  low: 2,
  verylow: 1,
  red: 2,
  offtrack: 2,
  behind: 3,
  '🔴': 2,
  '🙁': 2,
  '😟': 2,
};

const foldWord = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/\ufe0f/g, '');

/**
 * A score or progress cell as a fraction 0–1: a grade 0.6, 60 (out of 100), "60%", "0.6/1.0",
 * or a word (done, ✅ → 1; not started, ❌ → 0). Null for blank and for words that carry no
 * amount (on track, 🟢: see `confidenceOfWord`).
 */
export function readScore(cell: unknown): number | null {
  if (isBlankCell(cell)) return null;
  const text = typeof cell === 'string' ? cell.trim() : '';
  const outOf = /^(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (outOf && Number(outOf[2]) > 0) return clampFraction(Number(outOf[1]) / Number(outOf[2]));
  const number = readNumber(cell);
  if (number.ok && number.value !== null) {
    const value = number.value;
    return clampFraction(Math.abs(value) > 1 ? value / 100 : value);
  }
  const word = foldWord(text);
  if (DONE_WORDS.has(word) || DONE_WORDS.has(text)) return 1;
  if (NOT_STARTED_WORDS.has(word) || NOT_STARTED_WORDS.has(text)) return 0;
  return null;
}

function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * A confidence cell on the 0–10 scale: numbers 0–10 as they are (0–1 and 11–100 scaled), or
 * High/Medium/Low, green/amber/red, on track/at risk/off track and 🟢🟡🔴. Null when it is none.
 */
export function readConfidence(cell: unknown): number | null {
  if (isBlankCell(cell)) return null;
  const number = readNumber(cell);
  if (number.ok && number.value !== null) {
    const value = number.value;
    if (value >= 0 && value <= 1 && !Number.isInteger(value)) return Math.round(value * 10);
    if (value >= 0 && value <= 10) return Math.round(value);
    if (value > 10 && value <= 100) return Math.round(value / 10);
    return null;
  }
  return confidenceOfWord(String(cell));
}

/** The confidence a status word or emoji carries (🟢 → 8, at risk → 5, red → 2), or null. */
export function confidenceOfWord(text: string): number | null {
  const word = foldWord(text);
  if (word in CONFIDENCE_WORDS) return CONFIDENCE_WORDS[word]!;
  // A cell such as "🟢 On track" or "Green - fine": its first word decides.
  const first = foldWord(text.trim().split(/[\s:–—-]+/)[0] ?? '');
  return first in CONFIDENCE_WORDS ? CONFIDENCE_WORDS[first]! : null;
}

/** A period of OKRs: a quarter, a half, a year, or a label the import keeps as written. */
export interface Period {
  /** The cycle name as our Settings and Objectives write it: "2026 Q1", "2026". */
  label: string;
  /** First and last calendar day; null for a label that names no dates ("Sprint 7"). */
  start: Date | null;
  end: Date | null;
}

/** A wall-clock calendar day (src/core/wallClock.ts); days beyond the month roll over. */
const day = (year: number, month: number, date: number): Date =>
  new Date(Date.UTC(year, month - 1, date));

function span(label: string, year: number, firstMonth: number, months: number): Period {
  return { label, start: day(year, firstMonth, 1), end: day(year, firstMonth + months, 0) };
}

/** "Q1 2026", "2026-Q1", "Q1 FY26", "H2 2026", "FY2026", "2026"; null when the text is no period. */
export function readPeriod(cell: unknown, fallbackYear?: number): Period | null {
  if (isBlankCell(cell)) return null;
  const text = String(cell).trim();
  const yearOf = (digits: string | undefined): number | null => {
    if (digits === undefined) return fallbackYear ?? null;
    const value = Number(digits);
    return digits.length === 2 ? 2000 + value : value;
  };
  const quarter =
    /^(?:fy\s*)?(\d{4}|\d{2})?[\s_-]*q([1-4])(?:[\s_-]*(?:fy\s*)?(\d{4}|\d{2}))?(?:\s+okrs?)?$/i.exec(
      text,
    ) ?? /^q([1-4])$/i.exec(text);
  if (quarter) {
    const [q, y] =
      quarter.length === 2 ? [quarter[1]!, undefined] : [quarter[2]!, quarter[1] ?? quarter[3]];
    const year = yearOf(y);
    if (year === null) return null;
    return span(`${year} Q${q}`, year, (Number(q) - 1) * 3 + 1, 3);
  }
  const half = /^(?:(\d{4})[\s_-]*)?h([12])(?:[\s_-]*(\d{4}))?$/i.exec(text);
  if (half) {
    const year = yearOf(half[1] ?? half[3]);
    if (year === null) return null;
    return span(`${year} H${half[2]}`, year, half[2] === '1' ? 1 : 7, 6);
  }
  const annual = /^(?:fy\s*|year\s*)?(\d{4})(?:\s+okrs?)?$/i.exec(text);
  if (annual) {
    const year = Number(annual[1]);
    return span(String(year), year, 1, 12);
  }
  return null;
}

/** True when `outer` covers `inner` (an annual period covers its quarters). */
export function periodCovers(outer: Period, inner: Period): boolean {
  if (outer.label === inner.label) return true;
  if (!outer.start || !outer.end || !inner.start || !inner.end) return false;
  return outer.start <= inner.start && outer.end >= inner.end && outer.end > inner.start;
}

/**
 * The calendar day an update log row stands for: its date, or the end of the period it names
 * ("2026-01" → Jan 31, "Week 3" → the fifth day of the cycle's third week, "Q1 2026" → Mar 31).
 */
export function updateDay(cell: unknown, cycle: Period | null): Date | null {
  const date = readDate(cell);
  if (date.ok && date.value !== null) return date.value;
  if (typeof cell === 'number' || isBlankCell(cell)) return null;
  const text = String(cell).trim();
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) return day(Number(month[1]), Number(month[2]) + 1, 0);
  const week = /^(?:week|wk|w)\s*(\d{1,2})$/i.exec(text);
  if (week && cycle?.start) {
    const start = cycle.start;
    return day(
      start.getUTCFullYear(),
      start.getUTCMonth() + 1,
      start.getUTCDate() + (Number(week[1]) - 1) * 7 + 4,
    );
  }
  const isoWeek = /^(\d{4})-?w(\d{1,2})$/i.exec(text);
  if (isoWeek) {
    // ISO week 1 holds January 4th; its Friday is the day the update stands for.
    const jan4 = day(Number(isoWeek[1]), 1, 4);
    const monday = jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7);
    return day(Number(isoWeek[1]), 1, monday + (Number(isoWeek[2]) - 1) * 7 + 4);
  }
  const period = readPeriod(text, cycle?.start?.getUTCFullYear());
  return period?.end ?? null;
}
