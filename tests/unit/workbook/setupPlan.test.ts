import { describe, expect, it } from 'vitest';
import { SETTING_LABELS } from '../../../src/core/settings';
import { KEY_RESULTS, OBJECTIVES, TABLES } from '../../../src/workbook/schema';
import { toSheetCell } from '../../../src/workbook/sheetRows';
import {
  describePlan,
  isPlanEmpty,
  planSetup,
  type SetupPlan,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../../src/workbook/setupPlan';

const defaults: [string, unknown][] = Object.values(SETTING_LABELS).map((label, index) => [
  label,
  `v${index}`,
]);

/** The Key Results columns OKRSCORE reads (ID to Key Result, Type, Start to Current, Weight) on a new sheet. */
const SCORE_TABLE =
  "{'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:I, 'Key Results'!L1:L}";

const emptyWorkbook: WorkbookSnapshot = { sheets: [], namedRanges: [], settingsValues: [] };

function sheet(name: string, header: unknown[], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    headerValues: header,
    headerFormulas: header.map(() => ''),
    lastColumn: header.length,
    frozenRows: 1,
    maxRows: 1000,
    maxColumns: 26,
    ...extra,
  };
}

/** The workbook as it looks after the plan ran, as setup's adapter would read it back. */
function applied(snapshot: WorkbookSnapshot, plan: SetupPlan): WorkbookSnapshot {
  const sheets = plan.sheets.map((sheetPlan) => {
    const before = snapshot.sheets.find((candidate) => candidate.name === sheetPlan.sheetName);
    const values = [...(before?.headerValues ?? [])];
    const formulas = [...(before?.headerFormulas ?? [])];
    for (const column of sheetPlan.newColumns) {
      // Formula headers read back blank here, as when formulas are not evaluated.
      values[column.column - 1] = column.formula ? '' : column.header;
      formulas[column.column - 1] = column.formula ?? '';
    }
    const width = Math.max(values.length, before?.lastColumn ?? 0);
    return sheet(sheetPlan.sheetName, values, {
      headerFormulas: formulas,
      lastColumn: width,
      maxRows: sheetPlan.maxRows + sheetPlan.grow.rows,
      maxColumns: sheetPlan.maxColumns + sheetPlan.grow.columns,
      frozenRows: 1,
    });
  });
  const settingsValues = [...snapshot.settingsValues.map((row) => [...row])];
  const settingsPlan = plan.sheets.find((candidate) => candidate.table.key === 'settings')!;
  if (settingsValues.length === 0) settingsValues.push([]);
  for (const column of settingsPlan.newColumns)
    settingsValues[0]![column.column - 1] = column.header;
  plan.settingsRows?.rows.forEach((row, offset) => {
    settingsValues[plan.settingsRows!.firstRow - 1 + offset] = row;
  });
  return {
    sheets: [...snapshot.sheets.filter((s) => !sheets.some((t) => t.name === s.name)), ...sheets],
    namedRanges: [...snapshot.namedRanges, ...plan.namedRanges.map((range) => range.name)],
    settingsValues,
  };
}

describe('planSetup on an empty workbook', () => {
  const plan = planSetup(emptyWorkbook, defaults);

  it('creates every table sheet with all its columns and a frozen header', () => {
    expect(plan.sheets.map((s) => [s.sheetName, s.createSheet, s.freezeHeader])).toEqual(
      TABLES.map((table) => [table.sheetName, true, true]),
    );
    const keyResults = plan.sheets.find((s) => s.table === KEY_RESULTS)!;
    expect(keyResults.newColumns.map((c) => c.header)).toEqual(
      KEY_RESULTS.columns.map((c) => c.header),
    );
  });

  it('fills Progress, Planned and Status with spilling header formulas over the right columns', () => {
    const keyResults = plan.sheets.find((s) => s.table === KEY_RESULTS)!;
    const formulaOf = (key: string) => keyResults.newColumns.find((c) => c.key === key)!.formula;
    expect(formulaOf('progress')).toBe('={"Progress"; OKRPROGRESS(E2:E, G2:G, H2:H, I2:I)}');
    expect(formulaOf('planned')).toBe(
      '={"Planned"; ARRAYFORMULA(OKREXPECTED(IF(A2:A="", "", IF(J2:J="", OKR_CYCLE_START, J2:J)), ' +
        'IF(A2:A="", "", IF(K2:K="", OKR_CYCLE_END, K2:K)), OKR_REPORT_DATE))}',
    );
    expect(formulaOf('status')).toBe(
      '={"Status"; OKRSTATUS(S2:S, T2:T, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
    );
    expect(formulaOf('title')).toBeNull();
  });

  it('gives Objectives a live Score, Planned and Status, one spilling formula each', () => {
    const objectives = plan.sheets.find((s) => s.table === OBJECTIVES)!;
    const column = (key: string) => objectives.newColumns.find((c) => c.key === key)!;
    expect(column('score')).toMatchObject({
      formula: `={"Score"; OKRSCORE(${SCORE_TABLE}, A2:A)}`,
      numberFormat: '0.00',
      colourBands: true,
    });
    expect(column('planned')).toMatchObject({
      formula:
        "={\"Planned\"; OKRPLANNED({'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:L}, " +
        'A2:A, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}',
      numberFormat: '0.00',
      colourBands: false,
    });
    expect(column('status')).toMatchObject({
      formula: '={"Status"; OKRSTATUS(J2:J, K2:K, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
      statusColours: true,
    });
  });

  it('formats, validates and colours the columns it adds', () => {
    const keyResults = plan.sheets.find((s) => s.table === KEY_RESULTS)!;
    const column = (key: string) => keyResults.newColumns.find((c) => c.key === key)!;
    expect(column('progress')).toMatchObject({ numberFormat: '0%', colourBands: true });
    expect(column('planned')).toMatchObject({ numberFormat: '0%', colourBands: false });
    expect(column('status')).toMatchObject({ colourBands: false, statusColours: true });
    expect(column('dueDate')).toMatchObject({
      numberFormat: 'yyyy-mm-dd',
      validation: { kind: 'date' },
    });
    expect(column('confidence').validation).toEqual({ kind: 'numberBetween', min: 0, max: 10 });
    expect(column('owner').validation).toEqual({ kind: 'email' });
    expect(column('objectiveId').validation).toEqual({
      kind: 'listFromColumn',
      sheetName: 'Objectives',
      column: 1,
      strict: false,
    });
    expect(column('type').validation).toMatchObject({ kind: 'list', strict: false });
  });

  it('names every table over whole columns and the setting cells the formulas read', () => {
    const byName = Object.fromEntries(
      plan.namedRanges.map((r) => [r.name, `${r.sheetName}!${r.a1}`]),
    );
    expect(byName).toMatchObject({
      OKR_OBJECTIVES: 'Objectives!A:L',
      OKR_KEY_RESULTS: 'Key Results!A:V',
      OKR_CHECKINS: 'Check-ins!A:I',
      OKR_MILESTONES: 'Milestones!A:E',
      OKR_INITIATIVES: 'Initiatives!A:F',
      OKR_KPIS: 'KPIs!A:G',
      OKR_SETTINGS: 'Settings!A:B',
      OKR_CYCLE_START: 'Settings!B3',
      OKR_CYCLE_END: 'Settings!B4',
      OKR_REPORT_DATE: 'Settings!B5',
    });
  });

  it('writes the default settings below the Settings header', () => {
    expect(plan.settingsRows).toEqual({
      firstRow: 2,
      rows: defaults.map(([label, value]) => [label, toSheetCell(value)]),
    });
  });

  it('reports what it adds', () => {
    expect(describePlan(plan)).toBe(`Added 7 sheets, 12 named ranges, ${defaults.length} settings`);
  });
});

describe('planSetup on a half-set-up workbook', () => {
  const userKeyResults = sheet(
    'Key Results',
    ['Key Result', 'Team notes', 'ID', 'objective id', 'CURRENT', 'Target'],
    {
      lastColumn: 8,
    },
  );
  const snapshot: WorkbookSnapshot = {
    sheets: [
      userKeyResults,
      sheet('Settings', ['Setting', 'Value']),
      sheet('Sheet1', ['anything']),
    ],
    namedRanges: ['OKR_KEY_RESULTS'],
    settingsValues: [
      ['Setting', 'Value'],
      ['cycle name', 'My cycle'],
      ['', ''],
      ['Report Date', '2026-03-01'],
    ],
  };
  const plan = planSetup(snapshot, defaults);
  const keyResults = plan.sheets.find((s) => s.table === KEY_RESULTS)!;

  it('adds only the missing columns, after the last column that has any content', () => {
    expect(keyResults.createSheet).toBe(false);
    expect(keyResults.newColumns[0]!.column).toBe(9);
    expect(keyResults.newColumns.map((c) => c.key)).not.toContain('title');
    expect(keyResults.newColumns.map((c) => c.key)).not.toContain('current');
  });

  it('builds the formulas from where the user keeps each column', () => {
    const progress = keyResults.newColumns.find((c) => c.key === 'progress')!;
    const type = keyResults.newColumns.find((c) => c.key === 'type')!;
    const start = keyResults.newColumns.find((c) => c.key === 'start')!;
    expect(type.column).toBe(10);
    expect(start.column).toBe(12);
    expect(progress.formula).toBe('={"Progress"; OKRPROGRESS(J2:J, L2:L, F2:F, E2:E)}');
  });

  it('passes the forecast only the Key Results and Check-ins columns it reads, where they are', () => {
    const forecast = keyResults.newColumns.find((c) => c.key === 'forecast')!;
    // ID in C, Target F, Type J, then Start, Start Date and Due Date side by side in L:N;
    // Check-ins is a new sheet.
    expect(forecast.formula).toBe(
      '={"Forecast"; OKRFORECAST({C1:C, F1:F, J1:J, L1:N}, ' +
        "'Check-ins'!A1:C, C2:C, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}",
    );
  });

  it('puts the formula columns last so their header cells form one block', () => {
    const keys = keyResults.newColumns.map((c) => c.key);
    expect(keys.slice(-4)).toEqual(['progress', 'planned', 'forecast', 'status']);
  });

  it('keeps existing settings and appends only the missing ones after the last row', () => {
    const appendedLabels = plan.settingsRows!.rows.map((row) => row[0]);
    expect(plan.settingsRows!.firstRow).toBe(5);
    expect(appendedLabels).not.toContain('Cycle Name');
    expect(appendedLabels).not.toContain('Report Date');
    expect(appendedLabels).toContain('Cycle Start');
    const reportDate = plan.namedRanges.find((r) => r.name === 'OKR_REPORT_DATE')!;
    expect(reportDate.a1).toBe('B4');
  });

  it('leaves existing named ranges and unrelated sheets alone', () => {
    expect(plan.namedRanges.map((r) => r.name)).not.toContain('OKR_KEY_RESULTS');
    expect(plan.sheets.map((s) => s.sheetName)).not.toContain('Sheet1');
  });

  it('freezes the header only where no row is frozen', () => {
    const unfrozen = planSetup(
      { ...snapshot, sheets: [{ ...userKeyResults, frozenRows: 0 }] },
      defaults,
    );
    expect(unfrozen.sheets.find((s) => s.table === KEY_RESULTS)!.freezeHeader).toBe(true);
    expect(keyResults.freezeHeader).toBe(false);
  });
});

describe('planSetup on a Settings sheet without a Setting / Value header', () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [sheet('Settings', ['Cycle Name', 'Ours'])],
    namedRanges: [],
    settingsValues: [
      ['Cycle Name', 'Ours'],
      ['Report Date', '2026-03-01'],
    ],
  };
  const plan = planSetup(snapshot, defaults);

  it('reads it from columns A and B, as the settings parser does, and adds no header', () => {
    expect(plan.sheets.find((s) => s.table.key === 'settings')!.newColumns).toEqual([]);
    const labels = plan.settingsRows!.rows.map((row) => row[0]);
    expect(labels).not.toContain('Cycle Name');
    expect(labels).not.toContain('Report Date');
    expect(plan.settingsRows!.firstRow).toBe(3);
    expect(plan.namedRanges.find((r) => r.name === 'OKR_REPORT_DATE')!.a1).toBe('B2');
  });
});

describe('planSetup run twice', () => {
  it('plans nothing the second time on an empty workbook', () => {
    const first = planSetup(emptyWorkbook, defaults);
    const second = planSetup(applied(emptyWorkbook, first), defaults);
    expect(isPlanEmpty(second)).toBe(true);
    expect(describePlan(second)).toBe('Everything was already set up');
  });

  it('plans nothing the second time on a half-set-up workbook', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [sheet('Objectives', ['Objective', 'ID', 'Mood'], { lastColumn: 5, frozenRows: 0 })],
      namedRanges: [],
      settingsValues: [],
    };
    const first = planSetup(snapshot, defaults);
    expect(isPlanEmpty(first)).toBe(false);
    expect(isPlanEmpty(planSetup(applied(snapshot, first), defaults))).toBe(true);
  });

  it('recognises a formula header by its formula when its value reads blank', () => {
    const header = ['ID', 'Objective ID', 'Key Result', 'Progress'];
    const keyResults = sheet('Key Results', ['ID', 'Objective ID', 'Key Result', ''], {
      headerFormulas: ['', '', '', '={"Progress"; OKRPROGRESS(E2:E, G2:G, H2:H, I2:I)}'],
      lastColumn: header.length,
    });
    const plan = planSetup({ sheets: [keyResults], namedRanges: [], settingsValues: [] }, defaults);
    const added = plan.sheets.find((s) => s.table === KEY_RESULTS)!.newColumns.map((c) => c.key);
    expect(added).not.toContain('progress');
  });
});

describe('planSetup on a workbook whose formulas an older version wrote', () => {
  const keyResultHeader = KEY_RESULTS.columns.map((column) => column.header);
  const objectiveHeader = OBJECTIVES.columns.map((column) => column.header);
  const objectives = (formulas: Record<string, string>) =>
    sheet('Objectives', objectiveHeader, {
      headerFormulas: OBJECTIVES.columns.map((column) => formulas[column.key] ?? ''),
    });
  const wholeTable = {
    score: '={"Score"; OKRSCORE(OKR_KEY_RESULTS, A2:A)}',
    planned:
      '={"Planned"; OKRPLANNED(OKR_KEY_RESULTS, A2:A, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}',
    status: '={"Status"; OKRSTATUS(J2:J, K2:K, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
  };
  const workbook = (keyResults: SheetSnapshot, formulas = wholeTable): WorkbookSnapshot => ({
    sheets: [objectives(formulas), keyResults],
    namedRanges: [],
    settingsValues: [],
  });
  const refreshed = (plan: SetupPlan) =>
    plan.sheets.find((s) => s.table === OBJECTIVES)!.refreshedFormulas;

  it('writes our Score and Planned formulas again over only the Key Results columns they read', () => {
    const plan = planSetup(workbook(sheet('Key Results', keyResultHeader)), defaults);
    expect(refreshed(plan)).toEqual([
      {
        key: 'score',
        column: 10,
        formula: `={"Score"; OKRSCORE(${SCORE_TABLE}, A2:A)}`,
        previous: wholeTable.score,
      },
      expect.objectContaining({ key: 'planned', column: 11, previous: wholeTable.planned }),
    ]);
    expect(describePlan(plan)).toMatch(/updated 2 column formulas$/);
  });

  it('follows the Key Results columns to where the user moved them', () => {
    // A column of the user's before ID, and Weight moved to the front.
    const moved = ['Weight', 'Notes', ...keyResultHeader.filter((header) => header !== 'Weight')];
    const plan = planSetup(workbook(sheet('Key Results', moved)), defaults);
    expect(refreshed(plan)[0]!.formula).toBe(
      "={\"Score\"; OKRSCORE({'Key Results'!A1:A, 'Key Results'!C1:E, 'Key Results'!G1:G, " +
        "'Key Results'!I1:K}, A2:A)}",
    );
  });

  it('leaves a formula that differs only in spaces and capitals, sheet names included, as it is', () => {
    const current = planSetup(workbook(sheet('Key Results', keyResultHeader)), defaults);
    const respelled = Object.fromEntries(
      refreshed(current).map(({ key, formula }) => [
        key,
        formula
          .replace(/, /g, ',')
          .replace('OKRSCORE', 'okrScore')
          .replace(/'Key Results'/g, "'key results'"),
      ]),
    ) as typeof wholeTable;
    const plan = planSetup(
      workbook(sheet('Key Results', keyResultHeader), { ...wholeTable, ...respelled }),
      defaults,
    );
    expect(refreshed(plan)).toEqual([]);
    expect(describePlan(plan)).not.toMatch(/formula/);
  });

  it('never rewrites a header formula that is not ours', () => {
    const theirs = { ...wholeTable, score: '={"Score"; AVERAGE(B2:B)}' };
    const plan = planSetup(workbook(sheet('Key Results', keyResultHeader), theirs), defaults);
    expect(refreshed(plan).map((formula) => formula.key)).toEqual(['planned']);
  });
});
