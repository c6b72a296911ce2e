import { describe, expect, it } from 'vitest';
import type { Objective } from '../../../src/core/types';
import {
  alignmentTree,
  dashboardLayout,
  DASHBOARD_TITLE,
  exactTextCriterion,
  indentedTitle,
  OBJECTIVE_HEADER,
} from '../../../src/workbook/dashboard';
import { defaultPlacement } from '../../../src/workbook/formulaColumns';
import { CHECK_INS, KEY_RESULTS } from '../../../src/workbook/schema';

function objective(id: string, parentId = '', team = 'Apps', title = `Objective ${id}`): Objective {
  return {
    row: 2,
    id,
    title,
    owner: 'lead@example.com',
    team,
    cycle: '',
    parentId,
    kind: 'committed',
    priority: '',
    notes: '',
  };
}

const tables = { keyResults: defaultPlacement(KEY_RESULTS), checkIns: defaultPlacement(CHECK_INS) };
/** The Key Results columns OKRSCORE reads, as the default layout places them. */
const SCORE_TABLE =
  "{'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:I, 'Key Results'!L1:L}";

describe('alignmentTree', () => {
  it('lists each objective under the one its Parent names, one level deeper', () => {
    const tree = alignmentTree([
      objective('A2', 'C1'),
      objective('C1'),
      objective('B1', 'A2'),
      objective('C2'),
    ]);
    expect(tree.map(({ objective: o, depth }) => `${o.id}:${depth}`)).toEqual([
      'C1:0',
      'A2:1',
      'B1:2',
      'C2:0',
    ]);
  });

  it('treats a Parent that is not in the list as top level', () => {
    const tree = alignmentTree([objective('A1', 'GONE')]);
    expect(tree).toEqual([{ objective: expect.objectContaining({ id: 'A1' }), depth: 0 }]);
  });

  it('keeps objectives caught in a Parent loop', () => {
    const tree = alignmentTree([objective('A', 'B'), objective('B', 'A'), objective('C')]);
    expect(tree.map(({ objective: o }) => o.id).sort()).toEqual(['A', 'B', 'C']);
  });

  it('matches Parent IDs ignoring case and spaces', () => {
    const tree = alignmentTree([objective('c1'), objective('A1', ' C1 ')]);
    expect(tree.map(({ depth }) => depth)).toEqual([0, 1]);
  });
});

describe('indentedTitle', () => {
  it('indents aligned objectives and leaves top-level ones as they are', () => {
    expect(indentedTitle('Grow', 0)).toBe('Grow');
    expect(indentedTitle('Grow', 1)).toBe('  ↳ Grow');
    expect(indentedTitle('Grow', 2)).toBe('      ↳ Grow');
  });
});

describe('dashboardLayout', () => {
  const objectives = [
    objective('C1', '', 'Company'),
    objective('A1', 'C1'),
    objective('A2', 'C1'),
    objective('B1', '', ''),
  ];
  const layout = dashboardLayout({
    objectives,
    ...tables,
    keyResultObjectiveCount: 4,
    cycleName: '2026 Q4',
  });
  const at = (a1: string): unknown => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return layout.cells[Number(digits) - 1]![letters!.charCodeAt(0) - 65];
  };

  it('starts with the title that marks the sheet as the add-on’s', () => {
    expect(at('A1')).toBe(DASHBOARD_TITLE);
    expect(at('B2')).toBe("'2026 Q4");
    expect(at('B3')).toBe('=OKR_REPORT_DATE');
  });

  it('lays out one rectangle of cells for a single write', () => {
    const widths = new Set(layout.cells.map((row) => row.length));
    expect(widths.size).toBe(1);
  });

  it('scores every objective with one spilling OKRSCORE call over the ID column and the Key Results columns it reads', () => {
    const first = layout.firstObjectiveRow;
    expect(layout.cells[layout.objectiveHeaderRow - 1]!.slice(0, OBJECTIVE_HEADER.length)).toEqual([
      ...OBJECTIVE_HEADER,
    ]);
    expect(at(`F${first}`)).toBe(`=OKRSCORE(${SCORE_TABLE}, A${first}:A${first + 3})`);
    for (let row = first + 1; row <= layout.lastObjectiveRow; row++) expect(at(`F${row}`)).toBe('');
  });

  it('takes planned and status from one OKRBALANCE table using the Settings gaps', () => {
    const header = layout.objectiveHeaderRow;
    expect(at(`M${header}`)).toBe(
      "=OKRBALANCE({'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:L}, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)",
    );
    const first = layout.firstObjectiveRow;
    expect(at(`G${first}`)).toBe(`=IFERROR(VLOOKUP(A${first}, $M$${header}:$Q, 3, FALSE), "")`);
    expect(at(`I${first}`)).toBe(`=IFERROR(VLOOKUP(A${first}, $M$${header}:$Q, 5, FALSE), "")`);
    expect(at('B5')).toBe(`=IFERROR(VLOOKUP("Balance", $M$${header}:$Q, 2, FALSE), "")`);
  });

  it('forecasts every objective with one spilling OKRFORECAST call and charts it beside actual and planned', () => {
    const first = layout.firstObjectiveRow;
    const header = layout.objectiveHeaderRow;
    expect(at(`K${header}`)).toBe('Forecast');
    expect(at(`K${first}`)).toBe(
      "=OKRFORECAST({'Key Results'!A1:B, 'Key Results'!E1:E, 'Key Results'!G1:H, 'Key Results'!J1:L}, " +
        `'Check-ins'!A1:C, A${first}:A${first + 3}, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)`,
    );
    for (let row = first + 1; row <= layout.lastObjectiveRow; row++) expect(at(`K${row}`)).toBe('');
    const chart = layout.charts.find(
      (candidate) => candidate.title === 'Planned vs actual per objective',
    )!;
    expect(chart.ranges).toEqual([
      `A${header}:A${layout.lastObjectiveRow}`,
      `F${header}:G${layout.lastObjectiveRow}`,
      `K${header}:K${layout.lastObjectiveRow}`,
    ]);
  });

  it('averages confidence per objective from the Key Results columns', () => {
    const first = layout.firstObjectiveRow;
    expect(at(`J${first}`)).toBe(
      `=IFERROR(AVERAGEIF('Key Results'!$B$2:$B, A${first}, 'Key Results'!$M$2:$M), "")`,
    );
  });

  it('lists objectives in alignment order with indented titles', () => {
    const first = layout.firstObjectiveRow;
    const ids = [0, 1, 2, 3].map((offset) => at(`A${first + offset}`));
    expect(ids).toEqual(["'C1", "'A1", "'A2", "'B1"]);
    expect(at(`B${first + 1}`)).toBe("'  ↳ Objective A1");
  });

  it('scores each team, with teamless objectives as one group', () => {
    expect(at('A9')).toBe('Company');
    expect(at('A10')).toBe('Apps');
    expect(at('A11')).toBe('(no team)');
    const first = layout.firstObjectiveRow;
    const last = layout.lastObjectiveRow;
    expect(at('B9')).toBe(
      `=IFERROR(AVERAGEIF($D$${first}:$D$${last}, "Company", $F$${first}:$F$${last}), "")`,
    );
    expect(at('B11')).toBe(
      `=IFERROR(AVERAGEIF($D$${first}:$D$${last}, "", $F$${first}:$F$${last}), "")`,
    );
  });

  it('matches each team by its exact name, whatever Sheets would read as a pattern', () => {
    expect(exactTextCriterion('Apps')).toBe('"Apps"');
    expect(exactTextCriterion('Growth*')).toBe('"Growth~*"');
    expect(exactTextCriterion('Ops? ~Labs')).toBe('"Ops~? ~~Labs"');
    expect(exactTextCriterion('<Core>')).toBe('"=<Core>"');
    expect(exactTextCriterion('=Ops')).toBe('"==Ops"');
    expect(exactTextCriterion('Say "hi"')).toBe('"Say ""hi"""');
    expect(exactTextCriterion('')).toBe('""');
  });

  it('counts objectives per score band for the distribution chart', () => {
    const first = layout.firstObjectiveRow;
    const last = layout.lastObjectiveRow;
    expect(at('E3')).toBe(`=COUNTIF($F$${first}:$F$${last}, ">=0.695")`);
    expect(layout.charts.map((chart) => chart.kind)).toEqual(['bar', 'column']);
  });

  it('follows the columns and sheet names where the user keeps them', () => {
    // A column of the user's before ID shifts every Key Results column; Check-ins has Value first.
    const shifted = Object.fromEntries(
      Object.entries(defaultPlacement(KEY_RESULTS).columns).map(([key, index]) => [
        key,
        index! + 1,
      ]),
    );
    const moved = dashboardLayout({
      objectives,
      keyResults: { sheetName: "Team's KRs", columns: shifted },
      checkIns: { sheetName: 'Check-ins', columns: { value: 0, timestamp: 4, keyResultId: 5 } },
      keyResultObjectiveCount: 4,
      cycleName: '2026 Q4',
    });
    const cell = (row: number, column: number) => moved.cells[row - 1]![column - 1];
    const first = moved.firstObjectiveRow;
    expect(cell(first, 6)).toBe(
      `=OKRSCORE({'Team''s KRs'!B1:D, 'Team''s KRs'!F1:F, 'Team''s KRs'!H1:J, 'Team''s KRs'!M1:M}, A${first}:A${first + 3})`,
    );
    expect(String(cell(first, 11))).toContain("{'Check-ins'!A1:A, 'Check-ins'!E1:F}, A");
    expect(String(cell(first, 10))).toContain("AVERAGEIF('Team''s KRs'!$C$2:$C, ");
  });

  it('colours the overall, team and objective scores by band', () => {
    expect(layout.scoreRanges).toEqual([
      'B4',
      'B9:B11',
      `F${layout.firstObjectiveRow}:F${layout.lastObjectiveRow}`,
    ]);
  });

  it('stores text that looks like a formula as text', () => {
    const tricky = dashboardLayout({
      objectives: [objective('O1', '', 'Apps', '=HYPERLINK("http://evil")')],
      ...tables,
      keyResultObjectiveCount: 1,
      cycleName: '+1 cycle',
    });
    expect(tricky.cells[1]![1]).toBe("'+1 cycle");
    expect(tricky.cells[tricky.firstObjectiveRow - 1]![1]).toBe('\'=HYPERLINK("http://evil")');
  });

  it('says what to do when the cycle has no objectives', () => {
    const empty = dashboardLayout({
      objectives: [],
      ...tables,
      keyResultObjectiveCount: 4,
      cycleName: '2026 Q4',
    });
    expect(String(empty.cells[empty.firstObjectiveRow - 1]![0])).toMatch(
      /No objectives in this cycle yet/,
    );
    expect(empty.charts.map((chart) => chart.kind)).toEqual(['column']);
  });
});
