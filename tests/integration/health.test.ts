/**
 * Check OKR health in the emulator: a workbook seeded with every red flag gets a Health sheet that
 * lists each one; a clean workbook gets none. Also OKRHEALTH as a formula.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index.js';
import type { Emulator } from '../../preview/emulator/index.js';
import { cleanWorkbook, seededWorkbook, SEEDED_FLAGS } from '../unit/core/healthFixtures';
import { SHEETS, workbookOf } from './healthWorkbook';

beforeAll(buildBundle);

function healthSheet(emulator: Emulator): unknown[][] {
  return emulator.uncounted(
    () => emulator.spreadsheet.getSheetByName('Health')!.getDataRange().getValues() as unknown[][],
  );
}

describe('Check OKR health in the emulator', () => {
  it('lists every planted red flag on the Health sheet with the rows concerned', () => {
    const emulator = workbookOf(seededWorkbook());
    emulator.call('checkOkrHealth');
    const rows = healthSheet(emulator);
    expect(rows[0]![0]).toBe('OKR Health Check');
    const header = rows.findIndex((row) => row[0] === 'Red flag');
    const table = rows.slice(header + 1).filter((row) => row[0] !== '');
    const concerns = table.map((row) => `${row[0]} | ${row[2]}`).join('\n');
    for (const [flag, ids] of Object.entries(SEEDED_FLAGS)) {
      for (const id of ids) expect(concerns, `${flag} names ${id}`).toContain(id);
    }
    expect(rows[2]).toEqual(expect.arrayContaining(['Red flags', table.length]));
    expect(new Set(table.map((row) => row[0])).size).toBeGreaterThanOrEqual(
      Object.keys(SEEDED_FLAGS).length - 2,
    );
  });

  it('keeps every cell of the Health sheet within the 50,000 characters a cell holds, for 2,000 orphaned objectives', () => {
    const book = cleanWorkbook();
    for (let index = 1; index <= 2_000; index++)
      book.objectives.push([
        `T${index}`,
        `Team objective ${index}`,
        'lead@example.com',
        'Teams',
        '2026 Q4',
        `COMPANY-${index}`,
        'committed',
      ]);
    const emulator = workbookOf(book);
    emulator.call('checkOkrHealth');
    const rows = healthSheet(emulator);
    const orphans = rows.find((row) => row[0] === 'Parent objective not found')!;
    expect(orphans[4]).toMatch(
      /^T1 names parent COMPANY-1, which is not an objective ID; .*; T12 names parent COMPANY-12, which is not an objective ID … \(2000 in all\)\.$/,
    );
    const longest = Math.max(...rows.flat().map((cell) => String(cell).length));
    expect(longest).toBeLessThanOrEqual(50_000);
  });

  it('shows a summary dialog naming the red flags', () => {
    const emulator = workbookOf(seededWorkbook());
    emulator.call('checkOkrHealth');
    const page = emulator.ui.pages.at(-1)!;
    expect(page.kind).toBe('modalDialog');
    expect(page.output.getContent()).toContain('Stuck key result');
    expect(page.output.getContent()).toContain('Money pit (high effort, low impact)');
  });

  it('finds no red flag in a clean workbook', () => {
    const emulator = workbookOf(cleanWorkbook());
    emulator.call('checkOkrHealth');
    const rows = healthSheet(emulator);
    expect(rows[2]).toEqual(expect.arrayContaining(['Red flags', 0]));
    expect(rows.some((row) => row[0] === 'No red flags found')).toBe(true);
    expect(emulator.ui.pages.at(-1)!.output.getContent()).toContain('No red flags');
  });

  it('never touches the user tables and rebuilds its own sheet in place', () => {
    const emulator = workbookOf(seededWorkbook());
    const tables = () =>
      emulator.uncounted(() =>
        JSON.stringify(
          SHEETS.map(([name]) =>
            emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues(),
          ),
        ),
      );
    const before = tables();
    emulator.call('checkOkrHealth');
    const first = healthSheet(emulator);
    emulator.call('checkOkrHealth');
    expect(healthSheet(emulator)).toEqual(first);
    expect(tables()).toBe(before);
  });

  it('refuses a small Health sheet of the user’s and keeps every cell of it', () => {
    const emulator = workbookOf(seededWorkbook());
    emulator.uncounted(() => {
      emulator.workbook.addSheet('Health', undefined, 3, 2);
      emulator.spreadsheet
        .getSheetByName('Health')!
        .getRange(1, 1, 2, 2)
        .setValues([
          ['Our own health notes', '007'],
          ['=not a formula', '50%'],
        ]);
    });
    const sheetNames = () =>
      emulator.uncounted(() => emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()));
    const names = sheetNames();
    const before = JSON.stringify(emulator.workbook.sheetByName('Health'));
    expect(() => emulator.call('checkOkrHealth')).toThrow(
      /A sheet named "Health" already exists and was not made by OKR Cadence/,
    );
    expect(JSON.stringify(emulator.workbook.sheetByName('Health'))).toBe(before);
    expect(sheetNames()).toEqual(names);
  });

  it('escapes cell text in the summary dialog', () => {
    const book = seededWorkbook();
    book.kpis[1]![0] = '<img src=x onerror=alert(1)>';
    const emulator = workbookOf(book);
    emulator.call('checkOkrHealth');
    const rows = healthSheet(emulator);
    expect(rows.some((row) => String(row[2]).includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(emulator.ui.pages.at(-1)!.output.getContent()).not.toContain('<img');
  });

  it('makes the same service calls however many check-ins the workbook holds', () => {
    const calls = (copies: number): Record<string, number> => {
      const book = cleanWorkbook();
      const [header, ...checkIns] = book.checkIns;
      book.checkIns = [header!, ...Array.from({ length: copies }, () => checkIns).flat()];
      const emulator = workbookOf(book);
      emulator.calls.reset();
      emulator.call('checkOkrHealth');
      return emulator.calls.snapshot();
    };
    const small = calls(1);
    expect(small['Range.getValues']).toBeGreaterThan(0);
    expect(small['Range.setValues']).toBe(1);
    expect(calls(20)).toEqual(small);
  });

  it('computes OKRHEALTH as a formula over the named tables', () => {
    const book = seededWorkbook();
    const emulator = workbookOf(book);
    const formulas = attachFormulaEvaluator(emulator);
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.insertSheet('Formulas');
      sheet
        .getRange(1, 1)
        .setFormula(
          `=OKRHEALTH(Objectives!A1:G100, 'Key Results'!A1:Q100, 'Check-ins'!A1:I1000, DATE(2026,12,31))`,
        );
    });
    const values = emulator.uncounted(
      () =>
        emulator.spreadsheet.getSheetByName('Formulas')!.getDataRange().getValues() as unknown[][],
    );
    const titles = values.map((row) => row[0]);
    expect(titles[0], String(formulas.reasonFor('Formulas', 1, 1))).toBe('Red flag');
    expect(titles).toContain('Stuck key result');
    expect(titles).toContain('Committed objectives not fully met');
  });
});
