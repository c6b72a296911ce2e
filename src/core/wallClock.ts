/**
 * Dates inside the add-on are wall-clock readings in the spreadsheet's time zone, held in a
 * Date's UTC fields: a date cell (midnight of its day in the spreadsheet's zone) becomes that day
 * at 00:00 UTC, a timestamp its local time. Calendar arithmetic then needs no zone and no
 * daylight-saving care, whatever zone the script runs in; the sheet gateway converts on every
 * read and write, since Sheets hands scripts instants and Apps Script's local Date methods use
 * the script's zone, not the spreadsheet's.
 */
import { formatterFor, isKnownTimeZone } from './zoneFormatter';

const MS_PER_DAY = 86_400_000;

/** Zones without an offset: nothing to convert. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'Etc/Universal']);

/** The zone's offset from UTC at an instant, in ms (east positive, to the second). */
function offsetMs(instant: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant)))
    fields[part.type] = part.value;
  const asUtc = new Date(0);
  // setUTCFullYear keeps years 0–99 as written (Date.UTC would read them as 1900–1999).
  asUtc.setUTCFullYear(Number(fields.year), Number(fields.month) - 1, Number(fields.day));
  asUtc.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second));
  return asUtc.getTime() - (instant - (((instant % 1000) + 1000) % 1000));
}

/** True when dates need converting between the zone and wall-clock readings. */
function hasOffset(timeZone: string): boolean {
  return !UTC_ZONES.has(timeZone) && isKnownTimeZone(timeZone);
}

/** The wall-clock reading, in the zone, of an instant. */
export function wallClockOf(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  if (Number.isNaN(ms) || !hasOffset(timeZone)) return new Date(ms);
  return new Date(ms + offsetMs(ms, timeZone));
}

/**
 * The instant the zone's clock reads `wallClock`: what a date cell holds. A time skipped by a
 * daylight-saving change (midnight in some zones) moves to the first instant after it, on the
 * same day.
 */
export function instantOf(wallClock: Date, timeZone: string): Date {
  const ms = wallClock.getTime();
  if (Number.isNaN(ms) || !hasOffset(timeZone)) return new Date(ms);
  // The offsets a day before and after cover any daylight-saving change around the time.
  const before = ms - offsetMs(ms - MS_PER_DAY, timeZone);
  const after = ms - offsetMs(ms + MS_PER_DAY, timeZone);
  const reads = (instant: number): boolean => instant + offsetMs(instant, timeZone) === ms;
  if (reads(before)) return new Date(before);
  if (reads(after)) return new Date(after);
  // In a gap the old offset lands just after it, still on the same day.
  return new Date(before);
}

/** Replaces, in place, every Date cell of sheet values by its wall-clock reading. */
export function cellsToWallClock(values: unknown[][], timeZone: string): unknown[][] {
  if (!hasOffset(timeZone)) return values;
  for (const row of values)
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell instanceof Date) row[c] = wallClockOf(cell, timeZone);
    }
  return values;
}

/** Rows to write with every Date (a wall-clock reading) turned into the instant Sheets stores. */
export function cellsToInstants<T>(
  rows: readonly (readonly T[])[],
  timeZone: string,
): readonly (readonly T[])[] {
  if (!hasOffset(timeZone)) return rows;
  // Only rows holding a date are copied: a close writes thousands of rows with few dates.
  return rows.map((row) =>
    row.some((cell) => cell instanceof Date)
      ? row.map((cell) => (cell instanceof Date ? (instantOf(cell, timeZone) as T) : cell))
      : row,
  );
}

/** True when any cell of the rows is a Date (so the zone is needed at all). */
export function holdsDate(rows: readonly (readonly unknown[])[]): boolean {
  return rows.some((row) => row.some((cell) => cell instanceof Date));
}

/** Midnight at the start of a wall-clock date's calendar day. */
export function startOfDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MS_PER_DAY) * MS_PER_DAY);
}

/** The calendar day `days` after `date`, at midnight (wall-clock days are all 24 hours long). */
export function addDays(date: Date, days: number): Date {
  return new Date(startOfDay(date).getTime() + days * MS_PER_DAY);
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, as WEEKDAYS counts. */
export function weekdayOf(date: Date): number {
  return date.getUTCDay();
}

/** The zone to hand zone-aware helpers (src/core/checkInPeriod.ts) for wall-clock dates. */
export const WALL_CLOCK_ZONE = 'Etc/UTC';
