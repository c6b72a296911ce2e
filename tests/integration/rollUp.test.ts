/**
 * Build roll-up over three team spreadsheets in the emulator, with the preview's formula engine:
 * live scores through IMPORTRANGE once access is allowed, a check-in in a team spreadsheet moving
 * the team's and the aligned company objective's roll-up, an unreachable team reported, not fatal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attachFormulaEvaluator,
  NOT_CONNECTED,
  NO_PERMISSION,
} from '../../preview/emulator/formulas/index.js';
import { buildBundle } from './bundle';
import { checkInPayload } from './checkInWorkbook';
import { companyWithTeams, fillSheet, LEAD } from './companyWorkbook';
import { onSpreadsheetClock, SPREADSHEET_TIME_ZONE } from './spreadsheetClock';
import { KEY_RESULTS_HEADER } from '../unit/functions/keyResultTable';

beforeAll(() => buildBundle());

function builtRollUp(prepare?: (fixture: ReturnType<typeof companyWithTeams>) => void) {
  const fixture = companyWithTeams();
  const { emulator } = fixture;
  emulator.loadBundle();
  const formulas = attachFormulaEvaluator(emulator);
  emulator.call('setUpWorkbook');
  prepare?.(fixture);
  emulator.call('buildRollUp');
  const sheet = () => emulator.workbook.sheetByName('Roll-up')!;
  const value = (row: number, column: number) => emulator.workbook.readValue(sheet(), row, column);
  /** The cells of the row whose column A holds `label`. */
  const rowOf = (label: string) => {
    for (let row = 1; row <= 60; row++) {
      if (value(row, 1) === label) return Array.from({ length: 8 }, (_, c) => value(row, c + 1));
    }
    throw new Error(`No Roll-up row for ${label}`);
  };
  const allowAll = () => {
    for (const team of fixture.teams.values())
      if (emulator.drive.openableBy(team.id, LEAD))
        emulator.drive.allowImport(emulator.workbook.id, team.id, LEAD);
    emulator.workbook.touch();
  };
  return { ...fixture, formulas, value, rowOf, allowAll };
}

const SALES_SCORE = ((0.5 * 1 + 0.25 * 3) / 4 + 0.5) / 2;
const SUPPORT_SCORE = (0.5 * 2 + 1) / 3;

describe('Build roll-up', () => {
  it('shows #REF! with "You need to connect these sheets" and says so per team until access is allowed', () => {
    const { rowOf, formulas, emulator } = builtRollUp();
    const sales = rowOf('Sales');
    expect(sales[2]).toBe('#REF!');
    expect(formulas.reasonFor('Roll-up', 5, 3)).toBe(NOT_CONNECTED);
    expect(sales[7]).toBe('Not connected yet: select C5 and click Allow access (first time only).');
    const note = emulator.spreadsheet.getSheetByName('Roll-up')!.getRange(5, 1).getNote();
    expect(note).toContain('Select C5 and click Allow access');
  });

  it("shows each team's score, planned, gap and status once connected", () => {
    const { rowOf, allowAll } = builtRollUp();
    allowAll();
    const [, , score, planned, gap, status, forecast, importing] = rowOf('Sales');
    expect(score).toBeCloseTo(SALES_SCORE, 12);
    expect(planned).toBeCloseTo(45 / 89, 12);
    expect(gap).toBeCloseTo((score as number) - (planned as number), 12);
    expect(status).toBe('On track');
    // The teams' sheets have no Forecast column: no forecast to roll up.
    expect(forecast).toBe('');
    expect(importing).toBe('Connected');
    expect(rowOf('Support')[2]).toBeCloseTo(SUPPORT_SCORE, 12);
  });

  it("rolls up a team whose spreadsheet is in another zone on the days that team's sheet shows", () => {
    // KR1 of Sales is due 20 February: planned counts to that day, not to the cycle's end.
    const dueOnTheTwentieth = (fixture: ReturnType<typeof companyWithTeams>) => {
      const sales = fixture.teams.get('Sales')!;
      const dueDate = KEY_RESULTS_HEADER.indexOf('Due Date') + 1;
      sales.sheetByName('Key Results')!.cellForWrite(2, dueDate).value = onSpreadsheetClock(
        '2026-02-20',
        sales.timeZone,
      );
      return sales;
    };
    const sameZone = builtRollUp(dueOnTheTwentieth);
    sameZone.allowAll();
    const planned = sameZone.rowOf('Sales')[3] as number;
    expect(planned).not.toBeCloseTo(45 / 89, 3);
    // A zone far from the company's, so its midnight falls on another day on the company's clock.
    const farZone =
      SPREADSHEET_TIME_ZONE === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const otherZone = builtRollUp((fixture) => dueOnTheTwentieth(fixture).changeTimeZone(farZone));
    otherZone.allowAll();
    expect(otherZone.teams.get('Sales')!.timeZone).toBe(farZone);
    expect(otherZone.rowOf('Sales')[3]).toBeCloseTo(planned, 12);
  });

  it("rolls up each team's forecast from the Forecast column of its own Key Results sheet", () => {
    const { rowOf, allowAll } = builtRollUp(({ teams }) =>
      // Column L of Sales' Key Results, as its spilled OKRFORECAST shows it.
      fillSheet(teams.get('Sales')!, 'Key Results', [
        [...Array<string>(11).fill(''), 'Forecast'],
        [...Array<string>(11).fill(''), 0.8],
        [...Array<string>(11).fill(''), 0.4],
        [...Array<string>(11).fill(''), 0.9],
      ]),
    );
    allowAll();
    // O1: 0.8 × 1 and 0.4 × 3 weighted as its score; O2: 0.9; then the mean of the two.
    expect(rowOf('Sales')[6]).toBeCloseTo(((0.8 + 0.4 * 3) / 4 + 0.9) / 2, 12);
    expect(rowOf('Support')[6]).toBe('');
  });

  it("shows each company objective's own score beside the aligned score of the team objectives", () => {
    const { rowOf, allowAll } = builtRollUp();
    allowAll();
    const [, title, own, aligned, count] = rowOf('C2');
    expect(title).toBe('Delight customers');
    expect(own).toBe(0.5);
    // Sales O2 (0.5, weight 1) and Support O1 (0.667, weights 2 + 1): weighted by key result.
    expect(aligned).toBeCloseTo((0.5 * 1 + SUPPORT_SCORE * 3) / 4, 12);
    expect(count).toBe(2);
    expect(rowOf('C1')[3]).toBeCloseTo((0.5 * 1 + 0.25 * 3) / 4, 12);
  });

  it('lists every team objective with its score and the company objective it aligns to', () => {
    const { value, allowAll } = builtRollUp();
    allowAll();
    let header = 1;
    while (value(header, 3) !== 'Title') header++;
    const listed = [1, 2, 3, 4, 5].map((offset) =>
      [1, 2, 4, 5].map((column) => value(header + offset, column)),
    );
    expect(listed).toEqual([
      ['Sales', 'O1', 0.3125, 'C1'],
      ['Sales', 'O2', 0.5, 'C2'],
      ['Support', 'O1', SUPPORT_SCORE, 'C2'],
      ['Ops', 'O1', 0.25, 'C9'],
      ['', '', '', ''],
    ]);
  });

  it("moves the team's and the aligned company objective's roll-up when the team checks in", () => {
    const { emulator, teams, rowOf, allowAll } = builtRollUp();
    allowAll();
    const before = { team: rowOf('Sales')[2] as number, c1: rowOf('C1')[3] as number };
    const company = emulator.workbook.id;
    emulator.drive.share(teams.get('Sales')!.id, 'sam@example.com', 'owner');
    emulator.openDocument(teams.get('Sales')!.id);
    emulator.setActiveUser('sam@example.com');
    emulator.call('setUpWorkbook');
    emulator.call('saveCheckIn', checkInPayload({ keyResultId: 'KR1', value: 40 }));
    emulator.openDocument(company);
    emulator.setActiveUser(LEAD);
    expect(emulator.drive.refreshImports()).toBeGreaterThan(0);
    const o1 = (1 * 1 + 0.25 * 3) / 4;
    expect(rowOf('Sales')[2]).toBeCloseTo((o1 + 0.5) / 2, 12);
    expect(rowOf('C1')[3]).toBeCloseTo(o1, 12);
    expect(rowOf('Sales')[2] as number).toBeGreaterThan(before.team);
    expect(rowOf('C1')[3] as number).toBeGreaterThan(before.c1);
    expect(rowOf('C2')[3]).toBeCloseTo((0.5 * 1 + SUPPORT_SCORE * 3) / 4, 12);
  });

  it('reports a team spreadsheet the lead cannot open in its row and rolls up the others', () => {
    const { rowOf, allowAll, formulas } = builtRollUp(({ emulator, teams }) =>
      emulator.drive.unshare(teams.get('Ops')!.id, LEAD),
    );
    allowAll();
    const ops = rowOf('Ops');
    expect(ops[2]).toBe('#REF!');
    expect(formulas.reasonFor('Roll-up', 7, 3)).toBe(NO_PERMISSION);
    expect(ops[7]).toMatch(/^Not connected yet/);
    expect(rowOf('Sales')[2]).toBeCloseTo(SALES_SCORE, 12);
    expect(rowOf('C2')[4]).toBe(2);
  });

  it('asks for setup first in a company spreadsheet without the named ranges', () => {
    const { emulator } = companyWithTeams();
    emulator.loadBundle();
    expect(() => emulator.call('buildRollUp')).toThrow(
      /need the named ranges OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END. Run Extensions → OKR Cadence → Set up OKR workbook/,
    );
  });
});
