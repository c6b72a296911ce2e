/**
 * The spreadsheet's calendar for suites that run in several zones: vitest.config.ts gives each
 * project a spreadsheet zone through OKR_SPREADSHEET_TIME_ZONE, which the emulator takes as its
 * default, so tests set clocks and date cells as the spreadsheet's wall clock reads them and
 * compare calendar days, never raw instants.
 */
import { wallClockInstant, zonedParts } from '../../preview/emulator/timezone.js';

/** The zone an emulator made without one gets for its spreadsheet (as preview/emulator/index.ts). */
export const SPREADSHEET_TIME_ZONE =
  process.env.OKR_SPREADSHEET_TIME_ZONE ?? process.env.OKR_SCRIPT_TIME_ZONE ?? 'Etc/UTC';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant the spreadsheet's clock reads `wallClock`: `2026-11-23T10:00`, or a day
 * (`2026-11-23`) for the midnight a date cell holds.
 */
export function onSpreadsheetClock(wallClock: string, timeZone = SPREADSHEET_TIME_ZONE): Date {
  const fields = WALL_CLOCK.exec(wallClock);
  if (!fields) throw new Error(`"${wallClock}" is not a wall-clock time such as 2026-11-23T10:00.`);
  const [year, month, day, hour, minute, second] = fields
    .slice(1)
    .map((field) => Number(field ?? 0));
  const utcFields = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  return new Date(wallClockInstant(utcFields, timeZone));
}

/** The calendar day (yyyy-mm-dd) the spreadsheet shows for an instant (a Date, ms or ISO text). */
export function spreadsheetDay(
  instant: Date | number | string,
  timeZone = SPREADSHEET_TIME_ZONE,
): string {
  const parts = zonedParts(new Date(instant).getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** The weekday (0 = Sunday) the spreadsheet's clock shows at an instant. */
export function spreadsheetWeekday(
  instant: Date | number,
  timeZone = SPREADSHEET_TIME_ZONE,
): number {
  return zonedParts(new Date(instant).getTime(), timeZone).weekday;
}
