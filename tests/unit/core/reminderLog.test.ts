import { describe, expect, it } from 'vitest';
import {
  REMINDER_LOG_HEADER,
  hasReminderLogHeader,
  parseReminderLog,
  reminderLogRecords,
} from '../../../src/workbook/reminderLog';

const time = new Date('2026-11-23T09:20:00Z');

describe('parseReminderLog', () => {
  it('reads rows in any column order and folds outcome and kind', () => {
    const values = [
      ['Recipient', 'Outcome', 'Period', 'Time', 'Key Results', 'Email', 'My notes'],
      [
        'ana@example.com',
        'Sent',
        new Date('2026-11-23T00:00:00Z'),
        time,
        'KR1, KR2',
        'reminder',
        'x',
      ],
      ['lead@example.com', 'deferred: quota', '2026-11-23', time, '', 'Digest', ''],
    ];
    expect(parseReminderLog(values, 'Etc/UTC')).toEqual([
      {
        row: 2,
        time,
        period: '2026-11-23',
        kind: 'reminder',
        recipient: 'ana@example.com',
        keyResultIds: ['KR1', 'KR2'],
        outcome: 'sent',
      },
      {
        row: 3,
        time,
        period: '2026-11-23',
        kind: 'digest',
        recipient: 'lead@example.com',
        keyResultIds: [],
        outcome: 'deferred: quota',
      },
    ]);
  });

  it('reads the period date in the spreadsheet time zone', () => {
    const values = [
      [...REMINDER_LOG_HEADER],
      // Midnight of Monday 23 November in Berlin is 23:00 UTC on the Sunday.
      [time, new Date('2026-11-22T23:00:00Z'), 'reminder', 'ana@example.com', 'KR1', 'sent'],
    ];
    expect(parseReminderLog(values, 'Europe/Berlin')[0]!.period).toBe('2026-11-23');
  });

  it('skips rows it cannot read and returns nothing for a sheet without the header', () => {
    const values = [
      [...REMINDER_LOG_HEADER],
      ['', '', '', '', '', ''],
      [time, '#REF!', '', 'a@x.io', '', 'sent'],
      [time, '2026-11-23', '', 'b@x.io', '', 'sent'],
    ];
    expect(parseReminderLog(values, 'Etc/UTC')).toHaveLength(1);
    expect(parseReminderLog([], 'Etc/UTC')).toEqual([]);
    expect(hasReminderLogHeader([['Time', 'Recipient']])).toBe(false);
  });
});

describe('reminderLogRecords', () => {
  it('makes one record per outcome with the period start and comma-separated KR IDs', () => {
    const periodStart = new Date('2026-11-23T00:00:00Z');
    expect(
      reminderLogRecords(
        [
          {
            kind: 'reminder',
            recipient: 'ana@example.com',
            keyResultIds: ['KR1', 'KR2'],
            outcome: 'sent',
          },
        ],
        time,
        periodStart,
      ),
    ).toEqual([
      {
        time,
        period: periodStart,
        kind: 'reminder',
        recipient: 'ana@example.com',
        keyResultIds: 'KR1, KR2',
        outcome: 'sent',
      },
    ]);
  });

  it('names as many key results as a cell holds, then how many there were, and reads back only the IDs', () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => `KR-${index + 1}-of-the-company`);
    const [record] = reminderLogRecords(
      [{ kind: 'digest', recipient: 'lead@example.com', keyResultIds: ids, outcome: 'sent' }],
      time,
      new Date('2026-11-23T00:00:00Z'),
    );
    const text = record!.keyResultIds as string;
    expect(text.length).toBeLessThan(50_000);
    expect(text).toMatch(/^KR-1-of-the-company, KR-2-of-the-company, .*, … \(10000 in all\)$/);
    const [entry] = parseReminderLog(
      [
        [...REMINDER_LOG_HEADER],
        [time, new Date('2026-11-23T00:00:00Z'), 'digest', 'lead@example.com', text, 'sent'],
      ],
      'Etc/UTC',
    );
    expect(entry!.keyResultIds.length).toBeGreaterThan(1_000);
    expect(entry!.keyResultIds).toEqual(ids.slice(0, entry!.keyResultIds.length));
  });
});
