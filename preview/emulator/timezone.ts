/**
 * Wall-clock arithmetic in a named time zone with Intl only (no date library in the emulator).
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Recent results: date columns repeat a few dates many times, and formatToParts is slow. */
const partsCache = new Map<string, ZonedParts>();
const PARTS_CACHE_SIZE = 10_000;

/** The wall-clock fields of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const cacheKey = `${timeZone}|${ms}`;
  const cached = partsCache.get(cacheKey);
  if (cached) return { ...cached };
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    fields[part.type] = part.value;
  }
  const parts: ZonedParts = {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(fields.weekday ?? ''),
  };
  if (partsCache.size >= PARTS_CACHE_SIZE) partsCache.clear();
  partsCache.set(cacheKey, parts);
  return { ...parts };
}

/** The offset of the zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - ms) / 60_000);
}

/** The instant at which the wall clock of a zone shows the given fields (month 1-12). */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return wallClockInstant(Date.UTC(year, month - 1, day, hour, minute, second), timeZone);
}

/** The instant at which the zone's wall clock reads `wallClock` (given as UTC fields). */
export function wallClockInstant(wallClock: number, timeZone: string): number {
  // Two passes settle the offset across a daylight-saving change.
  let ms = wallClock - zoneOffsetMinutes(wallClock, timeZone) * 60_000;
  ms = wallClock - zoneOffsetMinutes(ms, timeZone) * 60_000;
  return ms;
}

/**
 * The instant at which `to`'s wall clock reads what `from`'s read at `ms`: a date cell's day kept
 * (its serial number in Sheets) when it moves to another zone.
 */
export function sameWallClock(ms: number, from: string, to: string): number {
  if (from === to) return ms;
  return wallClockInstant(ms + zoneOffsetMinutes(ms, from) * 60_000, to);
}
