/**
 * Check-in periods in the spreadsheet's time zone. A period starts at midnight on the check-in
 * day and lasts `checkInPeriodDays` days; reminders for it go out on its first day. Apps Script
 * runs the script in its own time zone, so local calendar days are computed with Intl for the
 * spreadsheet's zone instead of Date's local getters.
 */
import { WEEKDAYS, type OkrSettings } from './settings';
import { formatterFor } from './zoneFormatter';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** A moment as a wall clock in some time zone shows it. */
export interface ZonedTime {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export interface CheckInPeriod {
  /** The local date the period starts on, yyyy-mm-dd; the Reminder Log's Period column. */
  key: string;
  /** First instant of the period (local midnight of the check-in day). */
  start: Date;
  /** First instant of the next period. */
  end: Date;
  /** True when `now` falls on the period's first day, the day reminders go out. */
  isCheckInDay: boolean;
}

export type PeriodSettings = Pick<OkrSettings, 'checkInDay' | 'checkInPeriodDays' | 'cycleStart'>;

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedTime(instant: Date, timeZone: string): ZonedTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const day = Math.round(Date.UTC(parts.year!, parts.month! - 1, parts.day!) / MS_PER_DAY);
  return { day, hour: parts.hour!, minute: parts.minute!, weekday: (day + 4) % 7 };
}

/** The instant a local wall-clock time occurs in `timeZone` (first occurrence around DST shifts). */
export function zonedInstant(day: number, hour: number, timeZone: string): Date {
  const wallClock = day * MS_PER_DAY + hour * 60 * MS_PER_MINUTE;
  let instant = wallClock;
  // Two corrections settle on the offset in force at that wall-clock time.
  for (let step = 0; step < 2; step++) {
    instant = wallClock - offsetMs(new Date(instant), timeZone);
  }
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const local = zonedTime(instant, timeZone);
  const wallClock = local.day * MS_PER_DAY + (local.hour * 60 + local.minute) * MS_PER_MINUTE;
  const flooredInstant = Math.floor(instant.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE;
  return wallClock - flooredInstant;
}

/** yyyy-mm-dd of a local day number. */
export function isoDayOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Local day number of a date cell's value in the spreadsheet's zone. */
export function localDay(date: Date, timeZone: string): number {
  return zonedTime(date, timeZone).day;
}

/**
 * The day periods are counted from: the first check-in day on or after the cycle start, so that
 * fortnightly periods line up with the cycle; without a cycle start, any check-in day will do.
 */
function anchorDay(settings: PeriodSettings, timeZone: string): number {
  const checkInWeekday = WEEKDAYS.indexOf(settings.checkInDay);
  const from = settings.cycleStart ? localDay(settings.cycleStart, timeZone) : 0;
  const weekdayOfFrom = (from + 4) % 7;
  return from + ((checkInWeekday - weekdayOfFrom + 7) % 7);
}

function periodLength(settings: PeriodSettings): number {
  const days = Math.round(settings.checkInPeriodDays);
  return Number.isFinite(days) && days >= 1 ? days : 7;
}

/** The check-in period `now` falls in. */
export function checkInPeriodAt(
  now: Date,
  settings: PeriodSettings,
  timeZone: string,
): CheckInPeriod {
  const length = periodLength(settings);
  const anchor = anchorDay(settings, timeZone);
  const today = zonedTime(now, timeZone).day;
  const startDay = anchor + Math.floor((today - anchor) / length) * length;
  return periodFromStartDay(startDay, length, today, timeZone);
}

/** The period just before `period`, used by the digest to report missed check-ins. */
export function previousPeriod(
  period: CheckInPeriod,
  settings: PeriodSettings,
  timeZone: string,
): CheckInPeriod {
  const length = periodLength(settings);
  const startDay = zonedTime(period.start, timeZone).day - length;
  return periodFromStartDay(startDay, length, Number.NaN, timeZone);
}

function periodFromStartDay(
  startDay: number,
  length: number,
  today: number,
  timeZone: string,
): CheckInPeriod {
  return {
    key: isoDayOf(startDay),
    start: zonedInstant(startDay, 0, timeZone),
    end: zonedInstant(startDay + length, 0, timeZone),
    isCheckInDay: today === startDay,
  };
}

/**
 * When the daily trigger next sends reminders: the next check-in day at the reminder hour
 * (today's, if that hour is still ahead). Triggers fire at a random minute within the hour.
 */
export function nextReminderAt(
  now: Date,
  settings: PeriodSettings & Pick<OkrSettings, 'reminderHour'>,
  timeZone: string,
): Date {
  const length = periodLength(settings);
  const period = checkInPeriodAt(now, settings, timeZone);
  const startDay = zonedTime(period.start, timeZone).day;
  const todaysRun = zonedInstant(startDay, settings.reminderHour, timeZone);
  if (period.isCheckInDay && todaysRun.getTime() >= now.getTime() - 60 * MS_PER_MINUTE)
    return todaysRun;
  return zonedInstant(startDay + length, settings.reminderHour, timeZone);
}
