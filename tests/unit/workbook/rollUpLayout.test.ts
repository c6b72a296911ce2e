import { describe, expect, it } from 'vitest';
import { defaultPlacement } from '../../../src/workbook/formulaColumns';
import { rollUpLayout } from '../../../src/workbook/rollUpLayout';
import { KEY_RESULTS } from '../../../src/workbook/schema';
import type { TeamEntry } from '../../../src/workbook/teams';

const team = (
  row: number,
  name: string,
  spreadsheet: string,
  problem: string | null = null,
): TeamEntry => ({
  row,
  team: name,
  spreadsheet,
  spreadsheetId: problem ? null : spreadsheet,
  problem,
  owner: '',
});

describe('the Roll-up layout', () => {
  const layout = rollUpLayout({
    teams: [
      team(2, 'Sales', 'S1'),
      team(
        3,
        '=Ops',
        'https://docs.google.com/document/d/D/edit',
        'The link is to a Google Docs document.',
      ),
    ],
    companyObjectives: [{ id: 'C1', title: 'Grow' }],
    cycleName: 'Q1',
    keyResults: defaultPlacement(KEY_RESULTS),
  });

  it("writes a live OKRSUMMARY over the team's IMPORTRANGE and a note on Allow access per team", () => {
    expect(layout.cells[4]![2]).toBe(
      '=OKRSUMMARY(IMPORTRANGE($B5, "Key Results!A:Z"), OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)',
    );
    // OKRSUMMARY spills Score, Planned, Gap, Status and Forecast; Import comes after them.
    expect(layout.cells[3]!.slice(2)).toEqual([
      'Score',
      'Planned',
      'Gap',
      'Status',
      'Forecast',
      'Import',
    ]);
    expect(String(layout.cells[4]![7])).toMatch(/^=IF\(ISERROR\(C5\)/);
    expect(layout.notes).toEqual([
      { row: 5, column: 1, note: expect.stringContaining('Select C5 and click Allow access') },
    ]);
  });

  it('writes no formula for a team whose link is not a spreadsheet, says why, and stores its name as text', () => {
    expect(layout.cells[5]).toEqual([
      "'=Ops",
      'https://docs.google.com/document/d/D/edit',
      '',
      '',
      '',
      '',
      '',
      'The link is to a Google Docs document.',
    ]);
  });

  it('keeps each team its table number in the alignment stacks, with an empty table where it cannot import', () => {
    const formula = String(layout.cells[layout.alignmentRow! - 1]![0]);
    expect(formula).toContain(
      'VSTACK(IFERROR(IMPORTRANGE($B$5, "Objectives!A:Z"), {"ID", "Objective"}), {"ID", "Objective"})',
    );
    expect(formula.startsWith('=OKRALIGNMENT($A$5:$A$6, ')).toBe(true);
  });

  it('reads the aligned score of a company objective from the alignment rows below', () => {
    const row = layout.companyRows.get('C1')!;
    const from = layout.alignmentRow! + 1;
    expect(layout.cells[row - 1]![3]).toBe(
      `=IFERROR(SUMIF($E$${from}:$E, A${row}, $G$${from}:$G) / SUMIF($E$${from}:$E, A${row}, $F$${from}:$F), "")`,
    );
  });

  it("scores a company objective from only the company's Key Results columns OKRSCORE reads", () => {
    const row = layout.companyRows.get('C1')!;
    expect(layout.cells[row - 1]![2]).toBe(
      "=OKRSCORE({'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:I, 'Key Results'!L1:L}, " +
        `A${row})`,
    );
  });
});
