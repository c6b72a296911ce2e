/**
 * No silent adoption: which sheets and columns that carry one of our names are really the
 * user's. A sheet named like a table but lacking its required columns is theirs; a computed
 * column (Progress, Planned, Status, …) is ours only while its header cell holds our formula; a
 * typed column the add-on writes (Confidence, Last Check-in) is ours only while its cells hold
 * what we would write there.
 */
import { findColumns, headerKey, type ColumnMap } from './headers';
import { headerOfFormula } from './formulaColumns';
import { isBlankCell, readDate, readNumber } from './cells';
import { SETTINGS, type ColumnDef, type TableDef } from './schema';

/** A sheet or column of the user's that carries a name the add-on needs. */
export type AdoptionConflict =
  | { kind: 'sheet'; table: TableDef; sheetName: string; missing: string[]; renameTo: string }
  | {
      kind: 'column';
      table: TableDef;
      sheetName: string;
      /** 1-based sheet column of the user's header. */
      column: number;
      header: string;
      renameTo: string;
    };

/** Row 1 of a sheet as setup reads it: values and formulas side by side. */
export interface HeaderRow {
  name: string;
  headerValues: readonly unknown[];
  headerFormulas: readonly string[];
  lastColumn: number;
}

/** True when a header formula is one of ours: `={"Progress"; OKRPROGRESS(…)}` and the like. */
export function isOurHeaderFormula(column: ColumnDef, formula: string): boolean {
  const header = headerOfFormula(formula);
  return (
    header !== null &&
    headerKey(header) === headerKey(column.header) &&
    /\bOKR[A-Z]+\s*\(/i.test(formula)
  );
}

/** The name a user's sheet or header is given to make room for ours: "Progress (original)". */
export function originalName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((candidate) => candidate.toLowerCase()));
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? ' (original)' : ` (original ${attempt})`;
    if (!used.has(`${name}${suffix}`.toLowerCase())) return `${name}${suffix}`;
  }
}

/**
 * The user's sheets and columns among `sheets` that setup would otherwise take for its own. A
 * sheet with no content is not a conflict: setup fills it. Settings is read from columns A and B
 * even without a header (as the settings parser does), so it is never one.
 */
export function findAdoptionConflicts(
  tables: readonly TableDef[],
  sheets: readonly HeaderRow[],
  allSheetNames: readonly string[],
): AdoptionConflict[] {
  const conflicts: AdoptionConflict[] = [];
  const takenNames = [...allSheetNames];
  for (const table of tables) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === table.sheetName.toLowerCase());
    if (!sheet || sheet.lastColumn === 0 || table === SETTINGS) continue;
    const header = sheet.headerValues.map((value, index) =>
      headerKey(value) !== '' ? value : (headerOfFormula(sheet.headerFormulas[index] ?? '') ?? ''),
    );
    const { columns, missing } = findColumns(table, header);
    if (missing.length > 0) {
      const renameTo = originalName(sheet.name, takenNames);
      takenNames.push(renameTo);
      conflicts.push({
        kind: 'sheet',
        table,
        sheetName: sheet.name,
        missing: missing.map((column) => column.header),
        renameTo,
      });
      continue;
    }
    const headers = header.map((cell) => String(cell ?? ''));
    for (const column of table.columns.filter((c) => c.computed)) {
      const index = columns[column.key];
      if (index === undefined) continue;
      if (isOurHeaderFormula(column, sheet.headerFormulas[index] ?? '')) continue;
      const typed = headers[index]!;
      conflicts.push({
        kind: 'column',
        table,
        sheetName: sheet.name,
        column: index + 1,
        header: typed,
        renameTo: originalName(typed, headers),
      });
    }
  }
  return conflicts;
}

/** The question setup asks before renaming anything, one line per sheet or column. */
export function describeConflicts(conflicts: readonly AdoptionConflict[]): string {
  const lines = conflicts.map((conflict) =>
    conflict.kind === 'sheet'
      ? `• Your sheet "${conflict.sheetName}" is not an OKR Cadence table (it has no ${conflict.missing
          .map((header) => `"${header}"`)
          .join(', ')} column). Rename it to "${conflict.renameTo}" and add ours beside it.`
      : `• Your column "${conflict.header}" on "${conflict.sheetName}" holds your own values, not the OKR Cadence formula. Rename its header to "${conflict.renameTo}" and add ours at the end.`,
  );
  return (
    `This workbook has sheets or columns of yours with names OKR Cadence uses:\n\n${lines.join('\n')}\n\n` +
    'Nothing else of yours changes. Choose Yes to rename them and go on, or No to stop without changing anything ' +
    '(Import OKRs… can bring your own OKRs into the OKR Cadence tables instead).'
  );
}

/** Whether a non-blank cell holds what the add-on itself would write in the column. */
const WRITES_LIKE_OURS: Partial<Record<string, (cell: unknown) => boolean>> = {
  confidence: (cell) => {
    const read = readNumber(cell);
    return read.ok && read.value !== null && read.value >= 0 && read.value <= 10;
  },
  lastCheckIn: (cell) => readDate(cell).ok,
};

/**
 * The fields of `fields` whose column holds only what we would write there (or is blank):
 * a Confidence column of High/Medium/Low words or a Last Check-in column of the user's notes is
 * theirs, and a check-in leaves it alone.
 */
export function fieldsInOurColumns(
  fields: Readonly<Record<string, unknown>>,
  values: readonly (readonly unknown[])[],
  columns: ColumnMap,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const isOurs = WRITES_LIKE_OURS[key];
    const index = columns[key];
    const theirs =
      isOurs !== undefined &&
      index !== undefined &&
      values.slice(1).some((row) => !isBlankCell(row[index]) && !isOurs(row[index]));
    if (!theirs) kept[key] = value;
  }
  return kept;
}
