/**
 * An emulated workbook holding the health fixtures' tables (tests/unit/core/healthFixtures.ts),
 * with the bundle loaded and the Report Date set to the fixture's as-of date.
 */
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import type { HealthWorkbook } from '../unit/core/healthFixtures';
import { cellsToInstants, instantOf } from '../../src/core/wallClock';
import { SPREADSHEET_TIME_ZONE } from './spreadsheetClock';

export const SHEETS: [string, keyof HealthWorkbook][] = [
  ['Objectives', 'objectives'],
  ['Key Results', 'keyResults'],
  ['Check-ins', 'checkIns'],
  ['Initiatives', 'initiatives'],
  ['KPIs', 'kpis'],
  ['Settings', 'settings'],
];

/**
 * A workbook holding the fixture's tables, with the Report Date set to the fixture's as-of date.
 * The fixture's dates are wall-clock readings; the cells hold them as instants in the
 * spreadsheet's zone, as the add-on writes them.
 */
export function workbookOf(book: HealthWorkbook): Emulator {
  const emulator = createEmulator({ now: instantOf(book.asOf, SPREADSHEET_TIME_ZONE) });
  emulator.loadBundle();
  emulator.uncounted(() => {
    for (const [name, key] of SHEETS) {
      let rows = book[key] as unknown[][];
      if (key === 'settings')
        rows = rows.map((row) => (row[0] === 'Report Date' ? ['Report Date', book.asOf] : row));
      const width = Math.max(...rows.map((row) => row.length));
      const grid = cellsToInstants(
        rows.map((row) => [...row, ...new Array(width - row.length).fill('')]),
        SPREADSHEET_TIME_ZONE,
      );
      const sheet = emulator.spreadsheet.insertSheet(name);
      if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length);
      sheet.getRange(1, 1, grid.length, width).setValues(grid as unknown[][]);
    }
  });
  return emulator;
}
