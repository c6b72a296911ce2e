/**
 * Import OKRs… in the built bundle: each of the five published layouts is imported into the OKR
 * tables with everything it holds, the team's own sheets stay exactly as they were (only a sheet
 * with one of our names is renamed, as the preview says), and undo gives the workbook back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../src/shared/import';
import { buildBundle } from './bundle';
import { plain } from './checkInWorkbook';
import { emulatorWith, sheetValues } from './setupHelpers';
import { IMPORT_LAYOUTS, FPA_WORKBOOK } from '../fixtures/importLayouts';
import type { Emulator } from '../../preview/emulator/index';

beforeAll(buildBundle);

type SheetData = ReturnType<Emulator['toJSON']>['workbook']['sheets'][number];

function sheetJson(emulator: Emulator, name: string): Omit<SheetData, 'name' | 'id'> {
  const sheet = emulator.toJSON().workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  const content: Partial<SheetData> = structuredClone(sheet);
  delete content.name;
  delete content.id;
  return content as Omit<SheetData, 'name' | 'id'>;
}

/** Sheets and named ranges: what undo must give back (counters and the active sheet aside). */
function workbookContent(emulator: Emulator): unknown {
  const { sheets, namedRanges } = emulator.toJSON().workbook;
  return structuredClone({ sheets, namedRanges });
}

function tableRows(emulator: Emulator, name: string): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(emulator, name);
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(header!.map((title, index) => [String(title), row[index]])));
}

describe.each(IMPORT_LAYOUTS)('Import OKRs from $name', (layout) => {
  const emulator = emulatorWith(
    Object.fromEntries(layout.sheets.map((sheet) => [sheet.name, sheet.values])),
  );
  const before = workbookContent(emulator);
  const theirs = Object.fromEntries(
    layout.sheets.map((sheet) => [sheet.name, sheetJson(emulator, sheet.name)]),
  );
  const payload = {
    sheets: layout.sheets.map((sheet) => sheet.name),
    overrides: {},
    ownerEmails: layout.ownerEmails,
    cycle: null,
  };
  const preview = plain(emulator.call('previewImport', payload) as ImportPreview);
  const renamed = new Map(preview.renames.map((rename) => [rename.from, rename.to]));
  const result = plain(emulator.call('runImport', payload) as ImportResult);

  it('previews exactly what it then imports', () => {
    expect(result).toEqual(
      expect.objectContaining({
        ok: true,
        objectives: preview.counts.objectives,
        keyResults: preview.counts.keyResults,
        checkIns: preview.counts.checkIns,
      }),
    );
  });

  it('writes every objective, key result, owner and past update into the OKR tables', () => {
    const objectives = tableRows(emulator, 'Objectives');
    expect(objectives.map((row) => [row.Objective, row.Cycle]).sort()).toEqual(
      layout.expected.objectives.map((objective) => [objective.title, objective.cycle]).sort(),
    );
    const titleOf = new Map(objectives.map((row) => [row.ID, row.Objective]));
    const keyResults = tableRows(emulator, 'Key Results');
    expect(
      keyResults
        .map((row) => [row['Key Result'], titleOf.get(row['Objective ID']), row.Owner])
        .sort(),
    ).toEqual(layout.expected.keyResults.map((kr) => [kr.title, kr.objective, kr.owner]).sort());
    const krTitle = new Map(keyResults.map((row) => [row.ID, row['Key Result']]));
    const checkIns = tableRows(emulator, 'Check-ins');
    expect(checkIns.map((row) => [krTitle.get(row['Key Result ID']), row.Value]).sort()).toEqual(
      layout.expected.checkIns.map((checkIn) => [checkIn.keyResult, checkIn.value]).sort(),
    );
  });

  it("leaves the team's own sheets exactly as they were", () => {
    for (const sheet of layout.sheets) {
      expect(sheetJson(emulator, renamed.get(sheet.name) ?? sheet.name)).toEqual(
        theirs[sheet.name],
      );
    }
  });

  it('opens the imported cycle in Settings', () => {
    const settings = sheetValues(emulator, 'Settings');
    expect(settings.find((row) => row[0] === 'Cycle Name')?.[1]).toBe(
      layout.expected.objectives[0]!.cycle,
    );
  });

  it('undoes the import, giving the workbook back as it was', () => {
    const undone = plain(emulator.call('undoLastImport') as ImportResult);
    expect(undone.ok).toBe(true);
    expect(workbookContent(emulator)).toEqual(before);
    expect(plain(emulator.call('undoLastImport') as ImportResult).ok).toBe(false);
  });
});

describe('Import OKRs refuses what it cannot do, writing nothing', () => {
  it('refuses a sheet that is not in the spreadsheet and an owner email that is not one', () => {
    const emulator = emulatorWith(
      Object.fromEntries(FPA_WORKBOOK.sheets.map((sheet) => [sheet.name, sheet.values])),
    );
    const before = workbookContent(emulator);
    const payload = { sheets: ['Nope'], overrides: {}, ownerEmails: {}, cycle: null };
    expect(plain(emulator.call('runImport', payload) as ImportResult)).toEqual({
      ok: false,
      message: expect.stringContaining('"Nope" is not in this spreadsheet'),
    });
    const badEmail = {
      sheets: ['Objectives'],
      overrides: {},
      ownerEmails: { CFO: 'not an email' },
      cycle: null,
    };
    expect(plain(emulator.call('runImport', badEmail) as ImportResult)).toEqual({
      ok: false,
      message: expect.stringContaining('"not an email" (for owner "CFO") is not an email address'),
    });
    expect(workbookContent(emulator)).toEqual(before);
  });
});

describe('Import OKRs writes text that looks like a formula as text', () => {
  it('reads back titles starting with - or @ exactly as they were typed', () => {
    const emulator = emulatorWith({
      'My OKRs': [
        ['Objective', 'Key Result', 'Owner', 'Target', 'Current'],
        // Typed with a leading apostrophe, as Sheets needs for text starting with - or @.
        ["'@Growth: win the mid-market", "'-20% churn in Q3", "'@dana", 10, 5],
      ],
    });
    const payload = { sheets: ['My OKRs'], overrides: {}, ownerEmails: {}, cycle: null };
    const result = plain(emulator.call('runImport', payload) as ImportResult);
    expect(result.ok).toBe(true);
    const [objective] = tableRows(emulator, 'Objectives');
    const [keyResult] = tableRows(emulator, 'Key Results');
    expect([objective!.Objective, keyResult!['Key Result']]).toEqual([
      '@Growth: win the mid-market',
      '-20% churn in Q3',
    ]);
  });
});

describe('Undo of an import into a set-up workbook', () => {
  it("puts the Settings cycle dates back on their days in the spreadsheet's zone", () => {
    const layout = IMPORT_LAYOUTS[0]!;
    const emulator = emulatorWith(
      Object.fromEntries(layout.sheets.map((sheet) => [sheet.name, sheet.values])),
    );
    emulator.call('setUpWorkbook');
    const settingsBefore = sheetValues(emulator, 'Settings');
    const payload = {
      sheets: layout.sheets.map((sheet) => sheet.name),
      overrides: {},
      ownerEmails: layout.ownerEmails,
      cycle: null,
    };
    expect(plain(emulator.call('runImport', payload) as ImportResult).ok).toBe(true);
    // The import opened its own cycle, 2026 Q1, with its dates.
    expect(sheetValues(emulator, 'Settings')).not.toEqual(settingsBefore);
    expect(plain(emulator.call('undoLastImport') as ImportResult).ok).toBe(true);
    expect(sheetValues(emulator, 'Settings')).toEqual(settingsBefore);
  });
});
