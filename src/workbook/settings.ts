/**
 * The Settings sheet: Setting / Value rows labelled as in SETTING_LABELS. Labels match ignoring
 * case, spaces and punctuation; blank or unreadable values fall back to defaults (the current
 * calendar quarter, Friday weekly check-ins, …) and unreadable ones are reported as row problems.
 */
import { addDays, startOfDay } from '../core/wallClock';
import { SETTING_LABELS, WEEKDAYS, type OkrSettings, type Weekday } from '../core/settings';
import {
  formatIsoDate,
  isBlankCell,
  isDateValue,
  isErrorCell,
  readBoolean,
  readDate,
  readEmail,
  readNumber,
  readPercent,
  readText,
  showCell,
  type CellRead,
} from './cells';
import { findColumns, headerKey } from './headers';
import type { RowProblem } from './problems';
import { SETTINGS } from './schema';

export interface ParsedSettings {
  settings: OkrSettings;
  problems: RowProblem[];
}

export interface Cycle {
  cycleName: string;
  cycleStart: Date;
  cycleEnd: Date;
}

type SettingKey = keyof OkrSettings;

const ok = <T>(value: T | null): CellRead<T> => ({ ok: true, value });
const fail = <T>(problem: string): CellRead<T> => ({ ok: false, problem });

/** The same calendar day `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(date: Date, months: number): Date {
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const year = new Date(first).getUTCFullYear();
  const month = new Date(first).getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** "2026-Q4" for any day in October–December 2026. */
export function quarterName(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The calendar quarter that holds `date`: "2026-Q4", 2026-10-01 to 2026-12-31. */
export function quarterOf(date: Date): Cycle {
  const cycleStart = new Date(
    Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1),
  );
  return {
    cycleName: quarterName(date),
    cycleStart,
    cycleEnd: addDays(addMonths(cycleStart, 3), -1),
  };
}

/** The start of a quarter named "2026-Q4", "Q4 2026" or "2026 Q4"; null for other names. */
function quarterStartFromName(name: string): Date | null {
  const match =
    /^(\d{4})\s*[-\s]?\s*Q([1-4])$/i.exec(name) ?? /^Q([1-4])\s*[-\s]?\s*(\d{4})$/i.exec(name);
  if (!match) return null;
  const [year, quarter] = /^\d{4}/.test(name) ? [match[1], match[2]] : [match[2], match[1]];
  return new Date(Date.UTC(Number(year), (Number(quarter) - 1) * 3, 1));
}

/** A name for a cycle: the quarter when it is exactly one, else its dates. */
function cycleNameFor(start: Date, end: Date): string {
  const quarter = quarterOf(start);
  return quarter.cycleStart.getTime() === start.getTime() &&
    quarter.cycleEnd.getTime() === end.getTime()
    ? quarter.cycleName
    : `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}

/** The cycle after the current one, of the configured length: what closing a cycle opens. */
export function nextCycle(settings: OkrSettings, today: Date): Cycle {
  const currentEnd = settings.cycleEnd ?? quarterOf(today).cycleEnd;
  const cycleStart = addDays(currentEnd, 1);
  const cycleEnd = addDays(addMonths(cycleStart, settings.cycleLengthMonths), -1);
  return { cycleName: cycleNameFor(cycleStart, cycleEnd), cycleStart, cycleEnd };
}

export function defaultSettings(today: Date): OkrSettings {
  const quarter = quarterOf(today);
  return {
    ...quarter,
    reportDate: startOfDay(today),
    checkInDay: 'Friday',
    checkInPeriodDays: 7,
    reminderHour: 9,
    atRiskGap: 0.1,
    offTrackGap: 0.25,
    minObjectives: 3,
    maxObjectives: 5,
    minKeyResultsPerObjective: 3,
    maxKeyResultsPerObjective: 5,
    digestRecipients: [],
    cycleLengthMonths: 3,
    cycleClosed: false,
  };
}

function readWeekday(cell: unknown): CellRead<Weekday> {
  const text = readText(cell);
  if (!text.ok || text.value === null) return text as CellRead<Weekday>;
  const word = text.value.toLowerCase().replace(/\.$/, '');
  const day =
    word.length >= 3 ? WEEKDAYS.find((name) => name.toLowerCase().startsWith(word)) : undefined;
  return day
    ? ok(day)
    : fail(`${showCell(text.value)} is not a day of the week. Type a day such as Friday.`);
}

function readCheckInPeriod(cell: unknown): CellRead<number> {
  const hint = 'Type 7 for weekly or 14 for fortnightly check-ins.';
  const words: Record<string, number> = {
    weekly: 7,
    week: 7,
    fortnightly: 14,
    biweekly: 14,
    '2 weeks': 14,
    'two weeks': 14,
  };
  if (typeof cell === 'string' && words[cell.trim().toLowerCase()] !== undefined)
    return ok(words[cell.trim().toLowerCase()] ?? 7);
  const days = readNumber(cell);
  if (!days.ok)
    return isErrorCell(cell) ? days : fail(`${showCell(cell)} is not a check-in period. ${hint}`);
  if (days.value === null || days.value === 7 || days.value === 14) return days;
  return fail(`${days.value} days is not a check-in period. ${hint}`);
}

/** An hour of the day from 9, "9:00", "9 am", "5 pm" or a time cell. */
function readHour(cell: unknown): CellRead<number> {
  const hint = 'Type a whole hour from 0 to 23 such as 9.';
  if (isBlankCell(cell)) return ok(null);
  if (isDateValue(cell))
    return isNaN(cell.getTime())
      ? fail(`This cell holds an invalid time. ${hint}`)
      : ok(cell.getUTCHours());
  let hour: number | null = null;
  if (typeof cell === 'number') hour = cell;
  else if (typeof cell === 'string') {
    const match = /^(\d{1,2})(?::00)?\s*(am|pm)?$/i.exec(cell.trim());
    if (match) {
      const written = Number(match[1]);
      const meridiem = match[2]?.toLowerCase();
      hour =
        meridiem === undefined
          ? written
          : written > 12 || written === 0
            ? NaN
            : (written % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  }
  return hour !== null && Number.isInteger(hour) && hour >= 0 && hour <= 23
    ? ok(hour)
    : fail(`${showCell(cell)} is not an hour of the day. ${hint}`);
}

function readGap(cell: unknown): CellRead<number> {
  const gap = readPercent(cell);
  if (!gap.ok || gap.value === null || (gap.value >= 0 && gap.value <= 1)) return gap;
  return fail(`${showCell(cell)} is not a gap between 0% and 100%. Type a percentage such as 10%.`);
}

function readCount(min: number, max: number, what: string) {
  return (cell: unknown): CellRead<number> => {
    const count = readNumber(cell);
    if (!count.ok || count.value === null) return count;
    return Number.isInteger(count.value) && count.value >= min && count.value <= max
      ? count
      : fail(
          `${showCell(cell)} is not a whole number of ${what} from ${min} to ${max}. Type a number such as ${Math.min(Math.max(3, min), max)}.`,
        );
  };
}

/** Emails separated by commas, semicolons, spaces or new lines; every one must be an address. */
function readRecipients(cell: unknown): CellRead<string[]> {
  const text = readText(cell);
  if (!text.ok || text.value === null) return text as CellRead<string[]>;
  const recipients: string[] = [];
  for (const part of text.value.split(/[\s,;]+/).filter((item) => item !== '')) {
    const email = readEmail(part);
    if (!email.ok)
      return fail(
        `${email.problem.replace(/ Type .*$/, '')} Separate email addresses with commas, such as ana@example.com, bo@example.com.`,
      );
    if (email.value !== null) recipients.push(email.value);
  }
  return ok(recipients);
}

const READERS: { [K in SettingKey]: (cell: unknown) => CellRead<NonNullable<OkrSettings[K]>> } = {
  cycleName: readText,
  cycleStart: readDate,
  cycleEnd: readDate,
  reportDate: readDate,
  checkInDay: readWeekday,
  checkInPeriodDays: readCheckInPeriod,
  reminderHour: readHour,
  atRiskGap: readGap,
  offTrackGap: readGap,
  minObjectives: readCount(0, 100, 'objectives'),
  maxObjectives: readCount(1, 100, 'objectives'),
  minKeyResultsPerObjective: readCount(0, 100, 'key results'),
  maxKeyResultsPerObjective: readCount(1, 100, 'key results'),
  digestRecipients: readRecipients,
  cycleLengthMonths: readCount(1, 24, 'months'),
  cycleClosed: readBoolean,
};

/** Label keys: "Check-in Period (days)" also matches "Check-in Period". */
const KEY_BY_LABEL = new Map<string, SettingKey>();
for (const key of Object.keys(SETTING_LABELS) as SettingKey[]) {
  KEY_BY_LABEL.set(headerKey(SETTING_LABELS[key]), key);
  KEY_BY_LABEL.set(headerKey(SETTING_LABELS[key].replace(/\(.*\)/, '')), key);
}

/**
 * Reads the Settings sheet values (row 1 normally holds the Setting / Value header; without it,
 * columns A and B are used from row 1).
 */
export function parseSettings(values: readonly unknown[][], today: Date): ParsedSettings {
  const rows = Array.isArray(values) ? values : [];
  const header = Array.isArray(rows[0]) ? rows[0] : [];
  const { columns, missing } = findColumns(SETTINGS, header);
  const hasHeader = missing.length === 0 && columns.value !== undefined;
  const labelIndex = hasHeader ? (columns.setting ?? 0) : 0;
  const valueIndex = hasHeader ? (columns.value ?? 1) : 1;

  const written: Partial<OkrSettings> = {};
  const rowOf = new Map<SettingKey, number>();
  const problems: RowProblem[] = [];
  const report = (row: number, message: string): void => {
    problems.push({ sheet: SETTINGS.sheetName, row, column: 'Value', message });
  };

  for (let i = hasHeader ? 1 : 0; i < rows.length; i++) {
    const cells = rows[i];
    if (!Array.isArray(cells)) continue;
    const key = KEY_BY_LABEL.get(headerKey(cells[labelIndex]));
    if (key === undefined) continue;
    const row = i + 1;
    const earlier = rowOf.get(key);
    if (earlier !== undefined) {
      problems.push({
        sheet: SETTINGS.sheetName,
        row,
        column: 'Setting',
        message: `${SETTING_LABELS[key]} is already set in row ${earlier}, so this row is ignored. Delete one of the two rows.`,
      });
      continue;
    }
    rowOf.set(key, row);
    const read = READERS[key](cells[valueIndex]);
    if (!read.ok) report(row, `${SETTING_LABELS[key]}: ${read.problem}`);
    else if (read.value !== null) Object.assign(written, { [key]: read.value });
  }

  const settings = { ...defaultSettings(today), ...written };
  completeCycle(settings, written, today);
  checkRanges(settings, (keys, message) => {
    const row = keys.map((key) => rowOf.get(key)).find((written) => written !== undefined);
    report(row ?? 1, message);
  });
  return { settings, problems };
}

/** Fills the cycle fields the sheet left blank from the ones it has. */
function completeCycle(settings: OkrSettings, written: Partial<OkrSettings>, today: Date): void {
  const namedStart =
    written.cycleName === undefined ? null : quarterStartFromName(written.cycleName);
  const start = written.cycleStart ?? namedStart ?? quarterOf(today).cycleStart;
  const lengthMonths =
    written.cycleStart === undefined && namedStart ? 3 : settings.cycleLengthMonths;
  settings.cycleStart = start;
  settings.cycleEnd = written.cycleEnd ?? addDays(addMonths(start, lengthMonths), -1);
  settings.cycleName = written.cycleName ?? cycleNameFor(start, settings.cycleEnd);
}

const asPercent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/**
 * Settings that contradict each other: reported on the row of the first written key, and the
 * defaults used instead.
 */
function checkRanges(
  settings: OkrSettings,
  report: (keys: SettingKey[], message: string) => void,
): void {
  if (settings.cycleStart && settings.cycleEnd && settings.cycleEnd < settings.cycleStart) {
    report(
      ['cycleEnd', 'cycleStart'],
      `Cycle End ${formatIsoDate(settings.cycleEnd)} is before Cycle Start ${formatIsoDate(settings.cycleStart)}. Type an end date after the start.`,
    );
    settings.cycleEnd = addDays(addMonths(settings.cycleStart, settings.cycleLengthMonths), -1);
  }
  if (settings.offTrackGap < settings.atRiskGap) {
    report(
      ['offTrackGap', 'atRiskGap'],
      `Off Track Gap ${asPercent(settings.offTrackGap)} is smaller than At Risk Gap ${asPercent(settings.atRiskGap)}. Type a larger Off Track Gap, such as 25% with an At Risk Gap of 10%.`,
    );
    settings.atRiskGap = 0.1;
    settings.offTrackGap = 0.25;
  }
  const limits = [
    ['minObjectives', 'maxObjectives'],
    ['minKeyResultsPerObjective', 'maxKeyResultsPerObjective'],
  ] as const;
  for (const [minKey, maxKey] of limits) {
    if (settings[maxKey] < settings[minKey]) {
      report(
        [maxKey, minKey],
        `${SETTING_LABELS[maxKey]} ${settings[maxKey]} is below ${SETTING_LABELS[minKey]} ${settings[minKey]}. Type a maximum at least as large as the minimum.`,
      );
      settings[minKey] = 3;
      settings[maxKey] = 5;
    }
  }
}

type SettingCell = string | number | boolean | Date;

/** One [label, value] pair per setting, in SETTING_LABELS order, as the Value cells hold them. */
export function settingPairs(settings: OkrSettings): [string, SettingCell][] {
  return (Object.keys(SETTING_LABELS) as SettingKey[]).map((key) => {
    const value = settings[key];
    return [SETTING_LABELS[key], Array.isArray(value) ? value.join(', ') : (value ?? '')];
  });
}

/** The Setting / Value rows, header first, for a whole Settings sheet. */
export function settingsRows(settings: OkrSettings): SettingCell[][] {
  const header = SETTINGS.columns.map((column) => column.header);
  return [header, ...settingPairs(settings)];
}

/** The [label, value] rows a new workbook starts with (setup appends the ones a sheet lacks). */
export function defaultSettingRows(today: Date): [string, SettingCell][] {
  return settingPairs(defaultSettings(today));
}
