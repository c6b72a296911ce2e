/**
 * Wall-clock readings of instants in a named time zone through Intl (Apps Script's Date methods
 * use the script's zone, not the spreadsheet's), one cached formatter per zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter whose parts are the date and the 24-hour time, to the second, in `timeZone`. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
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
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone name (Apps Script returns IANA names such as Europe/Paris). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
