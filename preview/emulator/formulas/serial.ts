/**
 * Sheets keeps dates as serial numbers inside formulas: days since 1899-12-30 on the spreadsheet's
 * wall clock, the time of day as the fraction.
 * https://developers.google.com/sheets/api/guides/formats#about_date_time_values
 */
import { zonedParts, zonedTime } from '../timezone.js';

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateToSerial(date: Date, timeZone: string): number {
  const p = zonedParts(date.getTime(), timeZone);
  const wallClock = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wallClock - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The instant a serial number names on the spreadsheet's wall clock. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wallClock = new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
  return new Date(
    zonedTime(
      timeZone,
      wallClock.getUTCFullYear(),
      wallClock.getUTCMonth() + 1,
      wallClock.getUTCDate(),
      wallClock.getUTCHours(),
      wallClock.getUTCMinutes(),
      wallClock.getUTCSeconds(),
    ),
  );
}
