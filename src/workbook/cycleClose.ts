/**
 * What closing a cycle changes, worked out from the tables as read before anything is written:
 * which Objectives and Key Results rows leave the live tables (all of the open cycle's, rows with
 * problems included), and the carried-forward rows, copied cell by cell from the old rows into
 * the add-on's own columns only (a Type nobody knows stays as typed, a missing optional column
 * is simply not written), with the milestone checklists of carried key results.
 */
import type { KeyResult, Objective } from '../core/types';
import { exactCell, isBlankRow, storedColumns, type TableCells } from './archivedRows';
import { carriedId } from './archive';
import { idKey } from './cells';
import { findColumns, type ColumnMap } from './headers';
import { describeProblem, type RowProblem } from './problems';
import { KEY_RESULTS, MILESTONES, OBJECTIVES, type TableDef } from './schema';
import type { Cycle } from './settings';
import type { SheetCell } from './sheetRows';

/** Rows to append to a live table, written only in `columns` (the add-on's, 0-based). */
export interface CarriedBlock {
  columns: number[];
  /** Full-width rows; cells outside `columns` are never written. */
  rows: SheetCell[][];
}

/** The add-on's typed columns of a table present on the sheet, by key, and their indexes. */
function ownColumns(table: TableDef, cells: TableCells): { map: ColumnMap; indexes: number[] } {
  const stored = new Set(storedColumns(table, cells));
  const { columns } = findColumns(table, cells.values[0] ?? []);
  const map: ColumnMap = {};
  for (const [key, index] of Object.entries(columns))
    if (index !== undefined && stored.has(index)) map[key] = index;
  return {
    map,
    indexes: Object.values(map).filter((index): index is number => index !== undefined),
  };
}

/** A copy of the old row's own cells, exactly as they read, with some fields replaced. */
function copiedRow(
  cells: TableCells,
  sheetRow: number,
  own: { map: ColumnMap; indexes: number[] },
  replace: Record<string, SheetCell>,
): SheetCell[] {
  const source = cells.values[sheetRow - 1] ?? [];
  const row: SheetCell[] = (cells.values[0] ?? []).map(() => '');
  for (const index of own.indexes) row[index] = exactCell(source[index]);
  for (const [key, value] of Object.entries(replace)) {
    const index = own.map[key];
    if (index !== undefined) row[index] = value;
  }
  return row;
}

export interface CarryInput {
  objectives: TableCells;
  keyResults: TableCells;
  /** Null when the workbook has no Milestones sheet. */
  milestones: TableCells | null;
  /** The objectives of the closing cycle, in sheet order. */
  cycleObjectives: readonly Objective[];
  /** The key results chosen to carry forward, in sheet order. */
  chosen: readonly KeyResult[];
  next: Cycle;
  fromCycle: string;
}

export interface CarryPlan {
  objectives: CarriedBlock;
  keyResults: CarriedBlock;
  milestones: CarriedBlock | null;
  /** New ID of each carried objective, by idKey() of the old ID. */
  objectiveIds: Map<string, string>;
  /** New ID of each carried key result, by idKey() of the old ID. */
  keyResultIds: Map<string, string>;
  /** Old KR ID → new KR ID, in sheet order. */
  carried: [string, string][];
}

/** Every ID in a table's ID column, so new IDs never collide with one in use. */
function takenIds(cells: TableCells, column: number | undefined): Set<string> {
  const taken = new Set<string>();
  if (column === undefined) return taken;
  for (let index = 1; index < cells.values.length; index++)
    taken.add(idKey(String(cells.values[index]![column] ?? '')));
  return taken;
}

/**
 * The carried rows: a new objective row (new ID, the next cycle, "Carried forward from …" in
 * Notes when there is a Notes column) for each objective with a chosen KR, and a new KR row
 * starting where the old one ended (Start = its numeric Current), blank Current, Confidence and
 * Last Check-in, the next cycle's dates; each carried KR's Milestones rows under its new ID.
 */
export function planCarry(input: CarryInput): CarryPlan {
  const objectiveColumns = ownColumns(OBJECTIVES, input.objectives);
  const keyResultColumns = ownColumns(KEY_RESULTS, input.keyResults);
  const takenObjectives = takenIds(input.objectives, objectiveColumns.map['id']);
  const takenKeyResults = takenIds(input.keyResults, keyResultColumns.map['id']);
  const objectiveIds = new Map<string, string>();
  const carriedObjectiveKeys = new Set(input.chosen.map((kr) => idKey(kr.objectiveId)));

  const carriedObjectives = input.cycleObjectives.filter((objective) =>
    carriedObjectiveKeys.has(idKey(objective.id)),
  );
  for (const objective of carriedObjectives)
    objectiveIds.set(idKey(objective.id), carriedId(objective.id, takenObjectives));
  const objectiveRows = carriedObjectives.map((objective) =>
    copiedRow(input.objectives, objective.row, objectiveColumns, {
      id: exactCell(objectiveIds.get(idKey(objective.id))),
      cycle: exactCell(input.next.cycleName),
      parentId: exactCell(objectiveIds.get(idKey(objective.parentId)) ?? objective.parentId),
      notes: exactCell(`Carried forward from ${objective.id} (${input.fromCycle}).`),
    }),
  );

  const keyResultIds = new Map<string, string>();
  const carried: [string, string][] = [];
  const keyResultRows = input.chosen.map((keyResult) => {
    const id = carriedId(keyResult.id, takenKeyResults);
    keyResultIds.set(idKey(keyResult.id), id);
    carried.push([keyResult.id, id]);
    const start = typeof keyResult.current === 'number' ? keyResult.current : keyResult.start;
    return copiedRow(input.keyResults, keyResult.row, keyResultColumns, {
      id: exactCell(id),
      objectiveId: exactCell(
        objectiveIds.get(idKey(keyResult.objectiveId)) ?? keyResult.objectiveId,
      ),
      start: start ?? '',
      current: '',
      startDate: input.next.cycleStart,
      dueDate: input.next.cycleEnd,
      confidence: '',
      lastCheckIn: '',
    });
  });

  return {
    objectives: { columns: objectiveColumns.indexes, rows: objectiveRows },
    keyResults: { columns: keyResultColumns.indexes, rows: keyResultRows },
    milestones: input.milestones && carriedMilestones(input.milestones, keyResultIds),
    objectiveIds,
    keyResultIds,
    carried,
  };
}

/** The Milestones rows of carried key results, copied under the new KR IDs. */
function carriedMilestones(
  milestones: TableCells,
  keyResultIds: ReadonlyMap<string, string>,
): CarriedBlock {
  const own = ownColumns(MILESTONES, milestones);
  const keyColumn = own.map['keyResultId'];
  const rows: SheetCell[][] = [];
  if (keyColumn !== undefined) {
    for (let index = 1; index < milestones.values.length; index++) {
      const newId = keyResultIds.get(idKey(String(milestones.values[index]![keyColumn] ?? '')));
      if (newId)
        rows.push(copiedRow(milestones, index + 1, own, { keyResultId: exactCell(newId) }));
    }
  }
  return { columns: own.indexes, rows };
}

export interface MovedRows {
  /** 1-based sheet rows leaving Objectives and Key Results, ascending. */
  objectiveRows: number[];
  keyResultRows: number[];
}

/**
 * The rows of the open cycle, which leave the live tables: every non-blank Objectives row except
 * those of an earlier closed cycle still kept there (`staysInTable`), and every non-blank Key
 * Results row except those under such an objective — blank IDs, repeated IDs and unknown
 * objectives included, so nothing of the cycle is left behind.
 */
export function rowsOfOpenCycle(
  objectives: TableCells,
  keyResults: TableCells,
  staysInTable: (row: readonly unknown[], columns: ColumnMap) => boolean,
): MovedRows & { staying: Set<string> } {
  const objectiveColumns = findColumns(OBJECTIVES, objectives.values[0] ?? []).columns;
  const objectiveStored = storedColumns(OBJECTIVES, objectives);
  const staying = new Set<string>();
  const objectiveRows: number[] = [];
  for (let index = 1; index < objectives.values.length; index++) {
    const row = objectives.values[index]!;
    if (isBlankRow(row, objectiveStored)) continue;
    if (staysInTable(row, objectiveColumns)) {
      staying.add(idKey(String(row[objectiveColumns['id'] ?? -1] ?? '')));
    } else objectiveRows.push(index + 1);
  }
  const keyResultColumn = findColumns(KEY_RESULTS, keyResults.values[0] ?? []).columns[
    'objectiveId'
  ];
  const keyResultStored = storedColumns(KEY_RESULTS, keyResults);
  const keyResultRows: number[] = [];
  for (let index = 1; index < keyResults.values.length; index++) {
    const row = keyResults.values[index]!;
    if (isBlankRow(row, keyResultStored)) continue;
    const objectiveId = idKey(String(row[keyResultColumn ?? -1] ?? ''));
    if (objectiveId === '' || !staying.has(objectiveId)) keyResultRows.push(index + 1);
  }
  return { objectiveRows, keyResultRows, staying };
}

/**
 * Rows of the cycle the dialog cannot list (a problem left them out, or a key result names no
 * objective of the cycle): they are archived whole as they are, and the dialog says so.
 */
export function unlistedRows(
  moved: MovedRows,
  listed: { objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
  problems: readonly RowProblem[],
): string[] {
  const firstProblem = new Map<string, RowProblem>();
  for (const problem of problems) {
    const key = `${problem.sheet}:${problem.row}`;
    if (!firstProblem.has(key)) firstProblem.set(key, problem);
  }
  const notices: string[] = [];
  const report = (sheet: string, rows: readonly number[], shown: Set<number>) => {
    for (const row of rows) {
      if (shown.has(row)) continue;
      const problem = firstProblem.get(`${sheet}:${row}`);
      notices.push(
        problem
          ? `${describeProblem(problem)} This row is archived as it is.`
          : `${sheet} row ${row} names no objective of this cycle. It is archived as it is.`,
      );
    }
  };
  report(OBJECTIVES.sheetName, moved.objectiveRows, new Set(listed.objectives.map((o) => o.row)));
  report(
    KEY_RESULTS.sheetName,
    moved.keyResultRows,
    new Set(listed.keyResults.map((kr) => kr.row)),
  );
  return notices;
}

/** The columns of a live table that are the user's own (typed, not the add-on's). */
export function userColumns(table: TableDef, cells: TableCells): number[] {
  const own = new Set(ownColumns(table, cells).indexes);
  return storedColumns(table, cells).filter((index) => !own.has(index));
}

/**
 * How the live rows of the closed cycle are vacated: `clear` empties them (every typed column),
 * `formulas` puts back the formulas of the user's own columns (a formula column of theirs goes on
 * working for new rows; only typed values leave with the archived row), and `carried` places the
 * carried rows in the first of them (rows past them, which cannot happen for Objectives and Key
 * Results, go below the table's last row).
 */
export interface Vacating {
  clear: number[];
  /** Sheet row → column → formula, for the user's columns only. */
  formulas: Map<number, Map<number, string>>;
  /** Sheet row of each carried row, in order. */
  carriedRows: number[];
}

export function vacate(
  cells: TableCells,
  moved: readonly number[],
  keepFormulaColumns: readonly number[],
  carriedCount: number,
  firstFreeRow: number,
): Vacating {
  const formulas = new Map<number, Map<number, string>>();
  for (const sheetRow of moved) {
    const row = cells.formulas[sheetRow - 1] ?? [];
    for (const column of keepFormulaColumns) {
      if (!row[column]) continue;
      const kept = formulas.get(sheetRow) ?? new Map<number, string>();
      kept.set(column, row[column]);
      formulas.set(sheetRow, kept);
    }
  }
  const carriedRows = moved.slice(0, carriedCount);
  for (let extra = 0; carriedRows.length < carriedCount; extra++)
    carriedRows.push(firstFreeRow + extra);
  return { clear: [...moved], formulas, carriedRows };
}

/** Sorted 1-based rows as runs of neighbours: [first row, count], so each run is one call. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1]++;
    else runs.push([row, 1]);
  }
  return runs;
}
