/**
 * Close cycle…: the dialog's server side. getCloseCycleData shows final scores; closeCycle
 * validates the dialog's payload, then under the document lock archives the cycle, opens the next
 * one in Settings and appends the carried-forward objectives and key results as new rows.
 * Nothing is deleted or rewritten: existing objective, key result and check-in rows stay as they are.
 */
import { OkrInputError } from '../core/errors';
import { spreadsheetNow, writeValues } from './sheetValues';
import { scoredObjective, scoredProgress } from '../core/health';
import { SETTING_LABELS } from '../core/settings';
import { startOfDay } from '../core/wallClock';
import type { KeyResult, Objective } from '../core/types';
import type { CloseCycleData, CloseCycleResult } from '../shared/closeCycle';
import {
  ARCHIVE_HEADER,
  ARCHIVE_SHEET,
  archiveRows,
  carriedRows,
  CLOSED_CYCLES_LABEL,
  closedCyclesValue,
  keyResultsOf,
  objectivesInCycle,
  readCloseCyclePayload,
} from '../workbook/archive';
import { formatIsoDate, idKey } from '../workbook/cells';
import { findColumns, headerKey } from '../workbook/headers';
import { KEY_RESULTS, OBJECTIVES, SETTINGS } from '../workbook/schema';
import { nextCycle } from '../workbook/settings';
import type { SheetCell } from '../workbook/sheetRows';
import { readOkrWorkbook, type OkrWorkbook } from './okrWorkbook';
import { SCORE_FORMAT } from '../workbook/scoreColours';
import { appendRows, readTable, withDocumentLock, writeRowFields } from './tables';
import { showDialogPage } from './ui';

interface OpenCycle {
  workbook: OkrWorkbook;
  objectives: Objective[];
  keyResults: KeyResult[];
  /** Final score by idKey() of objective and KR ID. */
  scores: Map<string, number | null>;
}

function readOpenCycle(today: Date): OpenCycle {
  const workbook = readOkrWorkbook(today);
  const objectives = objectivesInCycle(workbook.objectives, workbook.history);
  const keyResults = keyResultsOf(workbook.keyResults, objectives);
  const scores = new Map<string, number | null>();
  for (const keyResult of keyResults) scores.set(idKey(keyResult.id), scoredProgress(keyResult));
  for (const objective of objectives) {
    const own = keyResults.filter(
      (keyResult) => idKey(keyResult.objectiveId) === idKey(objective.id),
    );
    scores.set(idKey(objective.id), scoredObjective(own));
  }
  return { workbook, objectives, keyResults, scores };
}

const isoOrNull = (date: Date | null): string | null => (date ? formatIsoDate(date) : null);

/** What the dialog shows: final scores per objective and KR, and the cycle that closing opens. */
export function closeCycleData(today: Date = spreadsheetNow()): CloseCycleData {
  const { workbook, objectives, keyResults, scores } = readOpenCycle(today);
  const { settings } = workbook;
  const next = nextCycle(settings, today);
  return {
    cycleName: settings.cycleName,
    cycleStart: isoOrNull(settings.cycleStart),
    cycleEnd: isoOrNull(settings.cycleEnd),
    nextCycleName: next.cycleName,
    nextCycleStart: formatIsoDate(next.cycleStart),
    nextCycleEnd: formatIsoDate(next.cycleEnd),
    objectives: objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      team: objective.team,
      kind: objective.kind ?? '',
      score: scores.get(idKey(objective.id)) ?? null,
      keyResults: keyResults
        .filter((keyResult) => idKey(keyResult.objectiveId) === idKey(objective.id))
        .map((keyResult) => {
          const score = scores.get(idKey(keyResult.id)) ?? null;
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

/** Appends the archive rows below the Archive sheet's last row, creating the sheet with its header. */
function appendArchive(rows: SheetCell[][]): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const header: SheetCell[] = [...ARCHIVE_HEADER];
  let sheet = spreadsheet.getSheetByName(ARCHIVE_SHEET);
  let block = rows;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(ARCHIVE_SHEET);
    sheet.setFrozenRows(1);
    block = [header, ...rows];
  } else if (sheet.getLastRow() === 0) {
    block = [header, ...rows];
  } else if (sheet.getRange(1, 1).getValue() !== ARCHIVE_HEADER[0]) {
    throw new OkrInputError(
      `A sheet named "${ARCHIVE_SHEET}" already exists and was not made by OKR Cadence (its cell A1 is not "${ARCHIVE_HEADER[0]}"). ` +
        'Rename that sheet, then close the cycle again; nothing has been changed.',
    );
  }
  if (block.length === 0) return;
  const firstRow = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  const lastRow = firstRow + block.length - 1;
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  writeValues(sheet.getRange(firstRow, 1, block.length, header.length), block);
  // Final scores show like every score (0.90, not 0.9033333333).
  sheet
    .getRange(firstRow, ARCHIVE_HEADER.indexOf('Final Score') + 1, block.length, 1)
    .setNumberFormat(SCORE_FORMAT);
}

/** Sets Settings values by label: existing rows are updated in place, missing ones appended. */
function updateSettings(
  values: readonly (readonly unknown[])[],
  updates: readonly [string, unknown][],
): void {
  const { columns } = findColumns(SETTINGS, values[0] ?? []);
  const labelColumn = columns['setting'] ?? 0;
  const missing: Record<string, unknown>[] = [];
  for (const [label, value] of updates) {
    const index = values.findIndex(
      (row, i) => i > 0 && headerKey(row[labelColumn]) === headerKey(label),
    );
    if (index > 0) writeRowFields(SETTINGS, index + 1, { value }, columns);
    else missing.push({ setting: label, value });
  }
  if (missing.length > 0) appendRows(SETTINGS, missing);
}

/** Closes the open cycle as the dialog asked; returns what was done. */
export function closeOpenCycle(payload: unknown, today: Date = spreadsheetNow()): CloseCycleResult {
  return withDocumentLock(() => {
    const cycle = readOpenCycle(today);
    const { workbook } = cycle;
    const { settings } = workbook;
    const request = readCloseCyclePayload(payload, {
      cycleName: settings.cycleName,
      objectives: cycle.objectives,
      keyResults: cycle.keyResults,
    });
    const next = nextCycle(settings, today);
    const archive = archiveRows({
      cycleName: settings.cycleName,
      // The calendar day, so the Archive shows a date rather than a time.
      closedOn: startOfDay(today),
      objectives: cycle.objectives,
      keyResults: cycle.keyResults,
      scores: cycle.scores,
      lessons: request.lessons,
    });
    const carried = carriedRows({
      existingObjectiveIds: workbook.objectives.map((objective) => objective.id),
      existingKeyResultIds: workbook.keyResults.map((keyResult) => keyResult.id),
      objectives: cycle.objectives,
      keyResults: request.carryForward,
      next,
      fromCycle: settings.cycleName,
    });
    const settingsValues = readTable(SETTINGS).values;
    const closedBefore = workbook.history.closedCycles.join(', ');
    appendArchive(archive);
    if (carried.objectives.length > 0) appendRows(OBJECTIVES, carried.objectives);
    if (carried.keyResults.length > 0) appendRows(KEY_RESULTS, carried.keyResults);
    updateSettings(settingsValues, [
      [CLOSED_CYCLES_LABEL, closedCyclesValue(closedBefore, settings.cycleName)],
      [SETTING_LABELS.cycleName, next.cycleName],
      [SETTING_LABELS.cycleStart, next.cycleStart],
      [SETTING_LABELS.cycleEnd, next.cycleEnd],
      // The flag describes the cycle now open in Settings: the next one.
      [SETTING_LABELS.cycleClosed, false],
    ]);
    return {
      closedCycle: settings.cycleName,
      nextCycleName: next.cycleName,
      nextCycleStart: formatIsoDate(next.cycleStart),
      nextCycleEnd: formatIsoDate(next.cycleEnd),
      archivedRows: archive.length,
      carried: [...carried.keyResultIds].map(([from, to]) => ({ from, to })),
    };
  });
}

export function showCloseCycleDialogPage(): void {
  showDialogPage('CloseCycle', 'Close cycle', 720, 600);
}
