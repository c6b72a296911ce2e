/**
 * Display values: how a cell's value reads under its number format. Good enough for the formats
 * the add-on uses, not a full implementation of Sheets' format language:
 * - percent `0%`, `0.0%`, `0.00%`; fixed decimals `0`, `0.0`, `0.00`; grouping `#,##0`, `#,##0.00`;
 *   quoted literals such as `0.0" pts"`;
 * - dates and times with the tokens yyyy, yy, mmmm, mmm, mm, m, dddd, ddd, dd, d, hh, h, mm
 *   (minutes after h or before s), ss, AM/PM — e.g. `yyyy-mm-dd`, `d mmm yyyy`;
 * - `@` (plain text) and the default (`General`/blank): numbers with up to 10 significant
 *   digits, TRUE/FALSE, dates as `yyyy-mm-dd` (plus ` hh:mm:ss` when not midnight).
 * Dates display in the spreadsheet's time zone.
 * https://developers.google.com/sheets/api/guides/formats
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from './dateNames.js';
import { zonedParts } from './timezone.js';
import type { CellValue } from './values.js';

/** Sheets' serial day 0 (1899-12-30): numbers under a date format count days from it. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function displayValue(
  value: CellValue,
  numberFormat: string | undefined,
  timeZone: string,
): string {
  const format = (numberFormat ?? '').trim();
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (format === '' || /^general$/i.test(format) || format === '@')
    return defaultDisplay(value, timeZone);
  if (isDateFormat(format)) {
    if (value instanceof Date) return formatDate(value.getTime(), format, timeZone);
    if (typeof value === 'number')
      return formatDate(SERIAL_EPOCH_MS + value * 86_400_000, format, 'Etc/UTC');
    return value;
  }
  if (typeof value === 'number') return formatNumber(value, format);
  return defaultDisplay(value, timeZone);
}

function defaultDisplay(value: CellValue, timeZone: string): string {
  if (value instanceof Date) {
    const p = zonedParts(value.getTime(), timeZone);
    const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return p.hour || p.minute || p.second
      ? `${date} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
      : date;
  }
  if (typeof value === 'number') return String(Number(value.toPrecision(10)));
  return String(value);
}

function isDateFormat(format: string): boolean {
  return /[ydhs]|m{3,}/i.test(format.replace(/"[^"]*"/g, ''));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a number with `0`, `#`, `,`, `.`, `%` and quoted literals (first section only). */
function formatNumber(value: number, format: string): string {
  const section = format.split(';')[0] ?? '';
  const pattern = section.replace(/"[^"]*"/g, '');
  const numeric = /([#0,]+)(\.([0#]+))?/.exec(pattern);
  if (!numeric) return defaultDisplay(value, 'Etc/UTC');
  const percent = pattern.includes('%');
  // 0 is a digit always shown, # one shown only when not a trailing zero.
  const fractionPattern = numeric[3] ?? '';
  const maxDecimals = fractionPattern.length;
  const minDecimals = fractionPattern.replace(/#/g, '').length;
  const grouped = numeric[1]!.includes(',');
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(maxDecimals);
  const [whole, rawFraction = ''] = fixed.split('.');
  let fraction = rawFraction;
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const wholeText = grouped ? whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole!;
  const sign = scaled < 0 && Number(fixed) !== 0 ? '-' : '';
  const number = `${sign}${wholeText}${fraction ? `.${fraction}` : ''}`;
  // The first numeric token takes the number; literals lose their quotes; the % sign stays.
  let placed = false;
  return section.replace(
    /"([^"]*)"|[#0,]+(\.[0#]+)?/g,
    (_token: string, literal: string | undefined) => {
      if (literal !== undefined) return literal;
      if (placed) return '';
      placed = true;
      return number;
    },
  );
}

/** Formats an instant with Sheets date tokens in a time zone. */
function formatDate(ms: number, format: string, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const tokens =
    format.match(/"[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|./gi) ?? [];
  const hasAmPm = tokens.some((token) => /^am\/pm$/i.test(token));
  const lower = tokens.map((token) => token.toLowerCase());
  return tokens
    .map((token, i) => {
      const t = lower[i]!;
      if (token.startsWith('"')) return token.slice(1, -1);
      if (t === 'm' || t === 'mm') {
        // m/mm means minutes right after an hour token or right before a seconds token.
        const previous = lower
          .slice(0, i)
          .reverse()
          .find((x) => /^[a-z]/.test(x) && x !== ':');
        const next = lower.slice(i + 1).find((x) => /^[a-z]/.test(x));
        const minutes =
          (previous !== undefined && /^h/.test(previous)) ||
          (next !== undefined && /^s/.test(next));
        const n = minutes ? p.minute : p.month;
        return t === 'mm' ? pad(n) : String(n);
      }
      switch (t) {
        case 'yyyy':
          return String(p.year);
        case 'yy':
          return pad(p.year % 100);
        case 'mmmm':
          return MONTH_NAMES[p.month - 1]!;
        case 'mmm':
          return MONTH_NAMES[p.month - 1]!.slice(0, 3);
        case 'dddd':
          return WEEKDAY_NAMES[p.weekday]!;
        case 'ddd':
          return WEEKDAY_NAMES[p.weekday]!.slice(0, 3);
        case 'dd':
          return pad(p.day);
        case 'd':
          return String(p.day);
        case 'hh':
          return pad(hasAmPm ? twelveHour(p.hour) : p.hour);
        case 'h':
          return String(hasAmPm ? twelveHour(p.hour) : p.hour);
        case 'ss':
          return pad(p.second);
        case 's':
          return String(p.second);
        case 'am/pm':
          return p.hour < 12 ? 'AM' : 'PM';
        default:
          return token;
      }
    })
    .join('');
}

function twelveHour(hour: number): number {
  return hour % 12 === 0 ? 12 : hour % 12;
}
