/**
 * Row problems: a cell the workbook layer could not read, with where it is and how to fix it.
 * Parsing collects them instead of throwing, so one bad cell never hides the rest of a sheet.
 */

export interface RowProblem {
  /** Sheet name, e.g. "Key Results". */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Header text of the column as the schema names it, or "" when the whole row is meant. */
  column: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `Key Results row 7, column Target: "abc" is not a number. Type a number such as 120.` */
export function describeProblem(problem: RowProblem): string {
  const place = problem.column
    ? `${problem.sheet} row ${problem.row}, column ${problem.column}`
    : `${problem.sheet} row ${problem.row}`;
  return `${place}: ${problem.message}`;
}

/** The first `limit` problems, one per line, then how many more there are. */
export function summariseProblems(problems: readonly RowProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map(describeProblem);
  const hidden = problems.length - shown.length;
  return hidden > 0 ? [...shown, `…and ${hidden} more.`].join('\n') : shown.join('\n');
}
