import { describe, expect, it } from 'vitest';
import {
  defaultPlacement,
  headerFormula,
  sheetReference,
  tableColumns,
  type FormulaTables,
} from '../../../src/workbook/formulaColumns';
import { CHECK_INS, KEY_RESULTS, OBJECTIVES } from '../../../src/workbook/schema';

const defaults: FormulaTables = {
  objectives: defaultPlacement(OBJECTIVES),
  keyResults: defaultPlacement(KEY_RESULTS),
  checkIns: defaultPlacement(CHECK_INS),
};

/** The same tables with `inserted` user columns before column A of each sheet. */
function shifted(tables: FormulaTables, inserted: number): FormulaTables {
  const shift = (placement: FormulaTables['keyResults']) => ({
    ...placement,
    columns: Object.fromEntries(
      Object.entries(placement.columns).map(([key, index]) => [key, index! + inserted]),
    ),
  });
  return {
    objectives: shift(tables.objectives),
    keyResults: shift(tables.keyResults),
    checkIns: shift(tables.checkIns),
  };
}

describe('sheetReference', () => {
  it('quotes a sheet name and doubles the quotes inside it', () => {
    expect(sheetReference('Key Results')).toBe("'Key Results'");
    expect(sheetReference("Team's KRs")).toBe("'Team''s KRs'");
  });
});

describe('tableColumns', () => {
  const placement = { sheetName: 'Check-ins', columns: { value: 2, timestamp: 0, keyResultId: 4 } };

  it('passes each column from its header row down, in sheet order', () => {
    expect(tableColumns(placement, ['keyResultId', 'value', 'timestamp'])).toBe(
      "{'Check-ins'!A1:A, 'Check-ins'!C1:C, 'Check-ins'!E1:E}",
    );
  });

  it('joins neighbouring columns into one range and needs no array for a single range', () => {
    expect(tableColumns(defaults.checkIns, ['timestamp', 'keyResultId', 'value'])).toBe(
      "'Check-ins'!A1:C",
    );
  });

  it('leaves out the sheet name on the table’s own sheet, and columns the sheet lacks', () => {
    expect(tableColumns(placement, ['timestamp', 'confidence', 'value'], true)).toBe(
      '{A1:A, C1:C}',
    );
  });

  it('refuses a table that has none of the columns', () => {
    expect(() => tableColumns(placement, ['author'])).toThrow(/Check-ins has none of the columns/);
  });
});

describe('headerFormula', () => {
  it('scores objectives from only the Key Results columns OKRSCORE reads', () => {
    expect(headerFormula(OBJECTIVES, 'score', defaults.objectives.columns, defaults)).toBe(
      "={\"Score\"; OKRSCORE({'Key Results'!A1:C, 'Key Results'!E1:E, 'Key Results'!G1:I, " +
        "'Key Results'!L1:L}, A2:A)}",
    );
  });

  it('follows the other table when the user inserts columns before it', () => {
    const moved = shifted(defaults, 2);
    expect(headerFormula(OBJECTIVES, 'planned', moved.objectives.columns, moved)).toBe(
      "={\"Planned\"; OKRPLANNED({'Key Results'!C1:E, 'Key Results'!G1:G, 'Key Results'!I1:N}, " +
        'C2:C, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}',
    );
    expect(headerFormula(KEY_RESULTS, 'forecast', moved.keyResults.columns, moved)).toBe(
      '={"Forecast"; OKRFORECAST({C1:C, G1:G, I1:J, L1:M}, ' +
        "'Check-ins'!C1:E, C2:C, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}",
    );
  });

  it('names the sheets as the workbook spells them', () => {
    const renamed: FormulaTables = {
      ...defaults,
      keyResults: { ...defaults.keyResults, sheetName: "Q1's key results" },
    };
    expect(headerFormula(OBJECTIVES, 'score', renamed.objectives.columns, renamed)).toContain(
      "OKRSCORE({'Q1''s key results'!A1:C, ",
    );
  });

  it('builds nothing for a column people type in', () => {
    expect(headerFormula(KEY_RESULTS, 'title', defaults.keyResults.columns, defaults)).toBeNull();
  });
});
