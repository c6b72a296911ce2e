/**
 * A1 notation: `A1`, `A1:B2`, `Sheet!A1:B2`, `'My sheet'!A2:A` (open-ended), `A:C` (whole
 * columns), `2:5` (whole rows).
 * https://developers.google.com/sheets/api/guides/concepts#cell
 */

/** A parsed reference; open ends are null and resolved against the sheet's size by the caller. */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

/** A rectangle of cells, 1-based like Apps Script. */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Open-ended rows (`A:U`, `A2:A`): the range runs to the grid's last row, however it grows. */
  toLastRow?: boolean;
  /** Open-ended columns (`2:5`): the range runs to the grid's last column, however it grows. */
  toLastColumn?: boolean;
}

const CELL = /^(\$?([A-Za-z]+))?(\$?(\d+))?$/;

/** Column letters to a 1-based index: A → 1, Z → 26, AA → 27. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}

/** A 1-based column index to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function parseCell(text: string, whole: string): { row: number | null; column: number | null } {
  const match = CELL.exec(text);
  if (!match || (!match[2] && !match[4]))
    throw new Error(`Range not found: "${whole}" is not valid A1 notation.`);
  const row = match[4] ? Number(match[4]) : null;
  if (row === 0) throw new Error(`Range not found: "${whole}" has row 0; rows start at 1.`);
  return { row, column: match[2] ? columnIndex(match[2]) : null };
}

/** Splits `Sheet!A1:B2` into its sheet name (quotes removed, '' unescaped) and cell part. */
export function splitSheetName(notation: string): { sheetName: string | null; cells: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: notation };
  let sheetName = notation.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName, cells: notation.slice(bang + 1) };
}

export function parseA1(notation: string): A1Reference {
  const { sheetName, cells } = splitSheetName(notation.trim());
  const [startText, endText, extra] = cells.split(':');
  if (!startText || extra !== undefined)
    throw new Error(`Range not found: "${notation}" is not valid A1 notation.`);
  const start = parseCell(startText, notation);
  if (endText === undefined) {
    if (start.row === null || start.column === null) {
      throw new Error(`Range not found: "${notation}" needs both a column and a row, such as A1.`);
    }
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parseCell(endText, notation);
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/**
 * Resolves open ends against the sheet size: `A2:A` runs to the last row, `A:C` covers all rows,
 * `2:5` all columns. Reversed corners (B2:A1) are normalised as Sheets does.
 */
export function resolveA1(reference: A1Reference, maxRows: number, maxColumns: number): GridRange {
  const rowA = reference.startRow ?? 1;
  const rowB = reference.endRow ?? maxRows;
  const columnA = reference.startColumn ?? 1;
  const columnB = reference.endColumn ?? maxColumns;
  const row = Math.min(rowA, rowB);
  const column = Math.min(columnA, columnB);
  return {
    row,
    column,
    numRows: Math.max(rowA, rowB) - row + 1,
    numColumns: Math.max(columnA, columnB) - column + 1,
    ...(reference.endRow === null ? { toLastRow: true } : {}),
    ...(reference.endColumn === null ? { toLastColumn: true } : {}),
  };
}

/** Quotes a sheet name for A1 notation when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, `A1:B2` for a grid range (no sheet name, as Range.getA1Notation returns). */
export function toA1(range: GridRange): string {
  const start = `${columnLetters(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}
