/**
 * The check-ins a reminder run needs, read from the bottom of the Check-ins sheet upwards in
 * growing blocks of its required columns, never the whole history: the walk stops once no row
 * could change the plan (every open question answered), or at a block older than any span asked
 * about. Check-ins are appended in time order (the sidebar stamps each with the time of saving),
 * so the rows above such a block are older still; a row typed out of order below newer ones is
 * still found when it sits within the blocks read.
 */
import type { OpenCheckInQuestions } from '../core/reminders';
import type { CheckIn } from '../core/types';
import { mapColumns } from '../workbook/headers';
import { CHECK_INS } from '../workbook/schema';
import { contiguousRuns } from '../workbook/sheetRows';
import { parseCheckIns } from '../workbook/tables';
import { readValues } from './sheetValues';
import { readHeaderRow } from './tables';

/** Rows of the first block; each next block is twice as tall, up to LARGEST_BLOCK. */
const FIRST_BLOCK = 50;
const LARGEST_BLOCK = 5_000;

/**
 * The check-ins read while answering `questions` (which it answers), block by block from the
 * bottom; none when nothing is open or there is no Check-ins sheet. A sheet without its required
 * headers is an error for people, as a full read would be.
 */
export function readRecentCheckIns(questions: OpenCheckInQuestions): CheckIn[] {
  const since = questions.since?.getTime();
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CHECK_INS.sheetName);
  if (since === undefined || questions.settled || !sheet) return [];
  const header = readHeaderRow(sheet);
  const columns = mapColumns(CHECK_INS, header);
  // The columns a parsed check-in cannot do without; rows missing one are left out as before.
  const required = CHECK_INS.columns
    .filter((column) => column.required)
    .map((column) => columns[column.key]!);
  const found: CheckIn[] = [];
  let size = FIRST_BLOCK;
  // getLastRow counts every column; blank rows below the check-ins (a user's formula filled down)
  // only make the walk read on, as blocks without a check-in never stop it.
  for (let last = sheet.getLastRow(); last >= 2; last -= size, size *= 2) {
    size = Math.min(size, LARGEST_BLOCK, last - 1);
    const first = last - size + 1;
    const block = readBlock(sheet, header, required, first, size);
    for (const checkIn of block) questions.answer(checkIn);
    found.push(...block);
    if (questions.settled) break;
    if (block.length > 0 && block.every((checkIn) => checkIn.timestamp.getTime() < since)) break;
  }
  return found;
}

/** The parsed check-ins of `count` rows from `first`, reading only the given columns. */
function readBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: unknown[],
  columns: readonly number[],
  first: number,
  count: number,
): CheckIn[] {
  // Cells of the columns not read stay blank, as in a sheet without them.
  const rows: unknown[][] = Array.from({ length: count }, () => header.map(() => ''));
  for (const run of contiguousRuns(columns)) {
    const cells = readValues(sheet.getRange(first, run[0]! + 1, count, run.length));
    cells.forEach((cellsOfRow, offset) =>
      run.forEach((index, position) => (rows[offset]![index] = cellsOfRow[position])),
    );
  }
  // Parsed as a table whose first row is `first`, so each check-in keeps its sheet row.
  return parseCheckIns([header, ...rows]).rows.map((checkIn) => ({
    ...checkIn,
    row: checkIn.row + first - 2,
  }));
}
