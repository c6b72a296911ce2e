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
