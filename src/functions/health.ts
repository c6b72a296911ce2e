/**
 * OKRHEALTH(objectives, key_results, check_ins, as_of): the health check as a table that spills
 * from the formula cell. A formula sees only its arguments, so the focus limits and check-in
 * period are the defaults, the cycle spans the KRs' own dates, and the initiative and KPI checks
 * (whose sheets are not arguments) are left to the Check OKR health menu item. A blank check_ins
 * (the documented form) keeps the history out of every recalculation: missed check-ins come from
 * the KRs' Last Check-in, and the flags read from check-in rows are left to the menu item too.
 */
import { checkHealth, healthTable } from '../core/health';
import { readDate } from '../workbook/cells';
import { defaultSettings } from '../workbook/settings';
import { parseCheckIns, parseKeyResults, parseObjectives } from '../workbook/tables';
import { cellValue } from './cellValue';
import { asGrid, singleValue, withUserErrors } from './grid';

/** A check_ins argument left blank ("" or one empty cell) means the history is not given. */
function isEmptyArgument(value: unknown): boolean {
  const grid = asGrid(value);
  return grid.every((row) =>
    row.every((cell) => cell === '' || cell === null || cell === undefined),
  );
}

export function okrHealth(
  objectives: unknown,
  keyResults: unknown,
  checkIns: unknown,
  asOf: unknown,
): string[][] {
  return withUserErrors(() => {
    const reportDate = cellValue('as_of', readDate(singleValue({ name: 'as_of', value: asOf })));
    if (reportDate === null) {
      throw new Error('as_of is blank. Pass the report date, such as OKR_REPORT_DATE.');
    }
    const settings = { ...defaultSettings(reportDate), cycleStart: null, cycleEnd: null };
    return healthTable(
      checkHealth({
        objectives: parseObjectives(asGrid(objectives)).rows,
        keyResults: parseKeyResults(asGrid(keyResults)).rows,
        checkIns: isEmptyArgument(checkIns) ? null : parseCheckIns(asGrid(checkIns)).rows,
        initiatives: null,
        kpis: null,
        settings,
        asOf: reportDate,
      }),
    );
  });
}
