/**
 * Cell values as the emulator stores them, and how values coming from a script are read.
 */

import type { ZonedParts } from './timezone.js';

/** What a cell holds: Sheets has numbers, text, booleans and dates; '' is an empty cell. */
export type CellValue = string | number | boolean | Date;

/** True for Date objects of any realm (the bundle's vm context has its own Date). */
export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A copy of a cell value owned by the emulator (host-realm Date, never shared with a script). */
export function ownValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDateLike(value)) return new Date(value.getTime());
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return String(value);
}

/** Plain-text number format: values written to such cells are kept as typed, never parsed. */
export const PLAIN_TEXT_FORMAT = '@';

/** What a string written with setValue/setValues becomes, as if a user had typed it. */
export type ParsedEntry = { value: CellValue } | { formula: string };

/** Wall-clock fields a typed date or time names, for the caller to place in the spreadsheet's zone. */
export type TypedMoment = Pick<ZonedParts, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

/** How typed input is read: the spreadsheet's dates, and the year a date without one falls in. */
export interface EntryContext {
  /** The instant the spreadsheet's wall clock shows the moment. */
  moment: (typed: TypedMoment) => Date;
  /** The spreadsheet's current year, asked only when a typed date leaves it out. */
  currentYear: () => number;
}

const DIGITS = String.raw`(?:\d+\.?\d*|\.\d+)`;
const GROUPED = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d*)?`;
const AMOUNT = String.raw`(?:${GROUPED}|${DIGITS})`;
const NUMBER = new RegExp(String.raw`^([+-]?)(\$?)\s*(${AMOUNT}(?:[eE][+-]?\d+)?)(%?)$`);
const SIGNED_CURRENCY = new RegExp(String.raw`^\$\s*([+-])(${AMOUNT})$`);
const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(.+))?$/;
const US_DAY = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?(?:\s+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$|^(\d{1,2})\s*([ap]\.?m\.?)$/i;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = String.raw`([a-z]{3,9})\.?`;
const MONTH_FIRST = new RegExp(String.raw`^${MONTH}[\s-]+(\d{1,2})(?:,?[\s-]+(\d{4}))?$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[\s-]+${MONTH}(?:,?[\s-]+(\d{4}))?$`, 'i');

/**
 * Strings written by a script are read like typed input in the en_US locale, stricter than Sheets
 * where its documentation leaves doubt: every form below converts, with or without spaces around.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED: "parsed exactly as if it were entered into the Google Sheets UI")
 */
export function parseEntry(
  input: unknown,
  numberFormat: string,
  context: EntryContext,
): ParsedEntry {
  const value = ownValue(input);
  // Plain text keeps what is written, apostrophe included: https://support.google.com/docs/answer/56470
  if (typeof value !== 'string' || numberFormat === PLAIN_TEXT_FORMAT) return { value };
  // A leading apostrophe keeps the rest as text and is not stored (typing '0001 keeps the zeros): https://github.com/theoephraim/node-google-spreadsheet/issues/696
  if (value.startsWith("'")) return { value: value.slice(1) };
  // "=1+2" becomes a formula (ValueInputOption USER_ENTERED).
  if (value.startsWith('=') && value.length > 1) return { formula: value };
  const trimmed = value.trim();
  const typed = typedNumber(trimmed) ?? typedBoolean(trimmed) ?? typedDate(trimmed, context);
  if (typed !== null) return { value: typed };
  // Typing + or - before other text starts a formula in the Sheets UI ("-fixed" reads =-fixed).
  if ((value.startsWith('+') || value.startsWith('-')) && value.length > 1)
    return { formula: `=${value}` };
  return { value };
}

/**
 * Numbers: 007 → 7 and "01234" → 1234 (https://github.com/vlucas/sheetquery/issues/20), 1e5,
 * grouped 1,000, currency $5 ("$100.15 becomes a number", ValueInputOption), percents 50% → 0.5.
 */
function typedNumber(text: string): number | null {
  const currency = SIGNED_CURRENCY.exec(text);
  if (currency) return Number(`${currency[1]}${currency[2]!.replace(/,/g, '')}`);
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, sign, , amount, percent] = match;
  const number = Number(`${sign}${amount!.replace(/,/g, '')}`);
  if (!Number.isFinite(number)) return null;
  return percent ? number / 100 : number;
}

/** TRUE/FALSE in any case become booleans ("Sheets will automatically convert the TRUE literal"): https://support.google.com/docs/answer/3093307 */
function typedBoolean(text: string): boolean | null {
  return /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : null;
}

/**
 * Dates ("Mar 1 2016 becomes a date", ValueInputOption): 2026-01-05, 1/5/2026, 1/2 and 5-2 in the
 * current year, Jan 5, 2026, 5 Jan; times (9:30, 5 pm) on Sheets' day 0, 1899-12-30
 * (https://developers.google.com/sheets/api/guides/formats#about_date_time_values); null for text.
 */
function typedDate(text: string, context: EntryContext): Date | null {
  // Every date and time form has a digit; most text has none and skips the patterns below.
  if (!/\d/.test(text)) return null;
  const time = typedTime(text);
  if (time) return context.moment({ year: 1899, month: 12, day: 30, ...time });
  const typed = typedDay(text, context.currentYear);
  if (!typed || !isRealDay(typed.day.year, typed.day.month, typed.day.day)) return null;
  const clock =
    typed.rest === undefined ? { hour: 0, minute: 0, second: 0 } : typedTime(typed.rest.trim());
  return clock ? context.moment({ ...typed.day, ...clock }) : null;
}

/** The calendar day a typed date names (the first form that matches) and any time after it. */
function typedDay(
  text: string,
  currentYear: () => number,
): { day: { year: number; month: number; day: number }; rest?: string } | null {
  const iso = ISO_DAY.exec(text);
  if (iso)
    return {
      day: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) },
      rest: iso[4],
    };
  const us = US_DAY.exec(text);
  if (us)
    return {
      day: { year: fullYear(us[3], currentYear), month: Number(us[1]), day: Number(us[2]) },
      rest: us[4],
    };
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const day = namedMonthDay(monthFirst[1]!, monthFirst[2]!, monthFirst[3], currentYear);
    return day && { day };
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const day = namedMonthDay(dayFirst[2]!, dayFirst[1]!, dayFirst[3], currentYear);
    return day && { day };
  }
  return null;
}

function typedTime(text: string): { hour: number; minute: number; second: number } | null {
  const match = TIME.exec(text);
  if (!match) return null;
  let hour = Number(match[1] ?? match[5]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  const meridiem = (match[4] ?? match[6])?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : null;
}

/** Two-digit years 00–29 are 2000–2029 and 30–99 are 1930–1999, as spreadsheets read them. */
function fullYear(written: string | undefined, currentYear: () => number): number {
  if (written === undefined) return currentYear();
  const year = Number(written);
  return written.length === 4 ? year : year < 30 ? 2000 + year : 1900 + year;
}

function namedMonthDay(
  monthName: string,
  day: string,
  year: string | undefined,
  currentYear: () => number,
): { year: number; month: number; day: number } | null {
  const name = monthName.toLowerCase();
  const month = name === 'sept' ? 8 : MONTHS.findIndex((full) => full.startsWith(name));
  if (month < 0) return null;
  return {
    year: year === undefined ? currentYear() : Number(year),
    month: month + 1,
    day: Number(day),
  };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1;
}
