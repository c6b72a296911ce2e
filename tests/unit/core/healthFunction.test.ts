import { describe, expect, it } from 'vitest';
import { HEALTH_HEADER } from '../../../src/core/health';
import { okrHealth } from '../../../src/functions/health';
import { cleanWorkbook, seededWorkbook } from './healthFixtures';

describe('OKRHEALTH', () => {
  it('returns the header and a no-red-flags row for a clean workbook', () => {
    const book = cleanWorkbook();
    const table = okrHealth(book.objectives, book.keyResults, book.checkIns, book.asOf);
    expect(table).toEqual([
      [...HEALTH_HEADER],
      ['No red flags found', '', '', '', 'The OKRs pass every health check.', ''],
    ]);
  });

  it('lists the red flags it can see from its arguments', () => {
    const book = seededWorkbook();
    const table = okrHealth(book.objectives, book.keyResults, book.checkIns, book.asOf);
    const titles = table.slice(1).map((row) => row[0]);
    expect(titles).toContain('Stuck key result');
    expect(titles).toContain('Committed objectives not fully met');
    expect(titles).not.toContain('Key results with no initiative');
  });

  it('with a blank check_ins, finds missed check-ins from Last Check-in and leaves out the flags read from check-in rows', () => {
    const book = seededWorkbook();
    // Each key result's latest check-in on its row, as a save leaves it.
    const latest = new Map<unknown, Date>();
    for (const [timestamp, id] of book.checkIns.slice(1) as [Date, string][]) {
      if (!latest.has(id) || latest.get(id)!.getTime() < timestamp.getTime())
        latest.set(id, timestamp);
    }
    const keyResults = book.keyResults.map((row, index) =>
      index === 0 ? [...row, 'Last Check-in'] : [...row, latest.get(row[0]) ?? ''],
    );
    const flags = (table: string[][]) => table.slice(1).map((row) => `${row[0]}: ${row[2]}`);
    const withHistory = flags(okrHealth(book.objectives, keyResults, book.checkIns, book.asOf));
    const withoutHistory = flags(okrHealth(book.objectives, keyResults, '', book.asOf));
    const fromCheckInRows = [
      'Stuck key result',
      'Check-ins without commentary',
      'No learnings captured',
      'Will miss at this pace',
    ];
    expect(withoutHistory).toEqual(
      withHistory.filter((flag) => !fromCheckInRows.some((title) => flag.startsWith(title))),
    );
    expect(withoutHistory).toContain('Missed check-ins: C2.2');
  });

  it('accepts ISO date text and an empty check-ins cell', () => {
    const book = cleanWorkbook();
    const table = okrHealth(book.objectives, book.keyResults, '', '2026-10-02');
    expect(table[0]).toEqual([...HEALTH_HEADER]);
  });

  it('explains a blank as_of', () => {
    const book = cleanWorkbook();
    expect(() => okrHealth(book.objectives, book.keyResults, book.checkIns, '')).toThrow(
      /as_of is blank/,
    );
  });

  it('explains a missing required column', () => {
    const book = cleanWorkbook();
    const noIds = book.objectives.map((row) => row.slice(1));
    expect(() => okrHealth(noIds, book.keyResults, book.checkIns, book.asOf)).toThrow(
      /"ID" column/,
    );
  });
});
