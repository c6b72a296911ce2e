/**
 * Close cycle…: the dialog's server side. getCloseCycleData shows final scores and what closing
 * will do; closeCycle checks the dialog's payload and every sheet it needs, works out the whole
 * change, then writes it all or nothing (src/gas/writeJournal.ts) under the document lock:
 *
 * 1. the Archive sheet gets the final scores and lessons (with the cycle's dates and where each
 *    carried row went);
 * 2. the cycle's Objectives and Key Results rows move, whole, to the Archived Objectives and
 *    Archived Key Results sheets, so the live tables (and every formula over the named ranges)
 *    hold the open cycle only;
 * 3. carried key results get new rows (only the add-on's columns are written);
 * 4. Settings opens the next cycle.
 *
 * Reopen cycle (src/gas/reopenCycle.ts) puts it all back from those sheets.
 */
import { readValues, spreadsheetNow } from './sheetValues';
import { scoredObjective, scoredProgress } from '../core/health';
import { SETTING_LABELS } from '../core/settings';
import { startOfDay } from '../core/wallClock';
import type { KeyResult, Objective } from '../core/types';
import type { CloseCycleData, CloseCycleResult } from '../shared/closeCycle';
import {
  ARCHIVE_HEADER,
  ARCHIVE_SHEET,
  archivedObjectiveIds,
  archiveRows,
  CLOSED_CYCLES_LABEL,
  closedCycleNames,
  closedCyclesValue,
  closedObjectiveTest,
  keyResultsByObjective,
  readCloseCyclePayload,
} from '../workbook/archive';
import {
  ARCHIVED_ROW_COLUMNS,
  ARCHIVED_ROW_SHEETS,
  archivedRow,
  columnLabels,
  exactCell,
  storedColumns,
} from '../workbook/archivedRows';
import { formatIsoDate, idKey } from '../workbook/cells';
import {
  planCarry,
  rowsOfOpenCycle,
  unlistedRows,
  userColumns,
  vacate,
  type CarriedBlock,
  type MovedRows,
} from '../workbook/cycleClose';
import type { RowProblem } from '../workbook/problems';
import { KEY_RESULTS, MILESTONES, OBJECTIVES, SETTINGS, type TableDef } from '../workbook/schema';
import { SCORE_FORMAT } from '../workbook/scoreColours';
import { nextCycle, parseSettings } from '../workbook/settings';
import { lastContentRow, type SheetCell } from '../workbook/sheetRows';
import { parseKeyResults, parseObjectives } from '../workbook/tables';
import {
  appendToArchive,
  findArchiveSheet,
  openArchive,
  placeByLabel,
  readLiveTable,
  readOptionalTable,
  writeSettings,
  type LiveTable,
} from './cycleTables';
import type { OwnSheetKind } from './ownSheet';
import { clearRows, copyRowValues, fillRows, writeBlock } from './sheetWrites';
import { withDocumentLock } from './tables';
import { showDialogPage } from './ui';
import { allOrNothing, type WriteJournal } from './writeJournal';

const DAY_MS = 86_400_000;

/** The open cycle as read before anything is written. */
interface OpenCycle {
  settings: ReturnType<typeof parseSettings>['settings'];
  /** Null when the workbook has no Settings sheet (defaults apply). */
  settingsTable: LiveTable | null;
  closedCycles: string[];
  objectives: LiveTable;
  keyResults: LiveTable;
  cycleObjectives: Objective[];
  cycleKeyResults: KeyResult[];
  byObjective: Map<string, KeyResult[]>;
  /** Final score by idKey() of objective and KR ID. */
  scores: Map<string, number | null>;
  moved: MovedRows;
  notices: string[];
}

/** Reads the tables once (formulas too when closing, to keep user formulas) and groups them once. */
function readOpenCycle(today: Date, withFormulas: boolean): OpenCycle {
  const settingsTable = readOptionalTable(SETTINGS, withFormulas);
  const settingsValues = settingsTable?.cells.values ?? [];
  const { settings } = parseSettings(settingsValues as unknown[][], today);
  const archiveSheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ARCHIVE_SHEET);
  const history = {
    closedCycles: closedCycleNames(settingsValues),
    archivedObjectiveIds: archiveSheet
      ? archivedObjectiveIds(readValues(archiveSheet.getDataRange()))
      : [],
  };
  const objectives = readLiveTable(OBJECTIVES, withFormulas);
  const keyResults = readLiveTable(KEY_RESULTS, withFormulas);
  const parsedObjectives = parseObjectives(objectives.cells.values as unknown[][]);
  const parsedKeyResults = parseKeyResults(keyResults.cells.values as unknown[][]);
  const isClosed = closedObjectiveTest(history);
  const moved = rowsOfOpenCycle(objectives.cells, keyResults.cells, (row, columns) =>
    isClosed(String(row[columns['cycle'] ?? -1] ?? ''), String(row[columns['id'] ?? -1] ?? '')),
  );
  const cycleObjectives = parsedObjectives.rows.filter(
    (objective) => !isClosed(objective.cycle, objective.id),
  );
  const objectiveKeys = new Set(cycleObjectives.map((objective) => idKey(objective.id)));
  const cycleKeyResults = parsedKeyResults.rows.filter((keyResult) =>
    objectiveKeys.has(idKey(keyResult.objectiveId)),
  );
  const byObjective = keyResultsByObjective(cycleKeyResults);
  const scores = new Map<string, number | null>();
  for (const keyResult of cycleKeyResults)
    scores.set(idKey(keyResult.id), scoredProgress(keyResult));
  for (const objective of cycleObjectives)
    scores.set(idKey(objective.id), scoredObjective(byObjective.get(idKey(objective.id)) ?? []));
  const problems: RowProblem[] = [...parsedObjectives.problems, ...parsedKeyResults.problems];
  return {
    settings,
    settingsTable,
    closedCycles: history.closedCycles,
    objectives,
    keyResults,
    cycleObjectives,
    cycleKeyResults,
    byObjective,
    scores,
    moved,
    notices: unlistedRows(
      moved,
      { objectives: cycleObjectives, keyResults: cycleKeyResults },
      problems,
    ),
  };
}

const isoOrNull = (date: Date | null): string | null => (date ? formatIsoDate(date) : null);

/** Why closing now may be a mistake: the cycle has days left, or nothing to close. */
function closingWarnings(cycle: OpenCycle, today: Date, nextName: string): string[] {
  const warnings: string[] = [];
  const end = cycle.settings.cycleEnd;
  const daysLeft = end ? Math.round((end.getTime() - startOfDay(today).getTime()) / DAY_MS) : 0;
  if (end && daysLeft >= 0) {
    warnings.push(
      `${cycle.settings.cycleName} is not over yet: it runs until ${formatIsoDate(end)} ` +
        `(${daysLeft + 1} day${daysLeft === 0 ? '' : 's'} left, today included). Closing now ends it early.`,
    );
  }
  if (cycle.moved.objectiveRows.length === 0 && cycle.moved.keyResultRows.length === 0) {
    warnings.push(
      `${cycle.settings.cycleName} has no objectives or key results. Closing it archives nothing and only opens ${nextName}.`,
    );
  }
  return warnings;
}

/** What the dialog shows: final scores, what closing will do and what to think twice about. */
export function closeCycleData(today: Date = spreadsheetNow()): CloseCycleData {
  const cycle = readOpenCycle(today, false);
  const { settings } = cycle;
  const next = nextCycle(settings, today);
  return {
    cycleName: settings.cycleName,
    cycleStart: isoOrNull(settings.cycleStart),
    cycleEnd: isoOrNull(settings.cycleEnd),
    nextCycleName: next.cycleName,
    nextCycleStart: formatIsoDate(next.cycleStart),
    nextCycleEnd: formatIsoDate(next.cycleEnd),
    warnings: closingWarnings(cycle, today, next.cycleName),
    notices: cycle.notices,
    movedObjectiveRows: cycle.moved.objectiveRows.length,
    movedKeyResultRows: cycle.moved.keyResultRows.length,
    objectives: cycle.cycleObjectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      team: objective.team,
      kind: objective.kind ?? '',
      score: cycle.scores.get(idKey(objective.id)) ?? null,
      keyResults: (cycle.byObjective.get(idKey(objective.id)) ?? []).map((keyResult) => {
        const score = cycle.scores.get(idKey(keyResult.id)) ?? null;
        return {
          id: keyResult.id,
          title: keyResult.title,
          owner: keyResult.owner,
          unit: keyResult.unit,
          start: keyResult.start,
          target: keyResult.target,
          current: keyResult.current,
          score,
          suggestCarry: score !== null && score < 1,
        };
      }),
    })),
  };
}

/**
 * Moves the cycle's rows of a live table, whole, to its archive sheet, and puts the carried rows
 * in their place: the rows are cleared (the formulas of the user's own columns are put back) and
 * the carried rows written into the first of them, in the add-on's columns only (see vacate).
 */
function moveTableRows(
  journal: WriteJournal,
  table: TableDef,
  live: LiveTable,
  rows: readonly number[],
  carried: CarriedBlock,
  archive: { name: string; kind: OwnSheetKind },
  meta: { cycle: string; closedOn: Date },
): void {
  const labels = columnLabels(live.cells.values[0] ?? []);
  const columns = storedColumns(table, live.cells);
  if (rows.length > 0) {
    const target = openArchive(journal, archive.name, archive.kind, [
      ...ARCHIVED_ROW_COLUMNS,
      ...columns.map((index) => labels[index]!),
    ]);
    const position = new Map(target.header.map((label, index) => [label.toLowerCase(), index]));
    // Columns without a date in these rows are copied inside the spreadsheet; a copy of values
    // leaves a date's format behind, so dates (and the archive's own columns) are written.
    const copied = columns
      .filter((index) => !rows.some((row) => live.cells.values[row - 1]?.[index] instanceof Date))
      .map((index): [number, number] => [index, position.get(labels[index]!.toLowerCase())!]);
    const copiedPositions = new Set(copied.map(([, at]) => at));
    writeBlock(
      journal,
      target.sheet,
      target.firstRow,
      target.header.map((_, index) => index).filter((index) => !copiedPositions.has(index)),
      rows.map((row) => archivedRow(target.header, meta, live.cells, labels, columns, row)),
    );
    copyRowValues(journal, live.sheet, rows, copied, target.sheet, target.firstRow);
  }
  const firstFreeRow = lastContentRow(table, live.cells.values as unknown[][]) + 1;
  const vacating = vacate(
    live.cells,
    rows,
    userColumns(table, live.cells),
    carried.rows.length,
    firstFreeRow,
  );
  clearRows(journal, live.sheet, live.cells, vacating.clear, columns);
  const formulaColumns = [
    ...new Set([...vacating.formulas.values()].flatMap((kept) => [...kept.keys()])),
  ];
  fillRows(
    journal,
    live.sheet,
    formulaColumns,
    new Map(
      [...vacating.formulas].map(([row, kept]): [number, SheetCell[]] => [
        row,
        formulaColumns.reduce<SheetCell[]>((cells, column) => {
          cells[column] = kept.get(column) ?? '';
          return cells;
        }, []),
      ]),
    ),
  );
  fillRows(
    journal,
    live.sheet,
    carried.columns,
    new Map(vacating.carriedRows.map((row, index) => [row, carried.rows[index]!])),
  );
}

/** Closes the open cycle as the dialog asked; returns what was done. */
export function closeOpenCycle(payload: unknown, today: Date = spreadsheetNow()): CloseCycleResult {
  return withDocumentLock(() => {
    const cycle = readOpenCycle(today, true);
    const { settings } = cycle;
    const request = readCloseCyclePayload(payload, {
      cycleName: settings.cycleName,
      objectives: cycle.cycleObjectives,
      keyResults: cycle.cycleKeyResults,
    });
    const next = nextCycle(settings, today);
    const milestones = readOptionalTable(MILESTONES, false);
    const carry = planCarry({
      objectives: cycle.objectives.cells,
      keyResults: cycle.keyResults.cells,
      milestones: milestones?.cells ?? null,
      cycleObjectives: cycle.cycleObjectives,
      chosen: request.carryForward,
      next,
      fromCycle: settings.cycleName,
    });
    const closedOn = startOfDay(today);
    const summary = archiveRows({
      cycleName: settings.cycleName,
      cycleStart: settings.cycleStart,
      cycleEnd: settings.cycleEnd,
      closedOn,
      objectives: cycle.cycleObjectives,
      keyResultsByObjective: cycle.byObjective,
      scores: cycle.scores,
      lessons: request.lessons,
      carriedObjectives: carry.objectiveIds,
      carriedKeyResults: carry.keyResultIds,
    });
    const meta = { cycle: settings.cycleName, closedOn };
    // Every sheet is checked before the first write: Settings must exist (it opens the next
    // cycle) and no archive sheet name may belong to a sheet of the user's.
    const settingsTable = cycle.settingsTable ?? readLiveTable(SETTINGS, true);
    findArchiveSheet(ARCHIVE_SHEET, 'archive');
    findArchiveSheet(ARCHIVED_ROW_SHEETS.objectives, 'archivedObjectives');
    findArchiveSheet(ARCHIVED_ROW_SHEETS.keyResults, 'archivedKeyResults');

    allOrNothing('Closing the cycle', (journal) => {
      // Final scores show like every score (0.90, not 0.9033333333).
      appendToArchive(
        journal,
        ARCHIVE_SHEET,
        'archive',
        ARCHIVE_HEADER,
        (header) => placeByLabel(header, ARCHIVE_HEADER, summary),
        { 'Final Score': SCORE_FORMAT },
      );
      moveTableRows(
        journal,
        OBJECTIVES,
        cycle.objectives,
        cycle.moved.objectiveRows,
        carry.objectives,
        { name: ARCHIVED_ROW_SHEETS.objectives, kind: 'archivedObjectives' },
        meta,
      );
      moveTableRows(
        journal,
        KEY_RESULTS,
        cycle.keyResults,
        cycle.moved.keyResultRows,
        carry.keyResults,
        { name: ARCHIVED_ROW_SHEETS.keyResults, kind: 'archivedKeyResults' },
        meta,
      );
      if (milestones && carry.milestones) {
        writeBlock(
          journal,
          milestones.sheet,
          lastContentRow(MILESTONES, milestones.cells.values as unknown[][]) + 1,
          carry.milestones.columns,
          carry.milestones.rows,
        );
      }
      writeSettings(journal, settingsTable, [
        [
          CLOSED_CYCLES_LABEL,
          exactCell(closedCyclesValue(cycle.closedCycles.join(', '), settings.cycleName)),
        ],
        [SETTING_LABELS.cycleName, exactCell(next.cycleName)],
        [SETTING_LABELS.cycleStart, next.cycleStart],
        [SETTING_LABELS.cycleEnd, next.cycleEnd],
        // The flag describes the cycle now open in Settings: the next one.
        [SETTING_LABELS.cycleClosed, false],
      ]);
    });
    return {
      closedCycle: settings.cycleName,
      nextCycleName: next.cycleName,
      nextCycleStart: formatIsoDate(next.cycleStart),
      nextCycleEnd: formatIsoDate(next.cycleEnd),
      archivedRows: summary.length,
      carried: carry.carried.map(([from, to]) => ({ from, to })),
    };
  });
}

export function showCloseCycleDialogPage(): void {
  showDialogPage('CloseCycle', 'Close cycle', 720, 600);
}
