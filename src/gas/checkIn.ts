/**
 * The check-in sidebar's server side. What each call reads is bounded by what the sidebar shows or
 * a save changes, never by the Check-ins history: the list comes from the key result rows (which
 * keep Current, Confidence and Last Check-in), the form's last check-ins from the bottom of
 * Check-ins, and a save reads the key result it changes, appends below the last row without
 * reading the rows above, and re-reads nothing afterwards. The document lock is held only around
 * the write; the key result's row is found again by ID under it.
 */
import {
  checkInRecord,
  checkValueForKeyResult,
  keyResultUpdate,
  readCheckInPayload,
} from '../core/checkIn';
import {
  HISTORY_LENGTH,
  buildCheckInContext,
  checkInList,
  searchCheckInList,
  summarizeKeyResult,
  type CheckInList,
  type ProjectedProgress,
} from '../core/checkInSummary';
import { keyResultPlanDates } from '../core/balance';
import { keyResultForecast } from '../core/forecast';
import { startOfDay } from '../core/wallClock';
import { OkrInputError } from '../core/errors';
import type { OkrSettings } from '../core/settings';
import type { CheckIn, KeyResult, Milestone, Objective } from '../core/types';
import {
  MAX_SEARCH_LENGTH,
  type CheckInContext,
  type CheckInFieldError,
  type CheckInPayload,
  type KeyResultDetailResult,
  type KeyResultPage,
  type SaveCheckInResult,
} from '../shared/checkIn';
import { readValues, spreadsheetNow } from './sheetValues';
import { fieldsInOurColumns } from '../workbook/adoption';
import { closedCycleNames } from '../workbook/archive';
import { idKey } from '../workbook/cells';
import { describeProblem, type RowProblem } from '../workbook/problems';
import {
  CHECK_INS,
  KEY_RESULTS,
  MILESTONES,
  OBJECTIVES,
  SETTINGS,
  type TableDef,
} from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import { parseKeyResults, parseMilestones, parseObjectives } from '../workbook/tables';
import { latestCheckInsOf, recentReadingsOf } from './checkInHistory';
import {
  readColumns,
  readRowAt,
  readTableHeader,
  uniqueRowWithId,
  valuesWithRows,
  type TableHeader,
} from './rowsById';
import { importableSheets } from './importHint';
import { appendRows, readTable, withDocumentLock, writeRowFields } from './tables';

/**
 * The signed-in user's email. Needs the userinfo.email scope; it is "" when Google withholds it
 * (a consumer account using another person's add-on), and then no KR is marked as the user's.
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()
 */
function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Sheets without which a check-in still makes sense: they read as empty. */
function readOptionalTable(table: TableDef): unknown[][] {
  try {
    return readTable(table).values;
  } catch (error) {
    if (error instanceof OkrInputError) return [];
    throw error;
  }
}

/** The Settings sheet's values and what they say (defaults when it is missing). */
function readSettingsValues(now: Date): { values: unknown[][]; settings: OkrSettings } {
  const values = readOptionalTable(SETTINGS);
  return { values, settings: parseSettings(values, now).settings };
}

const foldCycle = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The open cycle and the closed ones: a close or a reopen changes it, and the page reloads. */
function cycleStampOf(settingsValues: readonly (readonly unknown[])[], settings: OkrSettings) {
  return JSON.stringify([
    foldCycle(settings.cycleName),
    closedCycleNames(settingsValues).map(foldCycle),
  ]);
}

/**
 * The key result rows up to the last column people type in (the other spilled formula columns are
 * left), and the Forecast column's values by sheet row.
 */
function readKeyResultRows(): {
  values: unknown[][];
  forecasts: ReadonlyMap<number, number | null> | undefined;
} {
  const table = readTableHeader(KEY_RESULTS);
  const typed = KEY_RESULTS.columns
    .filter((column) => !column.computed)
    .flatMap((column) => {
      const index = table.columns[column.key];
      return index === undefined ? [] : [index];
    });
  const lastRow = table.sheet.getLastRow();
  if (lastRow < 2) return { values: [table.header], forecasts: undefined };
  const forecastColumn = table.columns.forecast;
  return {
    values: readValues(table.sheet.getRange(1, 1, lastRow, Math.max(...typed) + 1)),
    forecasts:
      forecastColumn === undefined
        ? undefined
        : forecastsByRow(table.sheet.getRange(2, forecastColumn + 1, lastRow - 1, 1).getValues()),
  };
}

/** Forecast cells (from row 2) by sheet row; cells that hold no forecast are left out. */
export function forecastsByRow(cells: unknown[][]): Map<number, number | null> {
  const forecasts = new Map<number, number | null>();
  cells.forEach(([cell], offset) => {
    const progress = forecastCellProgress(cell);
    if (progress !== undefined) forecasts.set(offset + 2, progress);
  });
  return forecasts;
}

/**
 * What a Forecast cell says (OKRFORECAST, spilled by the sheet over every check-in): a projected
 * progress, null when blank (fewer than two check-ins), undefined for anything else (an `ERROR:`
 * text, a value still loading, a user's own column of other numbers).
 */
function forecastCellProgress(cell: unknown): number | null | undefined {
  if (cell === '' || cell === null) return null;
  return typeof cell === 'number' && cell >= 0 && cell <= 1 ? cell : undefined;
}

/** The sidebar's reading of a key result row's Forecast cell, when the sheet has the column. */
function projectedInRow(
  table: TableHeader,
  cells: readonly unknown[],
  beforeLatest: boolean,
): ProjectedProgress | undefined {
  const column = table.columns.forecast;
  const progress = column === undefined ? undefined : forecastCellProgress(cells[column] ?? '');
  return progress === undefined ? undefined : { progress, beforeLatest };
}

/** The sidebar's list of the open cycle, from the key result rows and the objectives only. */
function loadList(
  now: Date,
  userEmail: string,
): { list: CheckInList; settings: OkrSettings; cycleStamp: string; problems: RowProblem[] } {
  const { values: keyResultValues, forecasts } = readKeyResultRows();
  const keyResults = parseKeyResults(keyResultValues);
  const objectiveValues = readOptionalTable(OBJECTIVES);
  const objectives = objectiveValues.length > 0 ? parseObjectives(objectiveValues).rows : [];
  const { values, settings } = readSettingsValues(now);
  return {
    list: checkInList(
      { keyResults: keyResults.rows, objectives, settings, forecasts },
      userEmail,
      now,
    ),
    settings,
    cycleStamp: cycleStampOf(values, settings),
    // Only problems that can hide a KR from the sidebar or change what it shows.
    problems: [...keyResults.problems, ...parseSettings(values, now).problems],
  };
}

/**
 * What the sidebar shows when it opens: the user's key results and the first page of all; with no
 * key results, where OKRs seem to be.
 */
export function getCheckInContext(): CheckInContext {
  const now = spreadsheetNow();
  const userEmail = activeUserEmail();
  let loaded: ReturnType<typeof loadList>;
  try {
    loaded = loadList(now, userEmail);
  } catch (error) {
    // No Key Results table yet: a workbook of the team's own OKRs is led to Import OKRs….
    const importable = error instanceof OkrInputError ? importableSheets() : [];
    if (importable.length === 0) throw error;
    return { ...emptyCheckInContext(now, userEmail), importableSheets: importable };
  }
  const { list, settings, cycleStamp, problems } = loaded;
  const context = buildCheckInContext(
    list,
    settings,
    userEmail,
    now,
    problems.map(describeProblem),
    cycleStamp,
  );
  return {
    ...context,
    importableSheets: context.all.total === 0 ? importableSheets() : [],
  };
}

function emptyCheckInContext(
  now: Date,
  userEmail: string,
): Omit<CheckInContext, 'importableSheets'> {
  return {
    userEmail,
    cycleName: '',
    cycleStamp: '',
    asOf: now.toISOString(),
    mine: [],
    mineTotal: 0,
    all: { query: '', offset: 0, total: 0, keyResults: [], objectives: [] },
    problems: [],
  };
}

/** The page of key results matching the search words, answered here so the page never holds all. */
export function searchKeyResults(request: unknown): KeyResultPage {
  const { query, offset } = (request ?? {}) as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_SEARCH_LENGTH)
    throw new Error(`Search for at most ${MAX_SEARCH_LENGTH} characters of text.`);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 1e6)
    throw new Error('The page must start at a whole number of key results from 0.');
  const { list } = loadList(spreadsheetNow(), activeUserEmail());
  return searchCheckInList(list, query.trim(), offset);
}

/** The open cycle's stamp, so a sidebar left open notices a close (one small read). */
export function getCheckInCycle(): string {
  const { values, settings } = readSettingsValues(spreadsheetNow());
  return cycleStampOf(values, settings);
}

type Found = { ok: true; keyResult: KeyResult } | { ok: false; message: string };

/** The key result in one row of the table, parsed alone, or what stops it being read. */
function keyResultAt(table: TableHeader, row: number, cells: unknown[]): Found {
  const parsed = parseKeyResults(valuesWithRows(table.header, new Map([[row, cells]])));
  const keyResult = parsed.rows[0];
  if (keyResult) return { ok: true, keyResult };
  const problem = parsed.problems[0];
  return {
    ok: false,
    message: problem
      ? describeProblem(problem)
      : `Key Results row ${row} could not be read. Check the row, then try again.`,
  };
}

function notFound(keyResultId: string): Found {
  return {
    ok: false,
    message: `No key result has the ID "${keyResultId.slice(0, 60)}" in the Key Results sheet any more. The list has been reloaded: choose the key result again.`,
  };
}

/** The key result with this ID: its ID column and its row are read, nothing else. */
function findKeyResult(
  table: TableHeader,
  keyResultId: string,
): Found & { row?: number; cells?: unknown[] } {
  const row = uniqueRowWithId(table, keyResultId, 'key result');
  if (row === null) return notFound(keyResultId);
  const cells = readRowAt(table, row);
  return { ...keyResultAt(table, row, cells), row, cells };
}

/** The key result's objective (its ID column and row), or null when it or its sheet is missing. */
function findObjective(objectiveId: string): Objective | null {
  let table: TableHeader;
  try {
    table = readTableHeader(OBJECTIVES);
  } catch (error) {
    if (error instanceof OkrInputError) return null;
    throw error;
  }
  const row = uniqueRowWithId(table, objectiveId, 'objective');
  if (row === null) return null;
  const parsed = parseObjectives(
    valuesWithRows(table.header, new Map([[row, readRowAt(table, row)]])),
  );
  return parsed.rows[0] ?? null;
}

/** Why a key result takes no check-in because its cycle is closed, or null when it is open. */
function closedCycleProblem(
  keyResult: KeyResult,
  objective: Objective | null,
  settingsValues: readonly (readonly unknown[])[],
  settings: OkrSettings,
): string | null {
  const cycle = objective?.cycle.trim() ?? '';
  if (
    cycle === '' ||
    !closedCycleNames(settingsValues).some((name) => foldCycle(name) === foldCycle(cycle))
  )
    return null;
  return (
    `"${keyResult.title.slice(0, 80)}" belongs to the cycle "${cycle}", which has been closed, so it takes no more check-ins. ` +
    `The list has been reloaded with the key results of ${settings.cycleName ? `the open cycle "${settings.cycleName}"` : 'the open cycle'}.`
  );
}

/** The KR's checklist, for a milestone KR (read whole: milestones are few, never the history). */
function milestonesOf(keyResult: KeyResult): {
  rows: Milestone[];
  columns: Record<string, number | undefined>;
} {
  const values = keyResult.type === 'milestone' ? readOptionalTable(MILESTONES) : [];
  if (values.length === 0) return { rows: [], columns: {} };
  const parsed = parseMilestones(values);
  return {
    rows: parsed.rows.filter((row) => idKey(row.keyResultId) === idKey(keyResult.id)),
    columns: parsed.columns,
  };
}

/** The key result the form opens: its row, its objective, its checklist and its last check-ins. */
export function getKeyResultDetail(keyResultId: unknown): KeyResultDetailResult {
  if (typeof keyResultId !== 'string' || keyResultId.trim() === '' || keyResultId.length > 200)
    throw new Error('Send the ID of a key result (text of at most 200 characters).');
  const now = spreadsheetNow();
  const table = readTableHeader(KEY_RESULTS);
  const found = findKeyResult(table, keyResultId);
  if (!found.ok) return { ok: false, message: found.message, reload: true };
  const { keyResult } = found;
  const objective = findObjective(keyResult.objectiveId);
  const { values, settings } = readSettingsValues(now);
  const closed = closedCycleProblem(keyResult, objective, values, settings);
  if (closed) return { ok: false, message: closed, reload: true };
  return {
    ok: true,
    keyResult: summarizeKeyResult(
      keyResult,
      objective?.title ?? '',
      latestCheckInsOf(keyResult.id, HISTORY_LENGTH),
      milestonesOf(keyResult).rows,
      settings,
      now,
      activeUserEmail(),
      projectedInRow(table, found.cells!, false),
    ),
  };
}

type Refusal = { ok: false; errors: CheckInFieldError[]; reload?: boolean };

const refusal = (message: string, reload: boolean): Refusal => ({
  ok: false,
  errors: [{ field: 'keyResultId', message }],
  reload,
});

/**
 * Validates and saves a check-in. Nothing is written unless every field is valid and the lock is
 * had; the result is the saved key result, or the problems with the field each belongs to.
 */
export function saveCheckIn(payload: unknown): SaveCheckInResult {
  const read = readCheckInPayload(payload);
  if (!read.ok) return read;
  const checkIn = read.value;
  const author = activeUserEmail();
  try {
    const now = spreadsheetNow();
    // Before the lock: the key result, what decides whether it takes check-ins, and our columns.
    const table = readTableHeader(KEY_RESULTS);
    const found = findKeyResult(table, checkIn.keyResultId);
    if (!found.ok) return refusal(found.message, true);
    const objective = findObjective(found.keyResult.objectiveId);
    const { values: settingsValues, settings } = readSettingsValues(now);
    const closed = closedCycleProblem(found.keyResult, objective, settingsValues, settings);
    if (closed) return refusal(closed, true);
    const updateKeys = keyResultFieldsWeOwn(table, checkIn, now);
    const written = withDocumentLock(() =>
      writeCheckIn(checkIn, author, { row: found.row!, objective, updateKeys }, now),
    );
    if (!written.ok) return written;
    const { keyResult, value, checklist } = written;
    // After the lock: the forecast with this check-in, for the sidebar to show at once.
    const projected =
      projectedAfterSave(keyResult, written.checkInRow, settings, now) ??
      projectedInRow(table, written.cells, true);
    const saved: CheckIn = {
      ...checkInRecord(checkIn, keyResult, value, author, now),
      row: written.checkInRow,
    } as CheckIn;
    return {
      ok: true,
      keyResult: summarizeKeyResult(
        keyResult,
        objective?.title ?? '',
        [saved],
        checklist,
        settings,
        now,
        author,
        projected,
      ),
      savedAt: now.toISOString(),
    };
  } catch (error) {
    // The lock was not had, or a sheet is missing: said for people, nothing written.
    if (error instanceof OkrInputError)
      return { ok: false, errors: [{ field: null, message: error.message }] };
    throw error;
  }
}

/** The KR fields a check-in updates whose column is ours (a column of the user's is left alone). */
function keyResultFieldsWeOwn(table: TableHeader, checkIn: CheckInPayload, now: Date): string[] {
  const update = keyResultUpdate(0, checkIn.confidence, now);
  const judged = (['confidence', 'lastCheckIn'] as const).flatMap((key) => {
    const index = table.columns[key];
    return index === undefined ? [] : [index];
  });
  const columnValues = readColumns(table, judged);
  return Object.keys(fieldsInOurColumns(update, columnValues, table.columns));
}

type WriteResult =
  | {
      ok: true;
      keyResult: KeyResult;
      value: number | boolean;
      checklist: Milestone[];
      checkInRow: number;
      /** The key result's row as read under the lock, before the write. */
      cells: unknown[];
    }
  | Refusal;

/** What the save learnt before taking the lock. */
interface SaveTarget {
  /** The sheet row the key result was in. */
  row: number;
  objective: Objective | null;
  /** The KR fields whose column is ours. */
  updateKeys: readonly string[];
}

/**
 * The key result's row as it is now: the row it was in when that row still holds its ID, else
 * found again by ID (a row inserted or removed meanwhile moves it).
 */
function keyResultNow(table: TableHeader, keyResultId: string, expectedRow: number) {
  const cells = readRowAt(table, expectedRow);
  const idIndex = table.columns.id!;
  if (idKey(String(cells[idIndex] ?? '')) === idKey(keyResultId))
    return { ...keyResultAt(table, expectedRow, cells), row: expectedRow, cells };
  return findKeyResult(table, keyResultId);
}

/**
 * Runs under the document lock: finds the KR's row again by ID, checks that its cycle is still
 * open and that the value fits the row as it is now, then writes.
 */
function writeCheckIn(
  checkIn: CheckInPayload,
  author: string,
  target: SaveTarget,
  now: Date,
): WriteResult {
  const { updateKeys } = target;
  const table = readTableHeader(KEY_RESULTS);
  const found = keyResultNow(table, checkIn.keyResultId, target.row);
  if (!found.ok) return refusal(found.message, true);
  const keyResult = found.keyResult;
  // A cycle closed while this save waited for the lock takes no more check-ins.
  const { values: settingsValues, settings } = readSettingsValues(now);
  const closed = closedCycleProblem(keyResult, target.objective, settingsValues, settings);
  if (closed) return refusal(closed, true);
  const milestones = milestonesOf(keyResult);
  const fitted = checkValueForKeyResult(checkIn, keyResult, milestones.rows, now);
  if (!fitted.ok) return fitted;
  const { value, milestoneUpdates } = fitted.value;
  const checkInRow = appendRows(CHECK_INS, [checkInRecord(checkIn, keyResult, value, author, now)]);
  const update = keyResultUpdate(value, checkIn.confidence, now);
  writeRowFields(
    KEY_RESULTS,
    found.row!,
    Object.fromEntries(Object.entries(update).filter(([key]) => updateKeys.includes(key))),
    table.columns,
  );
  // One write per milestone ticked in this check-in: a handful, never the size of the table.
  for (const change of milestoneUpdates) {
    writeRowFields(
      MILESTONES,
      change.row,
      { done: change.done, doneDate: change.doneDate },
      milestones.columns,
    );
  }
  // Written before the lock is released, so the next person's read sees this check-in.
  SpreadsheetApp.flush();
  const changed = new Map(milestoneUpdates.map((change) => [change.row, change]));
  return {
    ok: true,
    keyResult: {
      ...keyResult,
      current: value,
      confidence: updateKeys.includes('confidence') ? checkIn.confidence : keyResult.confidence,
      lastCheckIn: updateKeys.includes('lastCheckIn') ? now : keyResult.lastCheckIn,
    },
    value,
    checklist: milestones.rows.map((milestone) => {
      const change = changed.get(milestone.row);
      return change ? { ...milestone, done: change.done, doneDate: change.doneDate } : milestone;
    }),
    checkInRow,
    cells: found.cells!,
  };
}

/**
 * The key result's forecast counting the check-in just saved, refitted from its check-ins in the
 * last rows of Check-ins when those hold all of them since its start date; undefined otherwise
 * (the sheet's Forecast column, which counts every check-in, is then shown as it was).
 */
function projectedAfterSave(
  keyResult: KeyResult,
  checkInRow: number,
  settings: OkrSettings,
  now: Date,
): ProjectedProgress | undefined {
  const cycle = { start: settings.cycleStart, end: settings.cycleEnd };
  try {
    const { startDate } = keyResultPlanDates(keyResult, cycle);
    const recent = recentReadingsOf(keyResult.id, startOfDay(startDate), checkInRow);
    if (recent === null || !recent.complete) return undefined;
    const forecast = keyResultForecast(keyResult, recent.readings, now, cycle);
    return { progress: forecast?.progress ?? null, beforeLatest: false };
  } catch (error) {
    // A value or date the forecast needs is missing: the key result's problem says which.
    if (error instanceof OkrInputError) return undefined;
    throw error;
  }
}
