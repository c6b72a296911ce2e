/**
 * Set up OKR workbook, Check OKR health and Build dashboard on a team's own workbook of 10,000 key
 * results under 2,000 objectives, whose sheets carry columns of the user's between and after ours
 * (text that looks like numbers, percents or formulas, numbers, live formulas) and fill their
 * 26-column grids to the last column: nothing throws, every cell the user had reads back as it
 * was, the grids grow first, the Health sheet names the bad cells planted in the data, and the
 * dashboard lists every objective with the score OKRSCORE gives it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  type CellData,
  type CellValue,
  type Emulator,
} from '../../preview/emulator/index';
import { keyResultProgress } from '../../src/core/progress';
import { objectiveScore, type WeightedProgress } from '../../src/core/score';
import { parseKeyResults } from '../../src/workbook/tables';
import { OBJECTIVE_HEADER } from '../../src/workbook/dashboard';
import { columnLetter } from '../../src/workbook/formulaColumns';
import { buildBundle } from './bundle';
import { lastToast } from './setupHelpers';
import { onSpreadsheetClock } from './spreadsheetClock';

const NOW = onSpreadsheetClock('2026-11-18T10:00');
const OBJECTIVES = 2_000;
const KEY_RESULTS_PER_OBJECTIVE = 5;
const KEY_RESULT_COUNT = OBJECTIVES * KEY_RESULTS_PER_OBJECTIVE;
const CHECK_INS = 600;
const TEAMS = 40;
const TYPES = ['increase', 'decrease', 'percentage', 'task', 'at least', 'at most', 'binary'];
/** The sheet row (1-based, header on row 1) of the key result whose Target is "lots". */
const BAD_TARGET_ROW = 5_001;
/** The sheet row of the key result whose Start is "about ten". */
const BAD_START_ROW = 9_876;
const SHEET_WIDTH = 26;

/** A column of a sheet as the user keeps it: header, and the cell of each data row. */
interface Column {
  header: string;
  /** Columns of the user's, whose every cell must survive. */
  user?: boolean;
  cell: (index: number) => CellData | undefined;
}

/** Text the user typed as plain text (format `@`), so Sheets keeps it as typed. */
const text = (value: string): CellData => ({ value, numberFormat: '@' });
/** Text typed with a leading apostrophe: kept as text in a cell of the default format. */
const apostropheText = (value: string): CellData => ({ value });
const value = (cellValue: CellValue | undefined): CellData | undefined =>
  cellValue === undefined || cellValue === '' ? undefined : { value: cellValue };
/** Text that would be a number, percent, date, boolean or formula if Sheets parsed it. */
const LOOKALIKES = ['007', '50%', '=not a formula', '1e5', 'TRUE', '2026-01-05', '+1', '1,000'];

/** A user column of look-alike text, numbers and blanks, different on every row. */
const mixedColumn = (header: string, offset: number): Column => ({
  header,
  user: true,
  cell: (index) => {
    const kind = (index + offset) % 5;
    const lookalike = LOOKALIKES[(index + offset) % LOOKALIKES.length]!;
    if (kind === 0) return index % 2 === 0 ? text(lookalike) : apostropheText(lookalike);
    if (kind === 1) return value(index * 1.25);
    if (kind === 2) return undefined;
    if (kind === 3) return text(`note ${index} for ${header}`);
    return value(-index);
  },
});

/** A column of the user's with a live formula on every row. */
const formulaColumn = (header: string, source: string): Column => ({
  header,
  user: true,
  cell: (index) => ({ formula: `=LEN(${source}${index + 2})` }),
});

const keyResultType = (index: number) => TYPES[index % TYPES.length]!;
const objectiveOf = (index: number) => `O${Math.floor(index / KEY_RESULTS_PER_OBJECTIVE) + 1}`;

/** Every 50th objective is titled with text that looks like a number, a percent or a formula. */
const objectiveTitle = (index: number) =>
  index % 50 === 0 ? LOOKALIKES[(index / 50) % LOOKALIKES.length]! : `Objective ${index + 1}`;

const OBJECTIVE_COLUMNS: Column[] = [
  { header: 'ID', cell: (index) => text(`O${index + 1}`) },
  mixedColumn('Budget code', 0),
  { header: 'Objective', cell: (index) => text(objectiveTitle(index)) },
  { header: 'Owner', cell: (index) => text(`person${index % 200}@example.com`) },
  formulaColumn('Title length', 'C'),
  { header: 'Team', cell: (index) => text(index % TEAMS === 7 ? '007' : `Team ${index % TEAMS}`) },
  mixedColumn('Sponsor note', 3),
];

/**
 * Start or Target: the figure for decrease and for other measured types, blank for percentage and
 * binary key results, and unreadable text on one planted row.
 */
const boundColumn = (
  header: string,
  figure: { decrease: number; other: number },
  badRow: number,
  badText: string,
): Column => ({
  header,
  cell: (index) => {
    if (index + 2 === badRow) return text(badText);
    const type = keyResultType(index);
    if (type === 'percentage' || type === 'binary') return undefined;
    return value(type === 'decrease' ? figure.decrease : figure.other);
  },
});

const KEY_RESULT_COLUMNS: Column[] = [
  { header: 'ID', cell: (index) => text(`KR${index + 1}`) },
  { header: 'Objective ID', cell: (index) => text(objectiveOf(index)) },
  mixedColumn('Squad', 1),
  { header: 'Key Result', cell: (index) => text(`Key result ${index + 1}`) },
  { header: 'Owner', cell: (index) => text(`person${index % 200}@example.com`) },
  { header: 'Type', cell: (index) => text(keyResultType(index)) },
  mixedColumn('Budget', 2),
  boundColumn('Start', { decrease: 100, other: 0 }, BAD_START_ROW, 'about ten'),
  boundColumn('Target', { decrease: 20, other: 100 }, BAD_TARGET_ROW, 'lots'),
  {
    header: 'Current',
    cell: (index) => {
      const type = keyResultType(index);
      if (type === 'binary') return value(index % 2 === 0);
      return value(type === 'percentage' ? (index % 100) / 100 : index % 100);
    },
  },
  formulaColumn('Title length', 'D'),
  mixedColumn('Code', 3),
  mixedColumn('Share', 4),
];

const CHECK_IN_COLUMNS: Column[] = [
  {
    header: 'Timestamp',
    cell: (index) => value(new Date(NOW.getTime() - (index + 1) * 3_600_000)),
  },
  { header: 'Key Result ID', cell: (index) => text(`KR${index * 7 + 1}`) },
  mixedColumn('Mood', 2),
  { header: 'Value', cell: (index) => value(index % 100) },
  { header: 'Progress', cell: (index) => text(`Moved it by ${index}`) },
];

/** The header row as the sheet holds it: our and the user's columns, then a note in the last column. */
function headerOf(columns: readonly Column[], lastColumnNote: string): (string | undefined)[] {
  const header: (string | undefined)[] = columns.map((column) => column.header);
  while (header.length < SHEET_WIDTH - 1) header.push(undefined);
  header.push(lastColumnNote);
  return header;
}

/**
 * Adds a 26-column sheet of `count` data rows (and some spare rows, as a user's sheet has) and fills
 * it straight into the model; the last column holds a column of the user's, so the grid is full.
 */
function addUserSheet(
  emulator: Emulator,
  name: string,
  columns: readonly Column[],
  count: number,
): void {
  const lastColumnNote = `${name} remark`;
  const sheet = emulator.workbook.addSheet(
    name,
    undefined,
    Math.max(1_000, count + 21),
    SHEET_WIDTH,
  );
  sheet.rows[0] = headerOf(columns, lastColumnNote).map((header) =>
    header === undefined ? undefined : { value: header, fontWeight: 'bold' },
  );
  const lastColumn = mixedColumn(lastColumnNote, 0);
  for (let index = 0; index < count; index++) {
    const row: (CellData | undefined)[] = columns.map((column) => column.cell(index));
    row[SHEET_WIDTH - 1] = lastColumn.cell(index);
    sheet.rows[index + 1] = row;
  }
  sheet.frozenRows = 1;
}

/** A marked sheet of the add-on's that a user shrank: far too small for what it shows next. */
function addShrunkOwnSheet(emulator: Emulator, name: string, kind: string): void {
  const sheet = emulator.workbook.addSheet(name, undefined, 5, 3);
  sheet.rows[0] = [{ value: `Old ${name}` }];
  emulator.uncounted(() =>
    emulator.spreadsheet.getSheetByName(name)!.addDeveloperMetadata('okrCadence.sheet', kind),
  );
}

/** A Settings sheet the user started, with a comment column of their own. */
const SETTING_ROWS = [
  ['Setting', 'Value', 'Comment'],
  ['Cycle Name', '2026 Q4', '007'],
  ['Check-in Day', 'Friday', '=not a formula'],
];

function addUserSettings(emulator: Emulator): void {
  const sheet = emulator.workbook.addSheet('Settings');
  sheet.rows = SETTING_ROWS.map((row) => row.map(text));
}

function userWorkbook(): Emulator {
  const emulator = createEmulator({ now: NOW, user: 'person0@example.com', sheetNames: [] });
  emulator.loadBundle();
  addUserSheet(emulator, 'Objectives', OBJECTIVE_COLUMNS, OBJECTIVES);
  addUserSheet(emulator, 'Key Results', KEY_RESULT_COLUMNS, KEY_RESULT_COUNT);
  addUserSheet(emulator, 'Check-ins', CHECK_IN_COLUMNS, CHECK_INS);
  addUserSettings(emulator);
  addShrunkOwnSheet(emulator, 'Health', 'health');
  addShrunkOwnSheet(emulator, 'Dashboard', 'dashboard');
  emulator.workbook.touch();
  return emulator;
}

/** Every column the user's sheet had before setup, by header: values and formulas of every row. */
type ColumnSnapshot = Map<string, { values: unknown[]; formulas: string[] }>;

function snapshotColumns(emulator: Emulator, sheetName: string, headers: string[]): ColumnSnapshot {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(sheetName)!;
    const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const values = range.getValues();
    const formulas = range.getFormulas();
    const header = values[0]!.map(String);
    const snapshot: ColumnSnapshot = new Map();
    for (const name of headers) {
      const column = header.indexOf(name);
      if (column < 0) throw new Error(`${sheetName} has no column ${name}`);
      snapshot.set(name, {
        values: values.map((row) => row[column]),
        formulas: formulas.map((row) => row[column]!),
      });
    }
    return snapshot;
  });
}

/** Dates (of either realm) by their instant, everything else as it is. */
const comparable = (cell: unknown): unknown =>
  typeof (cell as Date | null)?.getTime === 'function' ? (cell as Date).getTime() : cell;

/** Each objective's score as the engine computes it from the parsed Key Results sheet. */
function engineScores(
  keyResultValues: unknown[][],
  leaveOut: ReadonlySet<string>,
): Map<string, number | null> {
  const byObjective = new Map<string, WeightedProgress[]>();
  for (const keyResult of parseKeyResults(keyResultValues).rows) {
    if (leaveOut.has(keyResult.objectiveId)) continue;
    const progress = keyResultProgress(
      keyResult.type,
      keyResult.start,
      keyResult.target,
      keyResult.current,
    );
    const own = byObjective.get(keyResult.objectiveId) ?? [];
    own.push({ progress, weight: keyResult.weight });
    byObjective.set(keyResult.objectiveId, own);
  }
  return new Map([...byObjective].map(([id, own]) => [id, objectiveScore(own)]));
}

function sheetValues(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() =>
    emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues(),
  );
}

function gridOf(emulator: Emulator, name: string): { rows: number; columns: number } {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(name)!;
    return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
  });
}

/** The sheets the user had before setup: their columns, and which of them are the user's own. */
const SHEETS = [
  { name: 'Objectives', columns: OBJECTIVE_COLUMNS },
  { name: 'Key Results', columns: KEY_RESULT_COLUMNS },
  { name: 'Check-ins', columns: CHECK_IN_COLUMNS },
].map(({ name, columns }) => ({
  name,
  ours: columns.filter((column) => !column.user).map((column) => column.header),
  users: [
    ...columns.filter((column) => column.user).map((column) => column.header),
    `${name} remark`,
  ],
}));
SHEETS.push({ name: 'Settings', ours: ['Setting', 'Value'], users: ['Comment'] });

describe('Set up, health check and dashboard on 10,000 key results with columns of the user’s', () => {
  let emulator: Emulator;
  const before = new Map<string, ColumnSnapshot>();
  let firstSetup: string | undefined;
  let secondSetup: string | undefined;

  beforeAll(() => {
    buildBundle();
    emulator = userWorkbook();
    for (const { name, ours, users } of SHEETS)
      before.set(name, snapshotColumns(emulator, name, [...ours, ...users]));
    emulator.call('setUpWorkbook');
    firstSetup = lastToast(emulator);
    emulator.call('checkOkrHealth');
    emulator.call('buildDashboard');
    // Run again, as users do: setup finds nothing to add, and both sheets are rebuilt whole.
    emulator.call('setUpWorkbook');
    secondSetup = lastToast(emulator);
    emulator.call('checkOkrHealth');
    emulator.call('buildDashboard');
  }, 120_000);

  it('keeps every cell of the user’s columns, and every filled cell of ours, exactly as it was', () => {
    for (const { name, ours, users } of SHEETS) {
      const after = snapshotColumns(emulator, name, [...ours, ...users]);
      for (const [header, cells] of before.get(name)!) {
        const now = after.get(header)!;
        // Blank cells of our columns may be filled (setup appends settings); the user's stay blank.
        const kept = (row: number) =>
          (ours.includes(header) && cells.values[row] === '' && cells.formulas[row] === '') ||
          (Object.is(comparable(cells.values[row]), comparable(now.values[row])) &&
            cells.formulas[row] === now.formulas[row]);
        // Row by row over the old grid, so a changed cell is named rather than a 10,000-row diff.
        const changed = cells.values.findIndex((_, row) => !kept(row));
        expect(changed, `${name} column ${header}, row ${changed + 1}`).toBe(-1);
      }
    }
    const keyResults = sheetValues(emulator, 'Key Results');
    const header = keyResults[0]!.map(String);
    const row = (index: number) => keyResults[index + 1]!;
    const code = header.indexOf('Code');
    const lookalikes = keyResults.slice(1).map((cells) => cells[code]);
    for (const typed of LOOKALIKES) expect(lookalikes).toContain(typed);
    expect(row(BAD_TARGET_ROW - 2)[header.indexOf('Target')]).toBe('lots');
  });

  it('adds our missing columns after the user’s last column, widening the full 26-column grids', () => {
    for (const { name } of SHEETS.slice(0, 3)) {
      const header = sheetValues(emulator, name)[0]!.map(String);
      expect(header[SHEET_WIDTH - 1], name).toBe(`${name} remark`);
      expect(gridOf(emulator, name).columns, name).toBeGreaterThan(SHEET_WIDTH);
    }
    const keyResultHeader = emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
      const range = sheet.getRange(1, 1, 1, sheet.getMaxColumns());
      return range
        .getValues()[0]!
        .map((cell, index) => String(cell || range.getFormulas()[0]![index]));
    });
    for (const name of ['Confidence', 'Weight', 'Last Check-in', 'Progress', 'Planned', 'Status'])
      expect(
        keyResultHeader.findIndex((label) => label.includes(name)),
        name,
      ).toBeGreaterThanOrEqual(SHEET_WIDTH);
    const named = emulator.uncounted(() => {
      const range = emulator.spreadsheet.getRangeByName('OKR_KEY_RESULTS')!;
      return { lastRow: range.getLastRow(), lastColumn: range.getLastColumn() };
    });
    expect(named.lastRow).toBeGreaterThan(KEY_RESULT_COUNT);
    expect(named.lastColumn).toBeGreaterThan(SHEET_WIDTH);
  });

  it('says what setup added the first time and that nothing was missing the second time', () => {
    expect(firstSetup).toMatch(/^Added /);
    expect(secondSetup).toBe('Everything was already set up');
  });

  it('points the Key Results formulas and the dashboard’s confidence at our columns among the user’s', () => {
    const { header, formulas } = emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
      const range = sheet.getRange(1, 1, 1, sheet.getMaxColumns());
      return { header: range.getValues()[0]!.map(String), formulas: range.getFormulas()[0]! };
    });
    const letter = (name: string) => columnLetter(header.indexOf(name));
    const at = (name: string) => `${letter(name)}2:${letter(name)}`;
    expect(formulas).toContain(
      `={"Progress"; OKRPROGRESS(${at('Type')}, ${at('Start')}, ${at('Target')}, ${at('Current')})}`,
    );
    const dashboard = emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Dashboard')!;
      return sheet.getRange(1, 1, sheet.getLastRow(), OBJECTIVE_HEADER.length).getFormulas();
    });
    const confidence = OBJECTIVE_HEADER.indexOf('Confidence');
    const row = dashboard.findIndex((cells) => cells[confidence] !== '') + 1;
    const absolute = (name: string) => `'Key Results'!$${letter(name)}$2:$${letter(name)}`;
    expect(dashboard[row - 1]![confidence]).toBe(
      `=IFERROR(AVERAGEIF(${absolute('Objective ID')}, A${row}, ${absolute('Confidence')}), "")`,
    );
  });

  it('lists the unreadable cells planted in the data on a Health sheet grown past its old grid', () => {
    const health = sheetValues(emulator, 'Health');
    const lines = health.map((row) => String(row[0]));
    expect(lines[0]).toBe('OKR Health Check');
    expect(
      lines.some((line) =>
        line.startsWith(
          `Key Results row ${BAD_TARGET_ROW}, column Target: "lots" is not a number.`,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((line) =>
        line.startsWith(`Key Results row ${BAD_START_ROW}, column Start: "about ten"`),
      ),
    ).toBe(true);
    expect(gridOf(emulator, 'Health').rows).toBeGreaterThanOrEqual(health.length);
  });

  it('shows one dashboard row per objective, scored as OKRSCORE scores the same key results', () => {
    const dashboard = sheetValues(emulator, 'Dashboard');
    const headerRow = dashboard.findIndex((row) => row[0] === 'ID' && row[5] === 'Score');
    expect(dashboard[headerRow]!.slice(0, OBJECTIVE_HEADER.length)).toEqual([...OBJECTIVE_HEADER]);
    const firstRow = headerRow + 2;
    const lastRow = headerRow + 1 + OBJECTIVES;
    const ids = dashboard.slice(firstRow - 1, lastRow).map((row) => [row[0]]);
    expect(new Set(ids.map(([id]) => id))).toEqual(
      new Set(Array.from({ length: OBJECTIVES }, (_, index) => `O${index + 1}`)),
    );
    expect(dashboard[lastRow]?.[0] ?? '').toBe('');
    expect(gridOf(emulator, 'Dashboard').rows).toBeGreaterThanOrEqual(lastRow);

    // Evaluating every formula of the dashboard takes minutes in the preview's engine, so the
    // score column's one spilling formula is evaluated as Sheets would: OKRSCORE on its ranges,
    // the Key Results columns it reads joined side by side.
    const scores = emulator.uncounted(() => {
      const formula = emulator.spreadsheet
        .getSheetByName('Dashboard')!
        .getRange(firstRow, 6)
        .getFormula();
      expect(formula).toMatch(
        new RegExp(`^=OKRSCORE\\(\\{'Key Results'!.+\\}, A${firstRow}:A${lastRow}\\)$`),
      );
      const keyResults = emulator.spreadsheet.getSheetByName('Key Results')!;
      const parts = [...formula.matchAll(/'Key Results'!([A-Z]+)1:([A-Z]+)/g)].map(
        ([, first, last]) =>
          keyResults.getRange(`${first}1:${last}${keyResults.getLastRow()}`).getValues(),
      );
      const table = parts[0]!.map((_, row) => parts.flatMap((part) => part[row]!));
      expect(table[0]!.map(String).sort()).toEqual(
        ['ID', 'Objective ID', 'Key Result', 'Type', 'Start', 'Target', 'Current', 'Weight'].sort(),
      );
      const okrScore = emulator.context.OKRSCORE as (table: unknown, ids: unknown) => unknown[][];
      return okrScore(table, ids).map(([score]) => score);
    });
    // The objectives of the key results with an unreadable Target or Start: OKRSCORE names the cell.
    const planted = new Set([BAD_TARGET_ROW, BAD_START_ROW].map((row) => objectiveOf(row - 2)));
    const engine = engineScores(sheetValues(emulator, 'Key Results'), planted);
    ids.forEach(([id], index) => {
      const score = scores[index];
      if (planted.has(String(id)))
        expect(String(score), String(id)).toMatch(
          /^ERROR: Key Results row \d+, column (Target|Start)/,
        );
      else expect(score, String(id)).toBeCloseTo(engine.get(String(id))!, 12);
    });
  });

  it('copies each objective’s ID, title, owner and team to the dashboard as typed, look-alikes included', () => {
    const dashboard = sheetValues(emulator, 'Dashboard');
    const headerRow = dashboard.findIndex((row) => row[0] === 'ID' && row[5] === 'Score');
    const shown = dashboard.slice(headerRow + 1, headerRow + 1 + OBJECTIVES);
    const objectives = sheetValues(emulator, 'Objectives');
    const header = objectives[0]!.map(String);
    const columns = ['ID', 'Objective', 'Owner', 'Team'].map((name) => header.indexOf(name));
    const typed = objectives.slice(1, OBJECTIVES + 1).map((row) => columns.map((c) => row[c]));
    expect(shown.map((row) => row.slice(0, 4))).toEqual(typed);
    for (const lookalike of LOOKALIKES) expect(shown.map((row) => row[1])).toContain(lookalike);
    // The team table (from row 9) names the team typed as 007 as typed.
    expect(dashboard.slice(8).map((row) => row[0])).toContain('007');
  });

  it('replaces the shrunk Health and Dashboard sheets, and then its own, with grids grown to what they show', () => {
    const names = emulator.uncounted(() =>
      emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()),
    );
    for (const name of ['Health', 'Dashboard']) {
      expect(names.filter((sheet) => sheet.startsWith(name))).toEqual([name]);
      const shown = sheetValues(emulator, name);
      expect(shown.length, name).toBeGreaterThan(1_000);
      expect(gridOf(emulator, name).rows, name).toBeGreaterThanOrEqual(shown.length);
    }
    expect(sheetValues(emulator, 'Dashboard')[0]![0]).toBe('OKR Dashboard');
  });
});
