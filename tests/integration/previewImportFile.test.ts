/**
 * `npm start -- --import FILE`: a team's .xlsx (every tab, cell types kept, dates on their calendar
 * day in the spreadsheet's zone) or .csv (read as typed input) opens in the preview instead of the
 * example, and Import OKRs… brings every objective and key result across from it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import type { ImportResult } from '../../src/shared/import';
import { PreviewSession } from '../../preview/server/session';
import { parseCliOptions } from '../../preview/server/cli';
import { readSpreadsheetFile } from '../../preview/server/spreadsheetFile';
import {
  FPA_WORKBOOK,
  VIVA_GOALS_EXPORT,
  type ImportLayoutFixture,
} from '../fixtures/importLayouts';
import { buildBundle } from './bundle';
import { plain } from './checkInWorkbook';
import { sheetValues } from './setupHelpers';

const folder = mkdtempSync(join(tmpdir(), 'okr-import-file-'));
beforeAll(buildBundle);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The calendar day a fixture date stands for (its UTC fields), as the UTC-fielded Date an .xlsx writer takes. */
function calendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

async function xlsxOf(layout: ImportLayoutFixture): Promise<string> {
  const path = join(folder, 'team-okrs.xlsx');
  await writeExcelFile(
    layout.sheets.map((sheet) => ({
      sheet: sheet.name,
      data: sheet.values.map((row) =>
        row.map((cell) =>
          cell instanceof Date
            ? { value: calendarDay(cell), type: Date, format: 'yyyy-mm-dd' }
            : cell === '' || cell === null || cell === undefined
              ? null
              : { value: cell as string | number | boolean },
        ),
      ),
    })),
  ).toFile(path);
  return path;
}

function csvOf(layout: ImportLayoutFixture): string {
  const path = join(folder, 'viva-goals-export.csv');
  const quoted = (cell: unknown) => `"${String(cell ?? '').replaceAll('"', '""')}"`;
  writeFileSync(
    path,
    layout.sheets[0]!.values.map((row) => row.map(quoted).join(',')).join('\r\n'),
  );
  return path;
}

async function previewOf(path: string): Promise<PreviewSession> {
  return PreviewSession.start({
    workbook: null,
    importFile: path,
    now: '2026-04-20T09:00:00Z',
    user: 'ana@example.com',
  });
}

function importEverything(session: PreviewSession, layout: ImportLayoutFixture): ImportResult {
  const payload = {
    sheets: layout.sheets.map((sheet) => sheet.name),
    overrides: {},
    ownerEmails: layout.ownerEmails,
    cycle: null,
  };
  return plain(session.emulator.call('runImport', payload) as ImportResult);
}

function titles(session: PreviewSession, sheet: string, column: string): string[] {
  const [header, ...rows] = sheetValues(session.emulator, sheet);
  const index = header!.indexOf(column);
  return rows
    .map((row) => String(row[index]))
    .filter(Boolean)
    .sort();
}

describe('npm start -- --import FILE', () => {
  it('takes the file from the command line', () => {
    expect(parseCliOptions(['--import', 'my-okrs.xlsx']).importFile).toBe('my-okrs.xlsx');
    expect(parseCliOptions([]).importFile).toBeNull();
  });

  it('opens every tab of an .xlsx with its text, numbers and dates as the file holds them', async () => {
    const session = await previewOf(await xlsxOf(FPA_WORKBOOK));
    expect(session.emulator.workbook.sheets.map((sheet) => sheet.name)).toEqual(
      FPA_WORKBOOK.sheets.map((sheet) => sheet.name),
    );
    const keyResults = FPA_WORKBOOK.sheets.find((sheet) => sheet.name === 'KeyResults')!;
    const shown = session.emulator.uncounted(() =>
      session.emulator.spreadsheet.getSheetByName('KeyResults')!.getDataRange().getDisplayValues(),
    );
    expect(shown[1]!.slice(0, 6)).toEqual(keyResults.values[1]!.slice(0, 6).map(String));
    expect(shown[1]![6]).toBe('2026-03-31');
    expect(session.notice).toContain('Import OKRs');
  });

  it('imports every objective and key result of an .xlsx through Import OKRs…', async () => {
    const session = await previewOf(await xlsxOf(FPA_WORKBOOK));
    expect(importEverything(session, FPA_WORKBOOK).ok).toBe(true);
    expect(titles(session, 'Objectives', 'Objective')).toEqual(
      FPA_WORKBOOK.expected.objectives.map((objective) => objective.title).sort(),
    );
    expect(titles(session, 'Key Results', 'Key Result')).toEqual(
      FPA_WORKBOOK.expected.keyResults.map((kr) => kr.title).sort(),
    );
  });

  it('opens a .csv as one tab named after the file and imports it', async () => {
    const session = await previewOf(csvOf(VIVA_GOALS_EXPORT));
    expect(session.emulator.workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'viva-goals-export',
    ]);
    expect(importEverything(session, VIVA_GOALS_EXPORT).ok).toBe(true);
    expect(titles(session, 'Key Results', 'Key Result')).toEqual(
      VIVA_GOALS_EXPORT.expected.keyResults.map((kr) => kr.title).sort(),
    );
  });

  it('says which files it takes when given another kind', async () => {
    const path = join(folder, 'okrs.numbers');
    writeFileSync(path, 'not a spreadsheet');
    await expect(readSpreadsheetFile(path)).rejects.toThrow(/--import takes \.xlsx .* or \.csv/);
    const broken = join(folder, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    await expect(readSpreadsheetFile(broken)).rejects.toThrow(/could not read .*broken\.xlsx/);
  });
});
