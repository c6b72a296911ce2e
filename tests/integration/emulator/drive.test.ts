import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, SPREADSHEET_MIME_TYPE } from '../../../preview/emulator/index.js';
import {
  attachFormulaEvaluator,
  NOT_CONNECTED,
  NO_PERMISSION,
} from '../../../preview/emulator/formulas/index.js';
import { wallClockInstant } from '../../../preview/emulator/timezone.js';
import { buildBundle } from '../bundle.js';

const OWNER = 'lead@example.com';
const TEAM_LEAD = 'sam@example.com';

/** A company spreadsheet (bound) and a team spreadsheet shared with the company's owner. */
function company() {
  const emulator = createEmulator({ user: OWNER, sheetNames: ['Roll-up'] });
  const team = emulator.addSpreadsheet({
    name: 'Sales OKRs',
    owner: TEAM_LEAD,
    sheetNames: ['Key Results', 'Objectives'],
    sharedWith: { [OWNER]: 'reader' },
  });
  const keyResults = team.sheetByName('Key Results')!;
  [
    ['ID', 'Objective ID', 'Key Result'],
    ['KR1', 'O1', 'Win deals'],
    ['KR2', 'O1', 'Grow pipeline'],
  ].forEach((row, r) =>
    row.forEach((value, c) => (keyResults.cellForWrite(r + 1, c + 1).value = value)),
  );
  team.touch();
  return { emulator, team };
}

/** Runs a script in the bound spreadsheet and returns what it logged. */
function run(emulator: ReturnType<typeof createEmulator>, body: string): string {
  emulator.loadBundle(`function probe() { ${body} }`);
  emulator.logs.length = 0;
  emulator.call('probe');
  return emulator.logs.map((line) => line.message).join('\n');
}

describe('the Drive around the bound spreadsheet', () => {
  it('opens a spreadsheet shared with the user by ID and by URL', () => {
    const { emulator, team } = company();
    const logged = run(
      emulator,
      `var byId = SpreadsheetApp.openById('${team.id}');
       var byUrl = SpreadsheetApp.openByUrl('${team.url}');
       Logger.log(byId.getName() + ' ' + byUrl.getSheetByName('Key Results').getRange('C2').getValue());`,
    );
    expect(logged).toBe('Sales OKRs Win deals');
  });

  it("throws Apps Script's message for a spreadsheet the user may not open, one deleted and one unknown", () => {
    const { emulator, team } = company();
    const missing = (id: string) =>
      `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`;
    const tryOpen = (id: string) =>
      run(
        emulator,
        `try { SpreadsheetApp.openById('${id}'); Logger.log('opened'); } catch (e) { Logger.log(e.name + ': ' + e.message); }`,
      );
    emulator.drive.unshare(team.id, OWNER);
    expect(tryOpen(team.id)).toBe(`Exception: ${missing(team.id)}`);
    emulator.drive.share(team.id, OWNER, 'reader');
    expect(tryOpen(team.id)).toBe('opened');
    emulator.drive.trash(team.id);
    expect(tryOpen(team.id)).toBe(`Exception: ${missing(team.id)}`);
    expect(tryOpen('nothing-here')).toBe(`Exception: ${missing('nothing-here')}`);
  });

  it("does not open a Drive file that is not a spreadsheet, and refuses a URL that is not a spreadsheet's", () => {
    const { emulator } = company();
    const doc = emulator.drive.addFile({
      name: 'Notes',
      owner: OWNER,
      mimeType: 'application/vnd.google-apps.document',
    });
    expect(doc.mimeType).not.toBe(SPREADSHEET_MIME_TYPE);
    const logged = run(
      emulator,
      `try { SpreadsheetApp.openById('${doc.id}'); } catch (e) { Logger.log(e.message); }
       try { SpreadsheetApp.openByUrl('https://docs.google.com/document/d/${doc.id}/edit'); } catch (e) { Logger.log(e.message); }`,
    );
    expect(logged).toBe(
      `Document ${doc.id} is missing (perhaps it was deleted, or you don't have read access?)\nInvalid argument: url`,
    );
  });

  it('opens with the authority of the user running the script', () => {
    const { emulator, team } = company();
    emulator.setActiveUser('newcomer@example.com');
    expect(() => run(emulator, `SpreadsheetApp.openById('${team.id}');`)).toThrow(
      /is missing \(perhaps it was deleted, or you don't have read access\?\)/,
    );
  });

  it('keeps the Drive, its sharing and its connections through toJSON and fromJSON', () => {
    const { emulator, team } = company();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    const copy = createEmulator();
    copy.fromJSON(JSON.parse(JSON.stringify(emulator.toJSON())));
    expect(copy.drive.openableBy(team.id, OWNER)?.name).toBe('Sales OKRs');
    expect(copy.drive.isConnected(copy.workbook.id, team.id)).toBe(true);
    expect(copy.drive.file(copy.workbook.id)?.workbook).toBe(copy.workbook);
  });

  it('switches the document the add-on runs in', () => {
    const { emulator, team } = company();
    emulator.drive.share(team.id, OWNER, 'writer');
    emulator.openDocument(team.id);
    expect(run(emulator, `Logger.log(SpreadsheetApp.getActive().getName());`)).toBe('Sales OKRs');
  });
});

describe('IMPORTRANGE and VSTACK in the formula engine', () => {
  beforeAll(() => buildBundle());

  function withFormulas() {
    const { emulator, team } = company();
    emulator.loadBundle();
    const engine = attachFormulaEvaluator(emulator);
    const rollUp = emulator.workbook.sheetByName('Roll-up')!;
    const setFormula = (row: number, column: number, formula: string) => {
      rollUp.cellForWrite(row, column).formula = formula;
      emulator.workbook.touch();
    };
    const value = (row: number, column: number) => emulator.workbook.readValue(rollUp, row, column);
    return { emulator, team, engine, setFormula, value };
  }

  it("shows #REF! with Sheets' message until someone allows access, then the imported cells", () => {
    const { emulator, team, engine, setFormula, value } = withFormulas();
    setFormula(1, 1, `=IMPORTRANGE("${team.url}", "Key Results!A:C")`);
    expect(value(1, 1)).toBe('#REF!');
    expect(engine.reasonFor('Roll-up', 1, 1)).toBe(NOT_CONNECTED);
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    emulator.workbook.touch();
    expect(value(1, 1)).toBe('ID');
    expect(value(3, 3)).toBe('Grow pipeline');
    expect(value(4, 1)).toBe('');
  });

  it('says the viewer has no permission when the source is not shared with them or is deleted', () => {
    const { emulator, team, engine, setFormula, value } = withFormulas();
    emulator.drive.unshare(team.id, OWNER);
    setFormula(1, 1, `=IMPORTRANGE("${team.id}", "Key Results!A1:C3")`);
    expect(value(1, 1)).toBe('#REF!');
    expect(engine.reasonFor('Roll-up', 1, 1)).toBe(NO_PERMISSION);
  });

  it('names a range it cannot read', () => {
    const { emulator, team, engine, setFormula, value } = withFormulas();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    setFormula(1, 1, `=IMPORTRANGE("${team.id}", "Check-ins!A:C")`);
    expect(value(1, 1)).toBe('#REF!');
    expect(engine.reasonFor('Roll-up', 1, 1)).toBe('Unable to parse range: Check-ins!A:C');
  });

  it('imports a date as the same calendar day into a spreadsheet in another zone', () => {
    // Sheets keeps a date as a serial number of days, which IMPORTRANGE copies as it is:
    // https://developers.google.com/sheets/api/guides/formats#about_date_time_values
    const { emulator, team, setFormula, value } = withFormulas();
    emulator.workbook.changeTimeZone('America/New_York');
    team.changeTimeZone('Pacific/Kiritimati');
    const dueDay = new Date(wallClockInstant(Date.UTC(2026, 1, 20), 'Pacific/Kiritimati'));
    team.sheetByName('Key Results')!.cellForWrite(2, 4).value = dueDay;
    team.touch();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    setFormula(1, 1, `=IMPORTRANGE("${team.url}", "Key Results!D2")`);
    const imported = value(1, 1) as Date;
    expect(imported.getTime()).toBe(wallClockInstant(Date.UTC(2026, 1, 20), 'America/New_York'));
  });

  it('recalculates an importing spreadsheet after its source changed', () => {
    const { emulator, team, setFormula, value } = withFormulas();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    setFormula(1, 1, `=IMPORTRANGE("${team.url}", "Key Results!C2")`);
    expect(value(1, 1)).toBe('Win deals');
    team.sheetByName('Key Results')!.cellForWrite(2, 3).value = 'Win more deals';
    team.touch();
    expect(value(1, 1)).toBe('Win deals');
    expect(emulator.drive.refreshImports()).toBe(1);
    expect(value(1, 1)).toBe('Win more deals');
  });

  it('stacks ranges with VSTACK, padding narrower ones with #N/A', () => {
    const { emulator, team, setFormula, value } = withFormulas();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    setFormula(
      1,
      1,
      `=VSTACK(IMPORTRANGE("${team.url}", "Key Results!A1:C2"), IMPORTRANGE("${team.url}", "Key Results!A3:B3"))`,
    );
    expect([value(1, 1), value(2, 3), value(3, 2), value(3, 3)]).toEqual([
      'ID',
      'Win deals',
      'O1',
      '#N/A',
    ]);
  });

  it("feeds imported tables to the add-on's custom functions", () => {
    const { emulator, team, setFormula, value } = withFormulas();
    emulator.drive.allowImport(emulator.workbook.id, team.id, OWNER);
    const keyResults = team.sheetByName('Key Results')!;
    [
      ['Type', 'Start', 'Target', 'Current'],
      ['increase', 0, 10, 5],
      ['increase', 0, 4, 4],
    ].forEach((row, r) =>
      row.forEach((cell, c) => (keyResults.cellForWrite(r + 1, c + 4).value = cell)),
    );
    team.touch();
    const sales = `IMPORTRANGE("${team.url}", "Key Results!A:G")`;
    setFormula(1, 1, `=OKRSCORE(${sales}, "O1")`);
    setFormula(2, 1, `=OKRSCORE(VSTACK(${sales}, ${sales}), "2!KR1")`);
    setFormula(3, 1, `=OKRSCORE(VSTACK(${sales}, ${sales}), "KR1")`);
    expect(value(1, 1)).toBe(0.75);
    expect(value(2, 1)).toBe(0.5);
    expect(value(3, 1)).toBe('#ERROR!');
  });
});
