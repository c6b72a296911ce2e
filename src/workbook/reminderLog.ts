/**
 * The Reminder Log sheet: one row per recipient per reminder run (time, check-in period, kind of
 * email, recipient, key result IDs, outcome). Reading it back tells the next run what was already
 * sent or deferred this period, so nobody is emailed twice for the same period.
 */
import { isoDayOf, localDay } from '../core/checkInPeriod';
import type { LogDraft, ReminderKind, ReminderLogEntry } from '../core/reminders';
import { isDateValue, readDate, readText } from './cells';
import { findColumns, headerKey } from './headers';
import type { TableDef } from './schema';

export const REMINDER_LOG: TableDef = {
  key: 'reminderLog',
  sheetName: 'Reminder Log',
  namedRange: 'OKR_REMINDER_LOG',
  columns: [
    { key: 'time', header: 'Time', kind: 'date', required: true },
    { key: 'period', header: 'Period', kind: 'date', required: true },
    { key: 'kind', header: 'Email', kind: 'text' },
    { key: 'recipient', header: 'Recipient', kind: 'text', required: true },
    { key: 'keyResultIds', header: 'Key Results', kind: 'text' },
    { key: 'outcome', header: 'Outcome', kind: 'text', required: true },
  ],
};

/** The header row a new Reminder Log sheet gets. */
export const REMINDER_LOG_HEADER: readonly string[] = REMINDER_LOG.columns.map(
  (column) => column.header,
);

/** True when the values have a header row with the log's required columns. */
export function hasReminderLogHeader(values: readonly unknown[][]): boolean {
  const header = values[0];
  if (!header || header.every((cell) => headerKey(cell) === '')) return false;
  return findColumns(REMINDER_LOG, header).missing.length === 0;
}

/** Marks the end of a list of key result IDs shortened to fit its cell. */
const MORE_IDS = '…';

/**
 * Log rows from the sheet's values (row 0 is the header). Tolerant: rows it cannot read are
 * skipped, because a damaged log row must never stop reminders; the worst case is one repeat.
 */
export function parseReminderLog(
  values: readonly unknown[][],
  timeZone: string,
): ReminderLogEntry[] {
  if (!hasReminderLogHeader(values)) return [];
  const { columns } = findColumns(REMINDER_LOG, values[0]!);
  const cell = (row: readonly unknown[], key: string): unknown => {
    const index = columns[key];
    return index === undefined ? '' : row[index];
  };
  const text = (row: readonly unknown[], key: string): string => {
    const read = readText(cell(row, key));
    return read.ok ? (read.value ?? '') : '';
  };
  const entries: ReminderLogEntry[] = [];
  for (let index = 1; index < values.length; index++) {
    const row = values[index];
    if (!Array.isArray(row)) continue;
    const period = periodKeyOf(cell(row, 'period'), timeZone);
    const recipient = text(row, 'recipient');
    const outcome = text(row, 'outcome').toLowerCase();
    if (!period || !recipient || !outcome) continue;
    const time = readDate(cell(row, 'time'));
    entries.push({
      row: index + 1,
      time: time.ok ? time.value : null,
      period,
      kind: text(row, 'kind').toLowerCase() === 'digest' ? 'digest' : 'reminder',
      recipient,
      keyResultIds: text(row, 'keyResultIds')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '' && !id.startsWith(MORE_IDS)),
      outcome,
    });
  }
  return entries;
}

/**
 * The Period cell as yyyy-mm-dd. The add-on writes the period's first instant (midnight of the
 * check-in day in the spreadsheet's zone), so a Date is read by its calendar day in that zone;
 * text a person typed is accepted as yyyy-mm-dd.
 */
export function periodKeyOf(value: unknown, timeZone: string): string {
  if (isDateValue(value))
    return Number.isNaN(value.getTime()) ? '' : isoDayOf(localDay(value, timeZone));
  const read = readText(value);
  if (!read.ok || read.value === null) return '';
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(read.value);
  if (!match) return read.value;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** Records for the gateway's appendRows, one per draft; `periodStart` is the period's first instant. */
export function reminderLogRecords(
  drafts: readonly LogDraft[],
  time: Date,
  periodStart: Date,
): Record<string, unknown>[] {
  return drafts.map((entry) => ({
    time,
    period: periodStart,
    kind: kindLabel(entry.kind),
    recipient: entry.recipient,
    keyResultIds: idsForCell(entry.keyResultIds),
    outcome: entry.outcome,
  }));
}

/**
 * A Sheets cell holds at most 50,000 characters, and a digest may name 10,000 key results: past
 * that, the IDs that fit and how many there were. One character is kept for the apostrophe that
 * keeps the text as text.
 */
const MAX_IDS_CHARACTERS = 49_999;

function idsForCell(ids: readonly string[]): string {
  const all = ids.join(', ');
  if (all.length <= MAX_IDS_CHARACTERS) return all;
  const tail = `, ${MORE_IDS} (${ids.length} in all)`;
  let text = ids[0]!.slice(0, MAX_IDS_CHARACTERS - tail.length);
  for (const id of ids.slice(1)) {
    if (text.length + 2 + id.length + tail.length > MAX_IDS_CHARACTERS) break;
    text += `, ${id}`;
  }
  return text + tail;
}

function kindLabel(kind: ReminderKind): string {
  return kind === 'digest' ? 'digest' : 'reminder';
}
